/// The three kinds of role an ECS workload can need.
public enum RoleKind: String, CaseIterable, Sendable {
    /// Assumed by the containers' code: what the application may call.
    case task
    /// Assumed by the ECS agent / Fargate: pull images, write logs, fetch secrets at start.
    case execution
    /// EC2 launch type only: the container instance's role, given to EC2 through an instance profile.
    case instance

    public var title: String {
        switch self {
        case .task: return "Task role"
        case .execution: return "Task execution role"
        case .instance: return "EC2 container-instance role"
        }
    }

    /// The service principal that assumes roles of this kind.
    public var trustedService: String {
        switch self {
        case .task, .execution: return "ecs-tasks.amazonaws.com"
        case .instance: return "ec2.amazonaws.com"
        }
    }

    /// AWS managed policies a role of this kind gets unless the spec lists its own.
    public var defaultManagedPolicies: [String] {
        switch self {
        case .task: return []
        case .execution: return ["service-role/AmazonECSTaskExecutionRolePolicy"]
        case .instance: return ["service-role/AmazonEC2ContainerServiceforEC2Role"]
        }
    }

    public var hasInstanceProfile: Bool { self == .instance }
}

public struct Role: Equatable, Sendable {
    public var name: String
    public var kind: RoleKind
    public var description: String?
    /// nil means `/`.
    public var path: String?
    /// Seconds; nil means IAM's default, 3600.
    public var maxSessionDuration: Int?
    /// A managed policy name or ARN used as the role's permissions boundary.
    public var permissionsBoundary: String?
    public var tags: [Tag]
    public var trust: TrustSettings
    /// Names or ARNs. nil means the kind's defaults; an explicit list replaces them.
    public var managedPolicies: [String]?
    public var inlinePolicies: [InlinePolicy]

    public init(name: String, kind: RoleKind, description: String? = nil, path: String? = nil,
                maxSessionDuration: Int? = nil, permissionsBoundary: String? = nil, tags: [Tag] = [],
                trust: TrustSettings = TrustSettings(), managedPolicies: [String]? = nil,
                inlinePolicies: [InlinePolicy] = []) {
        self.name = name
        self.kind = kind
        self.description = description
        self.path = path
        self.maxSessionDuration = maxSessionDuration
        self.permissionsBoundary = permissionsBoundary
        self.tags = tags
        self.trust = trust
        self.managedPolicies = managedPolicies
        self.inlinePolicies = inlinePolicies
    }

    public var effectivePath: String { path ?? "/" }
    public var effectiveManagedPolicies: [String] { managedPolicies ?? kind.defaultManagedPolicies }
    public var effectiveMaxSessionDuration: Int { maxSessionDuration ?? IAMRules.defaultSessionDuration }
}

public struct Tag: Equatable, Hashable, Sendable {
    public var key: String
    public var value: String
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// Who may assume the role.
public struct TrustSettings: Equatable, Sendable {
    /// `aws:SourceAccount` / `aws:SourceArn` on the ECS tasks principal. nil: on for task and
    /// execution roles when the plan knows its account and region, off otherwise.
    public var confusedDeputyProtection: Bool?
    /// Service principals. nil means the kind's own (`ecs-tasks.amazonaws.com` or `ec2.amazonaws.com`).
    public var services: [String]?
    /// Account IDs (12 digits) or IAM principal ARNs allowed to assume the role.
    public var accounts: [String]
    /// A whole trust policy written by hand; when set, the fields above are not used.
    public var document: PolicyDocument?

    public init(confusedDeputyProtection: Bool? = nil, services: [String]? = nil, accounts: [String] = [],
                document: PolicyDocument? = nil) {
        self.confusedDeputyProtection = confusedDeputyProtection
        self.services = services
        self.accounts = accounts
        self.document = document
    }
}

extension TrustSettings {
    /// What `confusedDeputyProtection: nil` means: on for task and execution roles that trust
    /// ecs-tasks.amazonaws.com when the plan knows its account and region, off otherwise.
    public func defaultConfusedDeputyProtection(kind: RoleKind, context: PlanContext) -> Bool {
        kind != .instance && context.account != nil && context.region != nil
            && (services ?? [kind.trustedService]).contains(RoleKind.task.trustedService)
    }
}

/// Where a policy's statements come from: a building block, statements, or a whole document.
public enum PolicySource: Equatable, Sendable {
    case template(name: String, parameters: BlockParameters)
    case statements([Statement])
    case document(PolicyDocument)
}

public struct InlinePolicy: Equatable, Sendable {
    public var name: String
    public var source: PolicySource
    public init(name: String, source: PolicySource) {
        self.name = name
        self.source = source
    }
}

/// A managed policy the plan creates in the account and attaches to some of its roles.
public struct CustomerManagedPolicy: Equatable, Sendable {
    public var name: String
    public var description: String?
    public var path: String?
    public var source: PolicySource
    /// Names of roles in the plan.
    public var attachTo: [String]

    public init(name: String, description: String? = nil, path: String? = nil, source: PolicySource,
                attachTo: [String] = []) {
        self.name = name
        self.description = description
        self.path = path
        self.source = source
        self.attachTo = attachTo
    }

    public var effectivePath: String { path ?? "/" }
}
