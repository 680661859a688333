import Yams

/// Reads a spec file (YAML, or JSON, which YAML reads too) into a plan. Every problem of
/// shape (unknown key, wrong type) is collected with where it was written; what the values
/// mean is checked afterwards by `PlanCompiler`.
public enum SpecReader {
    public static let currentVersion = 1

    static let planKeys = ["version", "account", "region", "partition", "roles", "customerManagedPolicies"]
    static let roleKeys = ["name", "kind", "description", "path", "maxSessionDuration", "permissionsBoundary",
                           "tags", "trust", "managedPolicies", "inlinePolicies"]
    static let trustKeys = ["confusedDeputyProtection", "services", "accounts", "document"]
    static let inlineKeys = ["name", "template", "parameters", "statements", "document"]
    static let customerKeys = ["name", "description", "path", "template", "parameters", "statements", "document", "attachTo"]

    public struct Result: Sendable {
        /// nil when the text is not YAML at all, or not a mapping.
        public var plan: Plan?
        public var problems: [Problem]
        /// Where each field was written (line and column from 1).
        public var locations: [FieldPath: SourceLocation]
        /// Fields that were missing or unreadable; later checks of them would repeat the problem.
        public var unreadable: Set<FieldPath> = []

        /// The location of a field, or of the nearest enclosing field that has one.
        public func location(of path: FieldPath) -> SourceLocation? {
            var current: FieldPath? = path
            while let candidate = current {
                if let location = locations[candidate] { return location }
                current = candidate.parent
            }
            return nil
        }
    }

    public static func read(text: String) -> Result {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            let (location, message) = YAMLSyntax.describe(error, text: text)
            var locations: [FieldPath: SourceLocation] = [:]
            locations[.root] = location
            return Result(plan: nil, problems: [Problem(.root, "not valid YAML or JSON: \(message)")], locations: locations)
        }
        guard let node else {
            return Result(plan: nil, problems: [Problem(.root, "the spec is empty; start from `ecs-role-wizard init --preset NAME`")], locations: [:])
        }
        let reader = NodeReader()
        let plan = readPlan(node, reader: reader)
        return Result(plan: plan, problems: reader.problems, locations: reader.locations, unreadable: reader.unreadable)
    }

    static func readPlan(_ node: Node, reader: NodeReader) -> Plan? {
        guard let entries = reader.mapping(node, at: .root, allowed: planKeys, what: "a spec") else { return nil }
        var plan = Plan()
        var sawRoles = false
        for (key, value) in entries {
            let path = FieldPath.root / key
            switch key {
            case "version":
                if let version = reader.int(value, at: path, what: "version"), version != currentVersion {
                    reader.fail(path, "spec version \(version) is not supported; this ecs-role-wizard reads version \(currentVersion)")
                }
            case "account": plan.account = reader.string(value, at: path, what: "account")
            case "region": plan.region = reader.string(value, at: path, what: "region")
            case "partition":
                if let text = reader.string(value, at: path, what: "partition") {
                    plan.partition = Partition(rawValue: text)
                    if plan.partition == nil {
                        reader.fail(path, "partition must be aws, aws-cn or aws-us-gov, not \(JSONWriter.quoted(text))")
                    }
                }
            case "roles":
                sawRoles = true
                if let items = reader.sequence(value, at: path, what: "roles") {
                    plan.roles = items.enumerated().compactMap { readRole($1, at: path / $0, reader: reader) }
                }
            default:
                if let items = reader.sequence(value, at: path, what: "customerManagedPolicies") {
                    plan.customerManagedPolicies = items.enumerated().compactMap { readCustomerPolicy($1, at: path / $0, reader: reader) }
                }
            }
        }
        if !sawRoles { reader.failValue(.root / "roles", "a spec needs `roles:`, a list of at least one role") }
        return plan
    }

    static func readRole(_ node: Node, at path: FieldPath, reader: NodeReader) -> Role? {
        guard let entries = reader.mapping(node, at: path, allowed: roleKeys, what: "a role") else { return nil }
        var role = Role(name: "", kind: .task)
        var name: String?, kind: RoleKind?
        for (key, value) in entries {
            let keyPath = path / key
            switch key {
            case "name": name = reader.string(value, at: keyPath, what: "name")
            case "kind":
                if let text = reader.string(value, at: keyPath, what: "kind") {
                    kind = RoleKind(rawValue: text)
                    if kind == nil {
                        reader.fail(keyPath, "kind must be task, execution or instance, not \(JSONWriter.quoted(text))"
                                    + Suggest.didYouMean(text, among: RoleKind.allCases.map(\.rawValue)))
                    }
                }
            case "description": role.description = reader.string(value, at: keyPath, what: "description")
            case "path": role.path = reader.string(value, at: keyPath, what: "path")
            case "maxSessionDuration": role.maxSessionDuration = reader.int(value, at: keyPath, what: "maxSessionDuration")
            case "permissionsBoundary": role.permissionsBoundary = reader.string(value, at: keyPath, what: "permissionsBoundary")
            case "tags": role.tags = readTags(value, at: keyPath, reader: reader)
            case "trust": role.trust = readTrust(value, at: keyPath, reader: reader)
            case "managedPolicies": role.managedPolicies = reader.strings(value, at: keyPath, what: "managedPolicies")
            default:
                if let items = reader.sequence(value, at: keyPath, what: "inlinePolicies") {
                    role.inlinePolicies = items.enumerated().compactMap { index, item in
                        guard let entries = reader.mapping(item, at: keyPath / index, allowed: inlineKeys, what: "an inline policy") else { return nil }
                        let (policyName, source) = readPolicyBody(entries, at: keyPath / index, reader: reader)
                        guard let source else { return nil }
                        return InlinePolicy(name: policyName ?? "", source: source)
                    }
                }
            }
        }
        if !entries.contains(where: { $0.key == "name" }) { reader.failValue(path / "name", "a role needs a name") }
        if !entries.contains(where: { $0.key == "kind" }) {
            reader.failValue(path / "kind", "a role needs a kind: task, execution or instance")
        }
        role.name = name ?? ""
        role.kind = kind ?? .task
        return role
    }

    static func readTags(_ node: Node, at path: FieldPath, reader: NodeReader) -> [Tag] {
        guard let entries = reader.mapping(node, at: path, allowed: nil, what: "tags") else { return [] }
        // Tags are written KEY: VALUE; problems name them by position, as the plan does.
        if case let .mapping(mapping) = node {
            for (index, keyNode) in mapping.map(\.key).enumerated() { reader.note(keyNode, at: path / index / "key") }
        }
        return entries.enumerated().compactMap { index, entry in
            guard let value = reader.string(entry.value, at: path / index / "value", what: "the value of tag \(entry.key)") else { return nil }
            return Tag(entry.key, value)
        }
    }

    static func readTrust(_ node: Node, at path: FieldPath, reader: NodeReader) -> TrustSettings {
        var trust = TrustSettings()
        guard let entries = reader.mapping(node, at: path, allowed: trustKeys, what: "trust") else { return trust }
        for (key, value) in entries {
            switch key {
            case "confusedDeputyProtection":
                trust.confusedDeputyProtection = reader.bool(value, at: path / key, what: "confusedDeputyProtection")
            case "services": trust.services = reader.strings(value, at: path / key, what: "services")
            case "accounts": trust.accounts = reader.strings(value, at: path / key, what: "accounts") ?? []
            default: trust.document = PolicyReader.read(value, at: path / key, reader: reader)
            }
        }
        if trust.document != nil && entries.count > 1 {
            reader.fail(path / "document", "a trust document replaces services, accounts and confusedDeputyProtection; give one or the other")
        }
        return trust
    }

    static func readCustomerPolicy(_ node: Node, at path: FieldPath, reader: NodeReader) -> CustomerManagedPolicy? {
        guard let entries = reader.mapping(node, at: path, allowed: customerKeys, what: "a customer managed policy") else { return nil }
        let (name, source) = readPolicyBody(entries, at: path, reader: reader)
        guard let source else { return nil }
        var policy = CustomerManagedPolicy(name: name ?? "", source: source)
        for (key, value) in entries {
            switch key {
            case "description": policy.description = reader.string(value, at: path / key, what: "description")
            case "path": policy.path = reader.string(value, at: path / key, what: "path")
            case "attachTo": policy.attachTo = reader.strings(value, at: path / key, what: "attachTo") ?? []
            default: break
            }
        }
        return policy
    }

    /// The name and exactly one of template (+ parameters), statements or document.
    static func readPolicyBody(_ entries: [(key: String, value: Node)], at path: FieldPath,
                               reader: NodeReader) -> (String?, PolicySource?) {
        var name: String?
        var sources: [PolicySource] = []
        var templateName: String?, parameters = BlockParameters()
        var sawParameters = false
        for (key, value) in entries {
            switch key {
            case "name": name = reader.string(value, at: path / key, what: "name")
            case "template": templateName = reader.string(value, at: path / key, what: "template")
            case "parameters":
                sawParameters = true
                parameters = readParameters(value, at: path / key, reader: reader)
            case "statements":
                if let statements = PolicyReader.readStatements(value, at: path / key, reader: reader) {
                    sources.append(.statements(statements))
                }
            case "document":
                if let document = PolicyReader.read(value, at: path / key, reader: reader) {
                    sources.append(.document(document))
                }
            default: break
            }
        }
        if !entries.contains(where: { $0.key == "name" }) { reader.failValue(path / "name", "a policy needs a name") }
        if let templateName { sources.insert(.template(name: templateName, parameters: parameters), at: 0) }
        if sawParameters && templateName == nil { reader.failValue(path / "parameters", "parameters go with a template") }
        let given = ["template", "statements", "document"].filter { key in entries.contains { $0.key == key } }
        if given.count > 1 {
            reader.fail(path, "give one of template, statements or document, not " + given.joined(separator: " and "))
            return (name, nil)
        }
        if given.isEmpty {
            reader.fail(path, "a policy needs a template (with parameters), statements, or a document")
            return (name, nil)
        }
        return (name, sources.first)
    }

    static func readParameters(_ node: Node, at path: FieldPath, reader: NodeReader) -> BlockParameters {
        guard let entries = reader.mapping(node, at: path, allowed: nil, what: "parameters") else { return BlockParameters() }
        var parameters = BlockParameters()
        for (key, value) in entries {
            reader.note(value, at: path / key)
            switch value {
            case let .scalar(scalar) where scalar.style == .plain && (scalar.string == "true" || scalar.string == "false"):
                parameters[key] = .bool(scalar.string == "true")
            case .scalar:
                if let text = reader.string(value, at: path / key, what: key) { parameters[key] = .string(text) }
            case .sequence:
                if let items = reader.strings(value, at: path / key, what: key) { parameters[key] = .list(items) }
            default:
                reader.fail(path / key, "\(key) must be a string, true/false or a list of strings")
            }
        }
        return parameters
    }
}
