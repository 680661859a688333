import RoleWizardCore

/// The whole wizard's state: the plan being built, where the person is, and each step's own
/// state. `Wizard.update` changes it; `Wizard.render` draws it.
public struct WizardModel: Sendable {
    /// Every change recompiles at once, so `compiled` and `problems` never lag behind.
    public var plan: Plan {
        didSet {
            planChanged = true
            recompile()
        }
    }
    /// Loaded after the first frame; steps that need it say so until it arrives.
    public var catalog: ManagedPolicyCatalog? {
        didSet { recompile() }
    }
    /// The plan compiled against the catalog (nil until the catalog is there).
    public private(set) var compiled: CompiledPlan?
    public var step: Step
    /// The role steps 2–5 edit.
    public var roleIndex: Int
    public var size: (width: Int, height: Int)
    public var glyphs: Glyphs
    public var teachingVisible = false
    public var overlay: Overlay?
    /// One line under the body: what just happened, or what went wrong.
    public var status: Status?
    /// The plan changed since it was last exported or saved as a spec.
    public var unsaved = false
    /// A draft from an earlier session that the start screen offers to resume.
    public var draft: Plan?
    /// Where Export suggests writing, and relative paths are taken from.
    public var workingDirectory: String

    public var start = StartState()
    public var roles = RolesState()
    public var trust = TrustState()
    public var managed = ManagedPoliciesState()
    public var inline = InlinePoliciesState()
    public var details = DetailsState()
    public var review = ReviewState()
    public var export = ExportState()

    /// Set by `plan`'s didSet; `Wizard.update` saves the draft when it is set.
    var planChanged = false

    public init(plan: Plan = Plan(), step: Step = .start, size: (width: Int, height: Int) = (80, 24),
                glyphs: Glyphs = .unicode, draft: Plan? = nil, catalog: ManagedPolicyCatalog? = nil,
                workingDirectory: String = ".") {
        self.plan = plan
        self.step = step
        self.roleIndex = 0
        self.size = size
        self.glyphs = glyphs
        self.draft = draft
        self.catalog = catalog
        self.workingDirectory = workingDirectory
        recompile()
    }

    public enum Status: Equatable, Sendable {
        case info(String)
        case error(String)
    }

    public enum Overlay: Equatable, Sendable {
        case help
        case confirmQuit
        /// A yes/no question; `yes` is performed by the step that asked.
        case confirm(question: String, purpose: ConfirmPurpose)
    }

    public enum ConfirmPurpose: Equatable, Sendable {
        case deleteRole(Int)
        case deleteInlinePolicy(role: Int, index: Int)
        case overwriteExport
    }

    /// The role being edited in steps 2–5, if the plan has one.
    public var role: Role? {
        get { plan.roles.indices.contains(roleIndex) ? plan.roles[roleIndex] : nil }
        set {
            guard let newValue, plan.roles.indices.contains(roleIndex) else { return }
            plan.roles[roleIndex] = newValue
        }
    }

    public var compiledRole: CompiledRole? {
        guard let compiled, compiled.roles.indices.contains(roleIndex) else { return nil }
        return compiled.roles[roleIndex]
    }

    /// Every problem of the plan (empty until the catalog has loaded).
    public var problems: [Problem] { compiled?.problems ?? [] }

    /// Problems under `roles[roleIndex]` that step `step` owns.
    public func problems(of step: Step, role: Int? = nil) -> [Problem] {
        problems.filter { problem in
            let owner = Step.owning(problem.path)
            return owner.step == step && (role == nil || owner.role == role)
        }
    }

    mutating func recompile() {
        if let catalog { compiled = PlanCompiler(catalog: catalog).compile(plan) }
        roleIndex = plan.roles.isEmpty ? 0 : min(max(0, roleIndex), plan.roles.count - 1)
    }
}
