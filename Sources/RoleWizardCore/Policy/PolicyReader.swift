import Yams

/// Reads policy documents (JSON or YAML) in IAM's grammar. Only the shape is checked here
/// (keys, types); what a document means for its use is checked by `PolicyGrammar`.
public enum PolicyReader {
    static let documentKeys = ["Version", "Id", "Statement"]
    static let statementKeys = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
                                "Resource", "NotResource", "Condition"]

    /// Parses a whole document from text.
    public static func parse(text: String) -> Result<PolicyDocument, ARNError> {
        do {
            guard let node = try Yams.compose(yaml: text) else { return .failure(ARNError("the document is empty")) }
            let reader = NodeReader()
            let document = read(node, at: .root, reader: reader)
            if let problem = reader.problems.first { return .failure(ARNError(problem.description)) }
            return document.map { .success($0) } ?? .failure(ARNError("not a policy document"))
        } catch {
            let (location, message) = YAMLSyntax.describe(error)
            let prefix = location.map { "line \($0.line), column \($0.column): " } ?? ""
            return .failure(ARNError(prefix + message))
        }
    }

    static func read(_ node: Node, at path: FieldPath, reader: NodeReader) -> PolicyDocument? {
        guard let entries = reader.mapping(node, at: path, allowed: documentKeys, what: "a policy document") else { return nil }
        var document = PolicyDocument(version: nil, statements: [], statementIsList: true)
        var sawStatement = false
        for (key, value) in entries {
            switch key {
            case "Version": document.version = reader.string(value, at: path / key, what: "Version")
            case "Id": document.id = reader.string(value, at: path / key, what: "Id")
            default:
                sawStatement = true
                switch value {
                case let .sequence(items):
                    reader.note(value, at: path / key)
                    document.statements = items.enumerated().compactMap { index, item in
                        readStatement(item, at: path / key / index, reader: reader)
                    }
                case .mapping:
                    document.statementIsList = false
                    document.statements = readStatement(value, at: path / key, reader: reader).map { [$0] } ?? []
                default:
                    reader.note(value, at: path / key)
                    reader.fail(path / key, "Statement must be a statement or a list of statements, not \(reader.describe(value))")
                }
            }
        }
        if !sawStatement { reader.fail(path, "a policy document needs a Statement") }
        return document
    }

    /// Reads a list of statements written on their own (a spec's `statements:` key).
    static func readStatements(_ node: Node, at path: FieldPath, reader: NodeReader) -> [Statement]? {
        guard let items = reader.sequence(node, at: path, what: "statements") else { return nil }
        let statements = items.enumerated().compactMap { index, item in readStatement(item, at: path / index, reader: reader) }
        return statements.count == items.count ? statements : nil
    }

    static func readStatement(_ node: Node, at path: FieldPath, reader: NodeReader) -> Statement? {
        guard let entries = reader.mapping(node, at: path, allowed: statementKeys, what: "a statement") else { return nil }
        var statement = Statement()
        var effect: Effect?
        for (key, value) in entries {
            let keyPath = path / key
            switch key {
            case "Sid": statement.sid = reader.string(value, at: keyPath, what: "Sid")
            case "Effect":
                if let text = reader.string(value, at: keyPath, what: "Effect") {
                    effect = Effect(rawValue: text)
                    if effect == nil {
                        reader.fail(keyPath, "Effect must be \"Allow\" or \"Deny\" (case matters), not \(JSONWriter.quoted(text))")
                    }
                }
            case "Principal": statement.principal = readPrincipal(value, at: keyPath, reader: reader)
            case "NotPrincipal": statement.notPrincipal = readPrincipal(value, at: keyPath, reader: reader)
            case "Action": statement.action = reader.stringList(value, at: keyPath, what: "Action")
            case "NotAction": statement.notAction = reader.stringList(value, at: keyPath, what: "NotAction")
            case "Resource": statement.resource = reader.stringList(value, at: keyPath, what: "Resource")
            case "NotResource": statement.notResource = reader.stringList(value, at: keyPath, what: "NotResource")
            default: statement.condition = readCondition(value, at: keyPath, reader: reader)
            }
        }
        if let effect {
            statement.effect = effect
        } else if !entries.contains(where: { $0.key == "Effect" }) {
            reader.fail(path, "a statement needs an Effect (\"Allow\" or \"Deny\")")
        }
        return statement
    }

    static func readPrincipal(_ node: Node, at path: FieldPath, reader: NodeReader) -> Principal? {
        if case .scalar = node {
            guard let text = reader.string(node, at: path, what: "Principal") else { return nil }
            if text == "*" { return .everyone }
            reader.fail(path, "a Principal string can only be \"*\"; otherwise write {\"AWS\": …} or {\"Service\": …}")
            return nil
        }
        let allowed = PrincipalType.allCases.map(\.rawValue)
        guard let entries = reader.mapping(node, at: path, allowed: allowed, what: "a Principal") else { return nil }
        var map: [(type: PrincipalType, values: StringList)] = []
        for (key, value) in entries {
            if let values = reader.stringList(value, at: path / key, what: "Principal \(key)"),
               let type = PrincipalType(rawValue: key) {
                map.append((type, values))
            }
        }
        if entries.isEmpty { reader.fail(path, "Principal names no principal") }
        return .map(map)
    }

    static func readCondition(_ node: Node, at path: FieldPath, reader: NodeReader) -> ConditionBlock? {
        guard let operators = reader.mapping(node, at: path, allowed: nil, what: "a Condition") else { return nil }
        var clauses: [ConditionBlock.Clause] = []
        for (op, keysNode) in operators {
            guard let keys = reader.mapping(keysNode, at: path / op, allowed: nil, what: "condition operator \(op)") else { continue }
            var entries: [ConditionBlock.Entry] = []
            for (key, valueNode) in keys {
                if let values = readConditionValues(valueNode, at: path / op / key, reader: reader) {
                    entries.append(ConditionBlock.Entry(key: key, values: values))
                }
            }
            clauses.append(ConditionBlock.Clause(operator: op, entries: entries))
        }
        return ConditionBlock(clauses)
    }

    static func readConditionValues(_ node: Node, at path: FieldPath, reader: NodeReader) -> ConditionValues? {
        reader.note(node, at: path)
        switch node {
        case let .scalar(scalar):
            return ConditionValues([conditionValue(scalar)], isList: false)
        case let .sequence(items):
            var values: [ConditionValue] = []
            for (index, item) in items.enumerated() {
                reader.note(item, at: path / index)
                guard case let .scalar(scalar) = item else {
                    reader.fail(path / index, "condition values must be strings, numbers or booleans")
                    return nil
                }
                values.append(conditionValue(scalar))
            }
            return ConditionValues(values, isList: true)
        default:
            reader.fail(path, "a condition value must be a string, number, boolean or a list of them")
            return nil
        }
    }

    /// JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`. Anything else
    /// (`.5`, `+1`, `007`) stays a string, so the document written back is valid JSON.
    static func isJSONNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        func digits() -> Int {
            let count = rest.prefix { $0.isASCII && $0.isNumber }.count
            rest = rest.dropFirst(count)
            return count
        }
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        if rest.hasPrefix("0") { rest = rest.dropFirst() } else if digits() == 0 { return false }
        if rest.hasPrefix(".") {
            rest = rest.dropFirst()
            if digits() == 0 { return false }
        }
        if rest.hasPrefix("e") || rest.hasPrefix("E") {
            rest = rest.dropFirst()
            if rest.hasPrefix("+") || rest.hasPrefix("-") { rest = rest.dropFirst() }
            if digits() == 0 { return false }
        }
        return rest.isEmpty
    }

    /// Unquoted `true`/`false` and numbers keep their JSON type; everything else is a string.
    static func conditionValue(_ scalar: Node.Scalar) -> ConditionValue {
        guard scalar.style == .plain else { return .string(scalar.string) }
        switch scalar.string {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default:
            return isJSONNumber(scalar.string) ? .number(scalar.string) : .string(scalar.string)
        }
    }
}
