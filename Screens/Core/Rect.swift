/// A rectangle of cells on the canvas.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// The rectangle less `margin` cells on every side.
    public func inset(_ margin: Int) -> Rect {
        Rect(x: x + margin, y: y + margin, width: width - 2 * margin, height: height - 2 * margin)
    }

    /// Splits into a left part of `width` columns (plus a gap) and the rest.
    public func splitColumns(_ leftWidth: Int, gap: Int = 1) -> (Rect, Rect) {
        let left = min(leftWidth, width)
        return (Rect(x: x, y: y, width: left, height: height),
                Rect(x: x + left + gap, y: y, width: width - left - gap, height: height))
    }

    /// Splits into a top part of `height` rows and the rest.
    public func splitRows(_ topHeight: Int) -> (Rect, Rect) {
        let top = min(topHeight, height)
        return (Rect(x: x, y: y, width: width, height: top),
                Rect(x: x, y: y + top, width: width, height: height - top))
    }
}
