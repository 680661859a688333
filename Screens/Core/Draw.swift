extension Canvas {
    /// Fills a rectangle with spaces in a style.
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        for y in rect.y..<rect.maxY where y >= 0 && y < height {
            put(String(repeating: " ", count: rect.width), x: rect.x, y: y, style: style, limit: rect.width)
        }
    }

    /// A border around `rect` with an optional title in its top edge.
    public mutating func box(_ rect: Rect, title: String = "", glyphs: Glyphs, style: Style = .muted, titleStyle: Style = .title) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let inner = rect.width - 2
        put(glyphs.topLeft + String(repeating: glyphs.horizontal, count: inner) + glyphs.topRight, x: rect.x, y: rect.y, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put(glyphs.vertical, x: rect.x, y: y, style: style)
            put(glyphs.vertical, x: rect.maxX - 1, y: y, style: style)
        }
        put(glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: inner) + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1, style: style)
        if !title.isEmpty && inner > 4 {
            put(" \(title) ", x: rect.x + 2, y: rect.y, style: titleStyle, limit: inner - 2)
        }
    }

    /// Writes `text` wrapped to the rectangle's width; returns the number of rows used.
    @discardableResult
    public mutating func paragraph(_ text: String, in rect: Rect, style: Style = .normal, skip: Int = 0) -> Int {
        let lines = TextLayout.wrap(text, width: rect.width)
        var row = 0
        for line in lines.dropFirst(skip) where row < rect.height {
            put(line, x: rect.x, y: rect.y + row, style: style, limit: rect.width)
            row += 1
        }
        return row
    }

    /// Writes `text` clipped to `width` columns, ending in an ellipsis when it was cut.
    public mutating func clipped(_ text: String, x: Int, y: Int, width: Int, style: Style = .normal, glyphs: Glyphs) {
        put(TextLayout.truncate(text, width: width, ellipsis: glyphs.ellipsis), x: x, y: y, style: style, limit: width)
    }
}

/// Wrapping and truncating by display width.
public enum TextLayout {
    /// Word-wraps each paragraph of `text` (split on newlines) to `width` columns; words longer
    /// than a line are broken.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    let head = prefix(word, width: width - lineWidth - (lineWidth > 0 ? 1 : 0))
                    if head.isEmpty { lines.append(line); line = ""; lineWidth = 0; continue }
                    line += (lineWidth > 0 ? " " : "") + head
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                    word = String(word.dropFirst(head.count))
                    wordWidth = DisplayWidth.of(word)
                }
                line += (lineWidth > 0 ? " " : "") + word
                lineWidth += (lineWidth > 0 ? 1 : 0) + wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// The longest prefix of `text` that fits in `width` columns.
    public static func prefix(_ text: String, width: Int) -> String {
        var out = "", used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            out.append(character)
            used += w
        }
        return out
    }

    public static func truncate(_ text: String, width: Int, ellipsis: String) -> String {
        if DisplayWidth.of(text) <= width { return text }
        guard width > 0 else { return "" }
        return prefix(text, width: width - DisplayWidth.of(ellipsis)) + ellipsis
    }

    /// Pads with spaces to `width` columns (or truncates).
    public static func pad(_ text: String, width: Int) -> String {
        let cut = prefix(text, width: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }
}
