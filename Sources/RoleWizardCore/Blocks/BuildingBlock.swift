/// A value given to a building block parameter.
public enum ParameterValue: Equatable, Sendable {
    case string(String)
    case bool(Bool)
    case list([String])
}

/// Parameters as written, in order.
public struct BlockParameters: Equatable, Sendable {
    public var entries: [(name: String, value: ParameterValue)]

    public init(_ entries: [(name: String, value: ParameterValue)] = []) { self.entries = entries }

    public static func == (lhs: BlockParameters, rhs: BlockParameters) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public subscript(name: String) -> ParameterValue? {
        get { entries.first(where: { $0.name == name })?.value }
        set {
            if let index = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }
}

public enum ParameterKind: String, Sendable {
    case string, bool, list

    var noun: String {
        switch self {
        case .string: return "a string"
        case .bool: return "true or false"
        case .list: return "a list of strings"
        }
    }
}

public struct BlockParameter: Sendable {
    public let name: String
    public let kind: ParameterKind
    public let required: Bool
    public let help: String
    /// What the wizard's form shows as an example value.
    public let example: String
    /// Checks one value (one list item, or the string); nil when it is fine.
    let check: (@Sendable (String, PlanContext) -> String?)?

    init(_ name: String, _ kind: ParameterKind, required: Bool = false, help: String, example: String = "",
         check: (@Sendable (String, PlanContext) -> String?)? = nil) {
        self.name = name
        self.kind = kind
        self.required = required
        self.help = help
        self.example = example
        self.check = check
    }
}

/// A building block: a named, parameterised piece of least-privilege policy.
public struct BuildingBlock: Sendable {
    public let name: String
    public let title: String
    /// One or two sentences for the wizard and the README: what it grants and why.
    public let summary: String
    public let parameters: [BlockParameter]
    /// Checks that span parameters (e.g. "cluster is needed when operatorActions is on").
    let checkAll: @Sendable (BlockArguments) -> [(parameter: String, message: String)]
    let build: @Sendable (BlockArguments, PlanContext) -> [Statement]

    /// Checks the parameters; the problems name the parameter they are about.
    public func problems(_ parameters: BlockParameters, context: PlanContext, at path: FieldPath) -> [Problem] {
        var problems: [Problem] = []
        for entry in parameters.entries {
            let entryPath = path / entry.name
            guard let declared = self.parameters.first(where: { $0.name == entry.name }) else {
                let known = self.parameters.map(\.name)
                problems.append(Problem(entryPath, "\(name) has no parameter \(IAMRules.quoted(entry.name))"
                    + Suggest.didYouMean(entry.name, among: known) + "; its parameters are " + known.joined(separator: ", ")))
                continue
            }
            switch (declared.kind, entry.value) {
            case let (.string, .string(text)):
                if let message = declared.check?(text, context) { problems.append(Problem(entryPath, message)) }
            case (.bool, .bool): break
            case let (.list, .list(items)):
                if declared.required && items.isEmpty {
                    problems.append(Problem(entryPath, "\(declared.name) needs at least one value"))
                }
                for (index, item) in items.enumerated() {
                    if let message = declared.check?(item, context) { problems.append(Problem(entryPath / index, message)) }
                }
                if let duplicate = Suggest.firstDuplicate(items) {
                    problems.append(Problem(entryPath, "\(IAMRules.quoted(duplicate)) is listed twice"))
                }
            case let (.list, .string(text)):
                // One value where a list is expected is accepted, as IAM does for Action.
                if let message = declared.check?(text, context) { problems.append(Problem(entryPath, message)) }
            default:
                problems.append(Problem(entryPath, "\(declared.name) must be \(declared.kind.noun)"))
            }
        }
        for declared in self.parameters where declared.required && parameters[declared.name] == nil {
            problems.append(Problem(path, "\(name) needs the parameter \(declared.name) (\(declared.help))"))
        }
        if problems.isEmpty {
            problems += checkAll(BlockArguments(parameters)).map { Problem(path / $0.parameter, $0.message) }
        }
        return problems
    }

    /// The statements for valid parameters (check `problems` first).
    public func statements(_ parameters: BlockParameters, context: PlanContext) -> [Statement] {
        build(BlockArguments(parameters), context)
    }

    public func document(_ parameters: BlockParameters, context: PlanContext) -> PolicyDocument {
        PolicyDocument(statements: statements(parameters, context: context))
    }
}

/// Typed access to parameters, with defaults for the missing ones.
public struct BlockArguments: Sendable {
    let parameters: BlockParameters
    init(_ parameters: BlockParameters) { self.parameters = parameters }

    func list(_ name: String) -> [String] {
        switch parameters[name] {
        case let .list(items)?: return items
        case let .string(text)?: return [text]
        default: return []
        }
    }

    func string(_ name: String, default fallback: String = "") -> String {
        if case let .string(text)? = parameters[name] { return text }
        return fallback
    }

    func bool(_ name: String, default fallback: Bool = false) -> Bool {
        if case let .bool(flag)? = parameters[name] { return flag }
        return fallback
    }
}

/// Every building block, by name.
public enum BuildingBlocks {
    public static let all: [BuildingBlock] = [
        .ecsExec, .kmsDecrypt, .ssmParameters, .s3ReadOnly, .s3ReadWrite, .secretsRead, .logsWrite, .cloudwatchMetrics,
    ]

    public static func named(_ name: String) -> BuildingBlock? { all.first(where: { $0.name == name }) }
}
