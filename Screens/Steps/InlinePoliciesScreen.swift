import RoleWizardCore

// DEVELOPMENT SCAFFOLD: to be replaced by the real screen before any commit.
public struct InlinePoliciesState: Equatable, Sendable {
    public init() {}
}

public enum InlinePoliciesScreen: StepScreen {
    public enum Action: Sendable { case none }
    public static let step = Step.inlinePolicies
    public static let teaching = ""
    public static func bindings(_ model: WizardModel) -> [Binding<Action>] { [] }
    public static func perform(_ action: Action, _ model: inout WizardModel) -> [Effect] { [] }
    public static func typed(_ key: Key, _ model: inout WizardModel) -> [Effect]? { nil }
    public static func capturesText(_ model: WizardModel) -> Bool { false }
    public static func escape(_ model: inout WizardModel) -> Bool { false }
    public static func focus(_ path: FieldPath, _ model: inout WizardModel) {}
    public static func render(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? { nil }
}

extension InlinePoliciesScreen {
    static func editorFinished(text: String?, target: EditorTarget, _ model: inout WizardModel) -> [Effect] { [] }
    static func deleteConfirmed(role: Int, index: Int, _ model: inout WizardModel) -> [Effect] { [] }
}
