/// A key binding: the keys, what the footer and help call them, and the action they send.
/// Screens list their bindings once; `update` dispatches through the list and the footer and
/// the help overlay are drawn from it, so they cannot disagree.
public struct Binding<Action: Sendable>: Sendable {
    public var keys: [Key]
    /// How the footer shows the keys: "↑↓", "Enter", "Space".
    public var label: String
    /// What it does, in two or three words.
    public var help: String
    public var action: Action
    /// Shown in the footer (false: only in the help overlay).
    public var inFooter: Bool

    public init(_ keys: [Key], _ label: String, _ help: String, _ action: Action, inFooter: Bool = true) {
        self.keys = keys
        self.label = label
        self.help = help
        self.action = action
        self.inFooter = inFooter
    }

    public var hint: KeyHint { KeyHint(label: label, help: help, inFooter: inFooter) }
}

/// A binding without its action: what the footer and the help overlay show.
public struct KeyHint: Equatable, Sendable {
    public var label: String
    public var help: String
    public var inFooter: Bool
}

extension Array {
    /// The action bound to `key`, if any.
    public func action<Action>(for key: Key) -> Action? where Element == Binding<Action> {
        first { $0.keys.contains(key) }?.action
    }
}
