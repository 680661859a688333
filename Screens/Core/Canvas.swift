/// A grid of cells that screens render into. It knows display widths, so wide characters
/// (CJK, emoji) take two cells and text never spills past the right edge.
public struct Canvas: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        /// The character shown; "" for the second half of a wide character.
        public var text: String
        public var style: Style
        public init(_ text: String = " ", style: Style = .normal) {
            self.text = text
            self.style = style
        }
    }

    /// Theme roles rather than colors: the backend maps them to colors, or to bold and reverse
    /// when there are none.
    public enum Style: Equatable, Sendable {
        case normal, title, selected, muted, error, accent
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from (x, y), clipped at `limit` columns (default: the right edge).
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, limit.map { x + $0 } ?? width)
        var column = x
        for character in text {
            let cellWidth = DisplayWidth.of(character)
            if cellWidth == 0 { continue }
            if column + cellWidth > end { break }
            if column >= 0 {
                cells[y * width + column] = Cell(String(character), style: style)
                if cellWidth == 2 { cells[y * width + column + 1] = Cell("", style: style) }
            }
            column += cellWidth
        }
        return column
    }

    /// The grid as plain text, one line per row, trailing spaces removed.
    public var text: String {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += self[x, y].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

/// How many terminal columns a character takes: 0 for combining marks and controls, 2 for
/// East Asian wide and emoji, 1 otherwise.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        // Printable ASCII first: nearly every cell is, and Unicode property lookups are not cheap.
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }
}

extension Canvas {
    /// The same grid with every cell in ASCII, for terminals whose locale is not UTF-8:
    /// arrows, marks and box lines become their nearest ASCII look-alike, anything else `?`.
    public func asciiOnly() -> Canvas {
        var copy = self
        for index in copy.cells.indices {
            let text = copy.cells[index].text
            if text.isEmpty {
                copy.cells[index].text = " "
            } else if !text.unicodeScalars.allSatisfy(\.isASCII) {
                copy.cells[index].text = Self.asciiLookAlikes[text] ?? "?"
            }
        }
        return copy
    }

    static let asciiLookAlikes: [String: String] = [
        "↑": "^", "↓": "v", "←": "<", "→": ">", "…": "~", "✓": "+", "✗": "x", "◆": "*", "›": ">",
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "█": "#", "░": ".", "↵": "$",
        "·": ".", "–": "-", "—": "-", "’": "'", "‘": "'", "“": "\"", "”": "\"", "×": "x", "é": "e",
    ]
}
