/// An IAM policy document in IAM's full grammar.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
public struct PolicyDocument: Equatable, Sendable {
    public static let currentVersion = "2012-10-17"

    public var version: String?
    public var id: String?
    public var statements: [Statement]
    /// `Statement` may be one object instead of an array; kept so documents round-trip.
    public var statementIsList: Bool

    public init(version: String? = PolicyDocument.currentVersion, id: String? = nil,
                statements: [Statement], statementIsList: Bool = true) {
        self.version = version
        self.id = id
        self.statements = statements
        self.statementIsList = statementIsList
    }
}

public enum Effect: String, Equatable, Sendable, CaseIterable {
    case allow = "Allow"
    case deny = "Deny"
}

public struct Statement: Equatable, Sendable {
    public var sid: String?
    public var effect: Effect
    public var principal: Principal?
    public var notPrincipal: Principal?
    public var action: StringList?
    public var notAction: StringList?
    public var resource: StringList?
    public var notResource: StringList?
    public var condition: ConditionBlock?

    public init(sid: String? = nil, effect: Effect = .allow, principal: Principal? = nil,
                notPrincipal: Principal? = nil, action: StringList? = nil, notAction: StringList? = nil,
                resource: StringList? = nil, notResource: StringList? = nil, condition: ConditionBlock? = nil) {
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.notPrincipal = notPrincipal
        self.action = action
        self.notAction = notAction
        self.resource = resource
        self.notResource = notResource
        self.condition = condition
    }
}

/// `"Principal": "*"` or a map of principal types to one or more values.
public enum Principal: Equatable, Sendable {
    case everyone
    case map([(type: PrincipalType, values: StringList)])

    public static func == (lhs: Principal, rhs: Principal) -> Bool {
        switch (lhs, rhs) {
        case (.everyone, .everyone): return true
        case let (.map(a), .map(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.type == $1.type && $0.values == $1.values }
        default: return false
        }
    }

    public static func service(_ names: [String]) -> Principal {
        .map([(type: .service, values: StringList(names, isList: names.count != 1))])
    }
}

public enum PrincipalType: String, Equatable, Sendable, CaseIterable {
    case aws = "AWS"
    case service = "Service"
    case federated = "Federated"
    case canonicalUser = "CanonicalUser"
}

/// `"Condition": { operator: { key: value(s) } }`, in the order written.
public struct ConditionBlock: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var key: String
        public var values: ConditionValues
        public init(key: String, values: ConditionValues) {
            self.key = key
            self.values = values
        }
    }

    public struct Clause: Equatable, Sendable {
        public var `operator`: String
        public var entries: [Entry]
        public init(operator: String, entries: [Entry]) {
            self.operator = `operator`
            self.entries = entries
        }
    }

    public var clauses: [Clause]
    public init(_ clauses: [Clause]) { self.clauses = clauses }

    /// A block of one operator and one key with string values.
    public static func single(_ op: String, _ key: String, _ values: [String]) -> ConditionBlock {
        ConditionBlock([Clause(operator: op, entries: [Entry(key: key, values: ConditionValues(values.map(ConditionValue.string)))])])
    }
}

public enum ConditionValue: Equatable, Hashable, Sendable {
    case string(String)
    case bool(Bool)
    /// The number's literal text.
    case number(String)

    public var text: String {
        switch self {
        case let .string(text), let .number(text): return text
        case let .bool(flag): return flag ? "true" : "false"
        }
    }

    var json: JSONValue {
        switch self {
        case let .string(text): return .string(text)
        case let .number(text): return .number(text)
        case let .bool(flag): return .bool(flag)
        }
    }
}

public struct ConditionValues: Equatable, Sendable {
    public var values: [ConditionValue]
    public var isList: Bool
    public init(_ values: [ConditionValue], isList: Bool? = nil) {
        self.values = values
        self.isList = isList ?? (values.count != 1)
    }
}
