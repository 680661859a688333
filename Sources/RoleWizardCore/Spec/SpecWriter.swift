import Yams

/// Writes a plan as a spec file that `SpecReader` reads back to the same plan.
/// Defaults that the plan leaves unset stay unset, so a spec says only what was chosen.
public enum SpecWriter {
    public enum Format: String, CaseIterable, Sendable {
        case yaml, json
    }

    public static func text(_ plan: Plan, format: Format = .yaml, header: [String] = []) -> String {
        let value = json(plan)
        switch format {
        case .json:
            return JSONWriter.pretty(value)
        case .yaml:
            let comments = header.map { $0.isEmpty ? "#" : "# \($0)" }.joined(separator: "\n")
            // Serializing a tree of plain scalars cannot fail; an empty string is the fallback.
            let body = (try? Yams.serialize(node: node(value), width: -1, allowUnicode: true)) ?? ""
            return comments.isEmpty ? body : comments + "\n" + body
        }
    }

    /// The spec as an ordered JSON value (the same keys in YAML and JSON).
    public static func json(_ plan: Plan) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("version", .number(String(SpecReader.currentVersion)))]
        if let account = plan.account { members.append(("account", .string(account))) }
        if let region = plan.region { members.append(("region", .string(region))) }
        if let partition = plan.partition { members.append(("partition", .string(partition.rawValue))) }
        members.append(("roles", .array(plan.roles.map(role))))
        if !plan.customerManagedPolicies.isEmpty {
            members.append(("customerManagedPolicies", .array(plan.customerManagedPolicies.map(customerPolicy))))
        }
        return .object(members)
    }

    static func role(_ role: Role) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("name", .string(role.name)), ("kind", .string(role.kind.rawValue))]
        if let description = role.description { members.append(("description", .string(description))) }
        if let path = role.path { members.append(("path", .string(path))) }
        if let seconds = role.maxSessionDuration { members.append(("maxSessionDuration", .number(String(seconds)))) }
        if let boundary = role.permissionsBoundary { members.append(("permissionsBoundary", .string(boundary))) }
        if !role.tags.isEmpty { members.append(("tags", .object(role.tags.map { ($0.key, .string($0.value)) }))) }
        let trust = trust(role.trust)
        if case let .object(entries) = trust, !entries.isEmpty { members.append(("trust", trust)) }
        if let managed = role.managedPolicies { members.append(("managedPolicies", .array(managed.map(JSONValue.string)))) }
        if !role.inlinePolicies.isEmpty {
            members.append(("inlinePolicies", .array(role.inlinePolicies.map { policy in
                .object([("name", .string(policy.name))] + source(policy.source))
            })))
        }
        return .object(members)
    }

    static func trust(_ trust: TrustSettings) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let document = trust.document { return .object([("document", document.json)]) }
        if let protection = trust.confusedDeputyProtection { members.append(("confusedDeputyProtection", .bool(protection))) }
        if let services = trust.services { members.append(("services", .array(services.map(JSONValue.string)))) }
        if !trust.accounts.isEmpty { members.append(("accounts", .array(trust.accounts.map(JSONValue.string)))) }
        return .object(members)
    }

    static func customerPolicy(_ policy: CustomerManagedPolicy) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("name", .string(policy.name))]
        if let description = policy.description { members.append(("description", .string(description))) }
        if let path = policy.path { members.append(("path", .string(path))) }
        members += source(policy.source)
        members.append(("attachTo", .array(policy.attachTo.map(JSONValue.string))))
        return .object(members)
    }

    static func source(_ source: PolicySource) -> [(key: String, value: JSONValue)] {
        switch source {
        case let .template(name, parameters):
            var members: [(key: String, value: JSONValue)] = [("template", .string(name))]
            if !parameters.entries.isEmpty {
                members.append(("parameters", .object(parameters.entries.map { entry in
                    switch entry.value {
                    case let .string(text): return (entry.name, .string(text))
                    case let .bool(flag): return (entry.name, .bool(flag))
                    case let .list(items): return (entry.name, .array(items.map(JSONValue.string)))
                    }
                })))
            }
            return members
        case let .statements(statements):
            return [("statements", .array(statements.map(\.json)))]
        case let .document(document):
            return [("document", document.json)]
        }
    }

    /// JSON value → YAML node. Strings that YAML would read as something else (`true`,
    /// `2012-10-17`, `123`, `*`, empty) are quoted, so other YAML readers agree with ours.
    static func node(_ value: JSONValue) -> Node {
        switch value {
        case let .string(text):
            let plain = Node(text)
            let needsQuotes = text.isEmpty || Resolver.default.resolveTag(of: plain) != .str
                || text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
                || text.hasPrefix(" ") || text.hasSuffix(" ")
            return needsQuotes ? Node(text, Yams.Tag(.str), .doubleQuoted) : Node(text, Yams.Tag(.str))
        case let .number(text): return Node(text, Yams.Tag(.int))
        case let .bool(flag): return Node(flag ? "true" : "false", Yams.Tag(.bool))
        case .null: return Node("null", Yams.Tag(.null))
        case let .array(items): return Node.sequence(Node.Sequence(items.map(node)))
        case let .object(members):
            return Node.mapping(Node.Mapping(members.map { (Node($0.key, Yams.Tag(.str)), node($0.value)) }))
        }
    }
}
