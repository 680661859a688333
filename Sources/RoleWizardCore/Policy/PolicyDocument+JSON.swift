extension PolicyDocument {
    /// The document as JSON, in the order AWS documents it.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let version { members.append(("Version", .string(version))) }
        if let id { members.append(("Id", .string(id))) }
        let statementValues = statements.map(\.json)
        if statementIsList || statements.count != 1 {
            members.append(("Statement", .array(statementValues)))
        } else {
            members.append(("Statement", statementValues[0]))
        }
        return .object(members)
    }

    /// Pretty JSON text, 2-space indented, ending in a newline.
    public var prettyText: String { JSONWriter.pretty(json) }
    public var compactText: String { JSONWriter.compact(json) }
}

extension Statement {
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let sid { members.append(("Sid", .string(sid))) }
        members.append(("Effect", .string(effect.rawValue)))
        if let principal { members.append(("Principal", principal.json)) }
        if let notPrincipal { members.append(("NotPrincipal", notPrincipal.json)) }
        if let action { members.append(("Action", action.json)) }
        if let notAction { members.append(("NotAction", notAction.json)) }
        if let resource { members.append(("Resource", resource.json)) }
        if let notResource { members.append(("NotResource", notResource.json)) }
        if let condition { members.append(("Condition", condition.json)) }
        return .object(members)
    }
}

extension Principal {
    public var json: JSONValue {
        switch self {
        case .everyone: return .string("*")
        case let .map(entries): return .object(entries.map { ($0.type.rawValue, $0.values.json) })
        }
    }
}

extension ConditionBlock {
    public var json: JSONValue {
        .object(clauses.map { clause in
            (clause.operator, JSONValue.object(clause.entries.map { entry in
                let values = entry.values
                let value: JSONValue = (values.values.count == 1 && !values.isList)
                    ? values.values[0].json
                    : .array(values.values.map(\.json))
                return (entry.key, value)
            }))
        })
    }
}
