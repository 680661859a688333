/// The characters for borders and markers: Unicode when the locale is UTF-8, ASCII otherwise.
public struct Glyphs: Equatable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var checked: String
    public var unchecked: String
    public var pointer: String
    public var barFull: String
    public var barEmpty: String
    public var ellipsis: String
    public var error: String
    public var ok: String
    public var ecsMark: String
    /// Marks a count of lint findings: "⚠2"; empty in ASCII, where the count is written "(2)".
    public var findingMark: String

    public static let unicode = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                       bottomLeft: "└", bottomRight: "┘", checked: "[x]", unchecked: "[ ]",
                                       pointer: "›", barFull: "█", barEmpty: "░", ellipsis: "…",
                                       error: "✗", ok: "✓", ecsMark: "◆", findingMark: "⚠")
    public static let ascii = Glyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                     bottomLeft: "+", bottomRight: "+", checked: "[x]", unchecked: "[ ]",
                                     pointer: ">", barFull: "#", barEmpty: ".", ellipsis: "~",
                                     error: "x", ok: "+", ecsMark: "*", findingMark: "")

    /// A count of findings: "⚠2", or "(2)" in ASCII.
    public func findings(_ count: Int) -> String { findingMark.isEmpty ? "(\(count))" : findingMark + "\(count)" }
}
