import RoleWizardCore

/// Work that `update` asks the app loop to do: values, so tests can assert on them and the
/// loop can run them with real files, processes and clocks.
public enum Effect: Equatable, Sendable {
    /// Write the draft (the plan as a spec, atomically, in the XDG state folder).
    case saveDraft(Plan)
    /// Write the chosen formats into a folder through the core's renderers.
    case export(ExportRequest)
    /// Open `$VISUAL` / `$EDITOR` / `vi` on this text; the result comes back as `.editorFinished`.
    case openEditor(text: String, target: EditorTarget)
    /// Read a spec file; the text comes back as `.specLoaded`.
    case loadSpec(path: String)
    /// Leave the wizard. `keepDraft` is false when everything was exported.
    case quit(keepDraft: Bool)
}

public struct ExportRequest: Equatable, Sendable {
    public var plan: Plan
    public var formats: [OutputFormat]
    public var folder: String
    public var force: Bool

    public init(plan: Plan, formats: [OutputFormat], folder: String, force: Bool) {
        self.plan = plan
        self.formats = formats
        self.folder = folder
        self.force = force
    }
}

/// What an editor session edits, so its text lands in the right place when it comes back.
public enum EditorTarget: Equatable, Sendable {
    /// An inline policy of a role; `index` nil for a new one named `name`.
    case inlinePolicy(role: Int, index: Int?, name: String)
    /// A role's whole trust policy.
    case trustDocument(role: Int)
}
