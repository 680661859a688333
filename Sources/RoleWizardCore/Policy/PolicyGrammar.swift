/// What a policy is for: IAM checks an identity policy and a trust policy differently.
public enum PolicyUse: Sendable {
    /// Inline or managed permissions policy: Resource required, Principal forbidden.
    case identity
    /// A role's trust (assume-role) policy: Principal required, Resource forbidden.
    case trust
}

/// The rules IAM itself enforces when a policy is created (the ones that make `CreateRole` or
/// `PutRolePolicy` fail with MalformedPolicyDocument), checked before anything is applied.
public enum PolicyGrammar {
    public static let versions = ["2012-10-17", "2008-10-17"]

    static let baseOperators: Set<String> = [
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
        "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan",
        "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals",
        "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
        "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals",
        "ArnNotLike", "Null",
    ]

    /// Where a document's pieces live in the plan, for the problems' field paths.
    public struct Paths: Sendable {
        public var document: FieldPath
        public var statement: @Sendable (Int) -> FieldPath

        /// A whole document at `path` (its statements at `path.Statement[i]`, or at
        /// `path.Statement` when it is written as one object).
        public static func document(_ path: FieldPath, statementIsList: Bool = true) -> Paths {
            Paths(document: path, statement: { statementIsList ? path / "Statement" / $0 : path / "Statement" })
        }

        /// Statements written as a list at `path` (a spec's `statements:`).
        public static func statements(_ path: FieldPath) -> Paths {
            Paths(document: path, statement: { path / $0 })
        }
    }

    public static func check(_ document: PolicyDocument, use: PolicyUse, paths: Paths) -> [Problem] {
        var problems: [Problem] = []
        if let version = document.version, !versions.contains(version) {
            problems.append(Problem(paths.document / "Version", "Version must be \"2012-10-17\" (or the older \"2008-10-17\"), not \(JSONWriter.quoted(version))"))
        }
        if document.statements.isEmpty {
            problems.append(Problem(paths.document, "a policy needs at least one statement"))
        }
        var sids: Set<String> = []
        for (index, statement) in document.statements.enumerated() {
            let path = paths.statement(index)
            if let sid = statement.sid, !sid.isEmpty {
                if !sids.insert(sid).inserted {
                    problems.append(Problem(path / "Sid", "Sid \(JSONWriter.quoted(sid)) is used by an earlier statement; Sids must be unique in a policy"))
                }
                if !sid.unicodeScalars.allSatisfy(IdentifierRules.isASCIIAlphanumeric) {
                    problems.append(Problem(path / "Sid", "Sid \(JSONWriter.quoted(sid)) may hold only ASCII letters and digits"))
                }
            }
            problems += checkStatement(statement, use: use, at: path)
        }
        return problems
    }

    static func checkStatement(_ statement: Statement, use: PolicyUse, at path: FieldPath) -> [Problem] {
        var problems: [Problem] = []
        switch (statement.action, statement.notAction) {
        case (nil, nil): problems.append(Problem(path, "a statement needs Action or NotAction"))
        case (.some, .some): problems.append(Problem(path, "a statement has Action or NotAction, not both"))
        default: break
        }
        for (key, list) in [("Action", statement.action), ("NotAction", statement.notAction)] {
            guard let list else { continue }
            if list.values.isEmpty { problems.append(Problem(path / key, "\(key) lists no action")) }
            for (index, action) in list.values.enumerated() {
                if let message = checkAction(action) {
                    problems.append(Problem(list.isList ? path / key / index : path / key, message))
                }
                if use == .trust, action != "*", !action.lowercased().hasPrefix("sts:") {
                    problems.append(Problem(list.isList ? path / key / index : path / key,
                                            "a trust policy allows only sts: actions such as sts:AssumeRole, not \(JSONWriter.quoted(action))"))
                }
            }
        }
        if statement.resource != nil && statement.notResource != nil {
            problems.append(Problem(path, "a statement has Resource or NotResource, not both"))
        }
        if statement.principal != nil && statement.notPrincipal != nil {
            problems.append(Problem(path, "a statement has Principal or NotPrincipal, not both"))
        }
        switch use {
        case .identity:
            if statement.resource == nil && statement.notResource == nil {
                problems.append(Problem(path, "a permissions policy statement needs Resource or NotResource (\"*\" if the action takes no resource)"))
            }
            if statement.principal != nil || statement.notPrincipal != nil {
                problems.append(Problem(path / (statement.principal != nil ? "Principal" : "NotPrincipal"),
                                        "a permissions policy cannot name a Principal: the identity it is attached to is the principal"))
            }
        case .trust:
            if statement.principal == nil && statement.notPrincipal == nil {
                problems.append(Problem(path, "a trust policy statement needs a Principal: who may assume the role"))
            }
            if statement.resource != nil || statement.notResource != nil {
                problems.append(Problem(path / (statement.resource != nil ? "Resource" : "NotResource"),
                                        "a trust policy has no Resource: the role itself is the resource"))
            }
        }
        for (key, list) in [("Resource", statement.resource), ("NotResource", statement.notResource)] {
            guard let list else { continue }
            if list.values.isEmpty { problems.append(Problem(path / key, "\(key) lists no resource")) }
            for (index, resource) in list.values.enumerated() where resource != "*" {
                if case let .failure(error) = ARN.parse(resource) {
                    problems.append(Problem(list.isList ? path / key / index : path / key,
                                            error.message + " (a resource is \"*\" or an ARN)"))
                }
            }
        }
        for (key, principal) in [("Principal", statement.principal), ("NotPrincipal", statement.notPrincipal)] {
            guard case let .map(entries)? = principal else { continue }
            for entry in entries {
                for (index, value) in entry.values.values.enumerated() {
                    if let message = checkPrincipal(value, type: entry.type) {
                        problems.append(Problem(entry.values.isList ? path / key / entry.type.rawValue / index : path / key / entry.type.rawValue, message))
                    }
                }
            }
        }
        if let condition = statement.condition {
            problems += checkCondition(condition, at: path / "Condition")
        }
        return problems
    }

    /// `service:Action`, with `*` and `?` wildcards, or `*`.
    public static func checkAction(_ action: String) -> String? {
        if action == "*" { return nil }
        var text = action
        return text.withUTF8 { bytes -> String? in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon < bytes.count - 1,
                  !bytes[(colon + 1)...].contains(UInt8(ascii: ":")) else {
                return "\(JSONWriter.quoted(action)) is not an action; write SERVICE:Action, e.g. s3:GetObject"
            }
            // IAM matches actions without regard to case, prefixes included ("SNS:Publish" works).
            var serviceOK = true, nameOK = true
            actionByteKinds.withUnsafeBufferPointer { kinds in
                for index in 0..<colon where kinds[Int(bytes[index])] & ActionByte.inPrefix == 0 { serviceOK = false; break }
                for index in (colon + 1)..<bytes.count where kinds[Int(bytes[index])] & ActionByte.inName == 0 { nameOK = false; break }
            }
            if !serviceOK {
                let prefix = String(decoding: bytes[..<colon], as: UTF8.self)
                return "\(JSONWriter.quoted(action)) has service prefix \(JSONWriter.quoted(prefix)), which holds characters no prefix has (letters, digits and hyphens, e.g. s3, ssmmessages)"
            }
            if !nameOK { return "\(JSONWriter.quoted(action)) has an action name with characters IAM does not allow" }
            return nil
        }
    }

    /// What each byte may be in an action: letters, digits, `-`, `*` and `?` in either part, `_`
    /// in the name only. A table, since every distinct Action text of every policy is checked.
    enum ActionByte {
        static let inPrefix: UInt8 = 1, inName: UInt8 = 2
    }

    static let actionByteKinds: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        let alphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        if alphanumeric || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") {
            return ActionByte.inPrefix | ActionByte.inName
        }
        return byte == UInt8(ascii: "_") ? ActionByte.inName : 0
    }

    /// One principal value of a given type (`ecs-tasks.amazonaws.com`, an account ID, an ARN…).
    public static func checkPrincipal(_ value: String, type: PrincipalType) -> String? {
        switch type {
        case .aws:
            if value == "*" || IAMRules.isAccountID(value) || value == Placeholder.account { return nil }
            if case let .failure(error) = ARN.parse(value) { return error.message + " (an AWS principal is \"*\", an account ID or an IAM ARN)" }
            return nil
        case .service:
            let ok = value.hasSuffix(".amazonaws.com") || value.hasSuffix(".amazonaws.com.cn") || value == "*"
            return ok ? nil : "\(JSONWriter.quoted(value)) is not a service principal (like ecs-tasks.amazonaws.com)"
        case .federated:
            return value.isEmpty ? "a Federated principal cannot be empty" : nil
        case .canonicalUser:
            return value.count == 64 && value.allSatisfy(\.isHexDigit) ? nil : "a CanonicalUser is 64 hexadecimal digits"
        }
    }

    static func checkCondition(_ condition: ConditionBlock, at path: FieldPath) -> [Problem] {
        var problems: [Problem] = []
        if condition.clauses.isEmpty { problems.append(Problem(path, "Condition is empty")) }
        for clause in condition.clauses {
            if !isKnownOperator(clause.operator) {
                problems.append(Problem(path / clause.operator, "unknown condition operator \(JSONWriter.quoted(clause.operator))"
                    + Suggest.didYouMean(baseName(clause.operator), among: Array(baseOperators))))
            }
            if clause.entries.isEmpty { problems.append(Problem(path / clause.operator, "\(clause.operator) names no condition key")) }
            for entry in clause.entries {
                let parts = entry.key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty {
                    problems.append(Problem(path / clause.operator / entry.key, "\(JSONWriter.quoted(entry.key)) is not a condition key (like aws:SourceAccount)"))
                }
                if entry.values.values.isEmpty {
                    problems.append(Problem(path / clause.operator / entry.key, "\(entry.key) lists no value"))
                }
            }
        }
        return problems
    }

    static func isKnownOperator(_ name: String) -> Bool { baseOperators.contains(baseName(name)) }

    /// `ForAnyValue:StringLikeIfExists` → `StringLike`.
    static func baseName(_ name: String) -> String {
        var base = Substring(name)
        for prefix in ["ForAllValues:", "ForAnyValue:"] where base.hasPrefix(prefix) { base = base.dropFirst(prefix.count) }
        // Every operator but Null has an ...IfExists form.
        if base.hasSuffix("IfExists") && base != "NullIfExists" { base = base.dropLast("IfExists".count) }
        return String(base)
    }

    /// IAM's size measure: characters not counting whitespace. Placeholders count as the
    /// longest value they can become (12 digits; a 14-character region).
    public static func size(_ document: PolicyDocument) -> Int {
        let text = document.compactText
        var count = 0
        for scalar in text.unicodeScalars where !(scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r") {
            count += 1
        }
        let accounts = text.components(separatedBy: Placeholder.account).count - 1
        let regions = text.components(separatedBy: Placeholder.region).count - 1
        return count - accounts * (Placeholder.account.count - 12) + regions * (14 - Placeholder.region.count)
    }
}
