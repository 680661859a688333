/// A scrollable pane of policy text, wrapped to its width: the managed policies and review
/// steps show documents in one.
enum DocumentPane {
    /// A row of text and how it is drawn.
    struct Line: Equatable, Sendable {
        var text: String
        var style: Canvas.Style

        init(_ text: String, _ style: Canvas.Style = .normal) {
            self.text = text
            self.style = style
        }
    }

    /// Wraps each line of `text` to `width` columns, keeping its indentation on every row (long
    /// words are broken, so nothing is lost).
    static func wrap(_ text: String, width: Int, style: Canvas.Style = .normal) -> [Line] {
        guard width > 0 else { return [] }
        var body = Substring(text)
        while body.hasSuffix("\n") { body = body.dropLast() }
        return body.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [Line] in
            let indent = String(repeating: " ", count: min(line.prefix { $0 == " " }.count, width / 2))
            let rows = TextLayout.wrap(String(line.drop { $0 == " " }), width: width - indent.count)
            return rows.map { Line(indent + $0, style) }
        }
    }

    /// The first row that can be shown with `rows` rows of `total`.
    static func maxTop(total: Int, rows: Int) -> Int { max(0, total - max(1, rows)) }

    /// The first row after `move`: by one, by a page (less one row, for context), to the ends.
    static func scroll(_ top: Int, _ move: ListMove, total: Int, rows: Int) -> Int {
        let last = maxTop(total: total, rows: rows)
        let current = min(max(0, top), last)
        switch move {
        case let .by(delta): return min(max(0, current + delta), last)
        case let .page(direction): return min(max(0, current + direction * max(1, rows - 1)), last)
        case .first: return 0
        case .last: return last
        }
    }

    /// Draws `lines` from row `top` (clamped) into `rect`.
    static func draw(_ lines: [Line], top: Int, in rect: Rect, canvas: inout Canvas) {
        let first = min(max(0, top), maxTop(total: lines.count, rows: rect.height))
        for (row, line) in lines.dropFirst(first).prefix(rect.height).enumerated() {
            canvas.put(line.text, x: rect.x, y: rect.y + row, style: line.style, limit: rect.width)
        }
    }

    /// "rows 13–24 of 40", or "" when everything fits.
    static func position(top: Int, total: Int, rows: Int) -> String {
        guard total > rows, rows > 0 else { return "" }
        let first = min(max(0, top), maxTop(total: total, rows: rows))
        return "rows \(first + 1)–\(min(total, first + rows)) of \(total)"
    }

    /// 10240 → "10,240".
    static func grouped(_ number: Int) -> String {
        let digits = String(abs(number))
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }
}
