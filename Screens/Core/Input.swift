import RoleWizardCore

/// A key press, as the backend decodes it. Screens match on these; they never see curses codes.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (including space).
    case char(Character)
    /// Ctrl and a letter, lower case: `.ctrl("c")`.
    case ctrl(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    public var description: String {
        switch self {
        case let .char(character): return character == " " ? "Space" : String(character)
        case let .ctrl(letter): return "Ctrl-" + letter.uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case let .function(number): return "F\(number)"
        }
    }
}

/// Everything that reaches `update`: keys, resizes, and the results of effects (messages as values).
public enum Event: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The managed policy catalog finished loading (after the first frame).
    case catalogLoaded(ManagedPolicyCatalog)
    /// The IAM catalog finished loading (after the managed policy catalog): the plan's findings
    /// and the statement editor's action completion are there from now on.
    case iamCatalogLoaded(IAMCatalog)
    /// `$EDITOR` returned with this text (nil: the editor failed to start or exited non-zero).
    case editorFinished(text: String?, target: EditorTarget)
    /// An export or a spec load finished.
    case exportFinished(Result<[String], EffectFailure>)
    case specLoaded(path: String, Result<String, EffectFailure>)
    /// An effect with no screen of its own failed (saving the draft): shown in the status line.
    case effectFailed(EffectFailure)
}

/// A failure an effect reports back, in words for the status line.
public struct EffectFailure: Error, Equatable, Sendable {
    public var message: String
    /// The export's folder exists and is not empty: the screen asks before replacing it.
    public var folderExists: Bool
    public init(_ message: String, folderExists: Bool = false) {
        self.message = message
        self.folderExists = folderExists
    }
}
