/// A one-line text editor: the text and where the cursor is (in characters).
public struct TextField: Equatable, Sendable {
    public var text: String
    public var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    /// Applies an editing key; returns false when the key is not an editing key (so the
    /// screen can use it: Enter, Tab, arrows up and down, Esc…).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case let .char(character):
            let index = text.index(text.startIndex, offsetBy: cursor)
            text.insert(character, at: index)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text.removeFirst(cursor)
            cursor = 0
        case .ctrl("k"):
            text = String(text.prefix(cursor))
        case .ctrl("w"):
            let before = Array(text.prefix(cursor))
            var start = before.count
            while start > 0 && before[start - 1] == " " { start -= 1 }
            while start > 0 && before[start - 1] != " " { start -= 1 }
            text = String(before[..<start]) + text.dropFirst(cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// The visible part for a field `width` columns wide, and the cursor's column in it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let characters = Array(text)
        var start = 0
        while DisplayWidth.of(String(characters[start..<cursor])) >= width { start += 1 }
        let shown = TextLayout.prefix(String(characters[start...]), width: width)
        return (shown, DisplayWidth.of(String(characters[start..<cursor])))
    }
}
