import RoleWizardCore

/// The wizard's steps, in order.
public enum Step: Int, CaseIterable, Sendable {
    case start, roles, trust, managedPolicies, inlinePolicies, details, review, export

    public var title: String {
        switch self {
        case .start: return "Start"
        case .roles: return "Roles"
        case .trust: return "Trusted entity"
        case .managedPolicies: return "Managed policies"
        case .inlinePolicies: return "Inline policies"
        case .details: return "Name and details"
        case .review: return "Review"
        case .export: return "Export"
        }
    }

    /// "1 Roles", "2 Trusted entity", …; the start screen has no number.
    public var numberedTitle: String { self == .start ? title : "\(rawValue) \(title)" }

    /// Steps 2–5 edit one role: the one selected in step 1.
    public var editsOneRole: Bool { (2...5).contains(rawValue) }

    public var next: Step? { Step(rawValue: rawValue + 1) }
    public var previous: Step? { Step(rawValue: rawValue - 1) }

    /// The step where the field at `path` is edited, and the index of its role.
    public static func owning(_ path: FieldPath) -> (step: Step, role: Int?) {
        guard case .key("roles")? = path.components.first else {
            return (path.components.isEmpty ? .roles : .review, nil)
        }
        guard path.components.count > 1, case let .index(role) = path.components[1] else { return (.roles, nil) }
        guard path.components.count > 2, case let .key(field) = path.components[2] else { return (.roles, role) }
        switch field {
        case "trust": return (.trust, role)
        case "managedPolicies": return (.managedPolicies, role)
        case "inlinePolicies": return (.inlinePolicies, role)
        case "kind": return (.roles, role)
        default: return (.details, role)
        }
    }
}

/// A wizard step's screen: its key bindings, what its actions do to the model, typing into a
/// focused field, and its view. All pure: effects are returned, not run.
public protocol StepScreen {
    associatedtype Action: Sendable

    static var step: Step { get }
    /// What the teaching pane says on this step.
    static var teaching: String { get }
    /// The bindings in force now (they may depend on focus: a focused text field takes letters).
    static func bindings(_ model: WizardModel) -> [Binding<Action>]
    static func perform(_ action: Action, _ model: inout WizardModel) -> [Effect]
    /// A key no binding took: typing into the focused field. nil when the key means nothing here.
    static func typed(_ key: Key, _ model: inout WizardModel) -> [Effect]?
    /// True while a text field has the focus, so that `q`, `?` and `i` are typed, not obeyed.
    static func capturesText(_ model: WizardModel) -> Bool
    /// Esc: clears the step's filter or leaves its sub-mode; false when there was nothing to clear.
    static func escape(_ model: inout WizardModel) -> Bool
    /// Puts the focus on the field at `path` (from the Review step's problem list).
    static func focus(_ path: FieldPath, _ model: inout WizardModel)
    /// Draws the step into `area`; returns where the text cursor goes, if a field is focused.
    static func render(_ model: WizardModel, in area: Rect, canvas: inout Canvas) -> (x: Int, y: Int)?
}
