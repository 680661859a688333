import RoleWizardCore

// DEVELOPMENT SCAFFOLD: to be replaced by the real screen before any commit.
public struct ManagedPoliciesState: Equatable, Sendable {
    public init() {}
}

public enum ManagedPoliciesScreen: StepScreen {
    public enum Action: Sendable { case none }
    public static let step = Step.managedPolicies
    public static let teaching = ""
    public static func bindings(_ model: WizardModel) -> [Binding<Action>] { [] }
    public static func perform(_ action: Action, _ model: inout WizardModel) -> [Effect] { [] }
    public static func typed(_ key: Key, _ model: inout WizardModel) -> [Effect]? { nil }
    public static func capturesText(_ model: WizardModel) -> Bool { false }
    public static func escape(_ model: inout WizardModel) -> Bool { false }
    public static func focus(_ path: FieldPath, _ model: inout WizardModel) {}
    public static func render(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)? { nil }
}
