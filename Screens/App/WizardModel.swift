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
        didSet {
            makeLinter()
            recompile()
        }
    }
    /// Every IAM service's actions, resource types and condition keys: what the plan is linted
    /// against and the statement editor completes from. Loaded after the first frame, like
    /// `catalog` (and after it).
    public var iamCatalog: IAMCatalog? {
        didSet {
            makeLinter()
            recompile()
        }
    }
    /// The plan compiled against the catalog (nil until the catalog is there).
    public private(set) var compiled: CompiledPlan?
    /// What the linter says about the compiled plan (IAM Access Analyzer style findings), less
    /// any ERROR that repeats a problem at the same field. nil until both catalogs are loaded:
    /// the plan is "not checked yet". Worked out when the plan changes, never on a cursor move.
    public private(set) var findings: [PlanFinding]?
    /// One linter for the session, so its cache (wildcard expansions, ARN formats…) stays warm.
    private var linter: PlanLinter?
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
                iamCatalog: IAMCatalog? = nil, workingDirectory: String = ".") {
        self.plan = plan
        self.step = step
        self.roleIndex = 0
        self.size = size
        self.glyphs = glyphs
        self.draft = draft
        self.catalog = catalog
        self.iamCatalog = iamCatalog
        self.workingDirectory = workingDirectory
        makeLinter()
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

    /// Findings whose field step `step` owns (all roles).
    public func findings(of step: Step) -> [PlanFinding] {
        (findings ?? []).filter { Step.owning($0.field).step == step }
    }

    mutating func recompile() {
        if let catalog { compiled = PlanCompiler(catalog: catalog).compile(plan) }
        findings = linter.flatMap { linter in compiled.map { Self.findings(linter.lint($0), problems: $0.problems) } }
        roleIndex = plan.roles.isEmpty ? 0 : min(max(0, roleIndex), plan.roles.count - 1)
    }

    private mutating func makeLinter() {
        guard let catalog, let iamCatalog else {
            linter = nil
            return
        }
        if let linter, linter.managedPolicies === catalog, linter.linter.catalog === iamCatalog { return }
        linter = PlanLinter(linter: PolicyLinter(catalog: iamCatalog), managedPolicies: catalog)
    }

    /// The linter's findings, less each ERROR that says again what a problem at the same field
    /// says (the problems list shows those, and they block the export).
    static func findings(_ all: [PlanFinding], problems: [Problem]) -> [PlanFinding] {
        guard !problems.isEmpty else { return all }
        let fields = Set(problems.map(\.path))
        return all.filter { $0.finding.severity != .error || !fields.contains($0.field) }
    }
}
