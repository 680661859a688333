/// A policy document read leniently for linting: each element that has the right JSON type,
/// with its path and position. Reading it reports the grammar findings (unknown keys, wrong
/// types, a missing Effect…); the other checks then look only at what could be read.
struct PolicyView {
    /// A "string or list of strings" element (Action, Resource, a principal's values…).
    ///
    /// Paths are made only for findings (a policy has thousands of items): an element keeps
    /// its parent's path and its key, an item also its index when the element is a list.
    struct Strings {
        struct Item {
            var text: String
            var parentPath: FieldPath
            var key: String
            var index: Int?
            var location: SourceLocation?
            var path: FieldPath { index.map { parentPath / key / $0 } ?? parentPath / key }
        }
        var items: [Item]
        var parentPath: FieldPath
        var key: String
        var location: SourceLocation?
        var path: FieldPath { parentPath / key }
        var texts: [String] { items.map(\.text) }
    }

    struct ConditionEntry {
        var `operator`: String
        var operatorLocation: SourceLocation?
        var key: String
        var keyLocation: SourceLocation?
        var values: [LocatedJSON]
        /// The Condition element's path: an entry's own paths are made only for a finding.
        var conditionPath: FieldPath
        var operatorPath: FieldPath { conditionPath / `operator` }
        var keyPath: FieldPath { conditionPath / `operator` / key }
    }

    /// A class: the checks pass statements around a good deal, and a copy of a reference is
    /// one retain where a copy of the struct was a dozen.
    final class Statement {
        var index: Int
        var path: FieldPath
        var location: SourceLocation?
        var sid: String?
        var sidLocation: SourceLocation?
        var effect: Effect?
        var principal: LocatedJSON?
        var notPrincipal: LocatedJSON?
        /// Principal's path, or NotPrincipal's when the statement has only that.
        var principalPath: FieldPath { path / (principal == nil && notPrincipal != nil ? "NotPrincipal" : "Principal") }
        var action: Strings?
        var notAction: Strings?
        var resource: Strings?
        var notResource: Strings?
        var conditions: [ConditionEntry] = []
        var hasCondition: Bool { !conditions.isEmpty }

        init(index: Int, path: FieldPath, location: SourceLocation?) {
            self.index = index
            self.path = path
            self.location = location
        }

        func conditionKeys(lowercased: Bool = true) -> Set<String> {
            Set(conditions.map { lowercased ? $0.key.lowercased() : $0.key })
        }
    }

    var statements: [Statement]
    /// Where `Statement` is written (the document's start when it is missing).
    var statementLocation: SourceLocation?

    static let documentKeys = PolicyReader.documentKeys
    static let statementKeys = PolicyReader.statementKeys

    /// Reads the document, reporting grammar findings; nil when it is not an object at all.
    static func read(_ document: LocatedJSON, run: LintRun) -> PolicyView? {
        guard let members = document.members else {
            run.report(.notAPolicy, "a policy document is a JSON object with Version and Statement, not \(document.described)",
                       path: .root, location: document.location)
            return nil
        }
        reportUnknownAndDuplicateKeys(members, allowed: documentKeys, what: "a policy document", at: .root, run: run)
        if let version = document["Version"] {
            switch version.string {
            case PolicyDocument.currentVersion?: break
            case "2008-10-17"?:
                run.report(.oldVersion, "Version \"2008-10-17\" does not replace policy variables such as ${aws:username}; use \"2012-10-17\"",
                           path: .root / "Version", location: version.location)
            default:
                run.report(.invalidVersion, "Version must be \"2012-10-17\" (or the older \"2008-10-17\"), not \(version.described)",
                           path: .root / "Version", location: version.location)
            }
        } else {
            run.report(.missingVersion, "no Version: IAM reads the document as \"2008-10-17\", without policy variables; add \"Version\": \"2012-10-17\"",
                       path: .root, location: document.location)
        }
        if let id = document["Id"], id.string == nil {
            run.report(.wrongType, "Id must be a string, not \(id.described)", path: .root / "Id", location: id.location)
        }

        var statements: [Statement] = []
        switch document["Statement"]?.value {
        case nil:
            run.report(.missingStatement, "the document has no Statement", path: .root, location: document.location)
        case let .array(items)?:
            if items.isEmpty {
                run.report(.missingStatement, "Statement lists no statement", path: .root / "Statement", location: document["Statement"]?.location)
            }
            let base = FieldPath.root / "Statement"
            for (index, item) in items.enumerated() {
                if let statement = readStatement(item, index: index, path: base / index, run: run) {
                    statements.append(statement)
                }
            }
        case .object?:
            if let statement = readStatement(document["Statement"]!, index: 0, path: .root / "Statement", run: run) {
                statements.append(statement)
            }
        default:
            let node = document["Statement"]!
            run.report(.wrongType, "Statement must be a statement or a list of statements, not \(node.described)",
                       path: .root / "Statement", location: node.location)
        }
        reportDuplicateSids(statements, run: run)
        return PolicyView(statements: statements, statementLocation: document["Statement"]?.location ?? document.location)
    }

    static func reportUnknownAndDuplicateKeys(_ members: [LocatedJSON.Member], allowed: [String], what: String,
                                             at path: FieldPath, run: LintRun) {
        var seen: UInt64 = 0  // bit i: allowed[i] was seen
        for member in members {
            guard let position = allowed.firstIndex(of: member.key) else {
                reportUnknownKey(member, allowed: allowed, what: what, at: path, run: run)
                continue
            }
            if seen & (1 << position) != 0 {
                reportDuplicateKey(member, what: what, at: path, run: run)
            }
            seen |= 1 << position
        }
    }

    static func reportUnknownKey(_ member: LocatedJSON.Member, allowed: [String], what: String, at path: FieldPath, run: LintRun) {
        run.report(.unknownKey, "unknown key \(JSONWriter.quoted(member.key)) in \(what)"
                   + Suggest.didYouMean(member.key, among: allowed) + "; IAM knows " + allowed.joined(separator: ", "),
                   path: path / member.key, location: member.keyLocation)
    }

    static func reportDuplicateKey(_ member: LocatedJSON.Member, what: String, at path: FieldPath, run: LintRun) {
        run.report(.duplicateKey, "\(JSONWriter.quoted(member.key)) appears twice in \(what); IAM keeps only one of them",
                   path: path / member.key, location: member.keyLocation)
    }

    /// A statement's elements, by the keys IAM knows (`statementKeys`).
    enum Element: CaseIterable {
        case sid, effect, principal, notPrincipal, action, notAction, resource, notResource, condition

        var key: String {
            switch self {
            case .sid: return "Sid"
            case .effect: return "Effect"
            case .principal: return "Principal"
            case .notPrincipal: return "NotPrincipal"
            case .action: return "Action"
            case .notAction: return "NotAction"
            case .resource: return "Resource"
            case .notResource: return "NotResource"
            case .condition: return "Condition"
            }
        }

        init?(key: String) {
            // The key's length first: a string comparison that fails costs several times one
            // that succeeds (different bytes can still be the same text), and every key of
            // every statement is looked up. Text equal to one of these names has its length:
            // the only ASCII characters another scalar stands for are K, ; and `, none in them.
            switch key.utf8.count {
            case 3 where key == "Sid": self = .sid
            case 6 where key == "Effect": self = .effect
            case 6 where key == "Action": self = .action
            case 8 where key == "Resource": self = .resource
            case 9 where key == "Principal": self = .principal
            case 9 where key == "NotAction": self = .notAction
            case 9 where key == "Condition": self = .condition
            case 11 where key == "NotResource": self = .notResource
            case 12 where key == "NotPrincipal": self = .notPrincipal
            default: return nil
            }
        }
    }

    /// Where a statement's elements are among its members: the first member of each key (as
    /// `LocatedJSON[key]` finds it), found in one pass instead of a scan of the members per key.
    struct StatementElements {
        let members: [LocatedJSON.Member]
        private var sid = -1, effect = -1, principal = -1, notPrincipal = -1, action = -1, notAction = -1
        private var resource = -1, notResource = -1, condition = -1

        /// Reports unknown and repeated keys as `reportUnknownAndDuplicateKeys` would, in the
        /// same pass that finds the elements (each key is matched once, not twice).
        init(_ members: [LocatedJSON.Member], at path: FieldPath, run: LintRun) {
            self.members = members
            for position in members.indices {
                guard let element = Element(key: members[position].key) else {
                    reportUnknownKey(members[position], allowed: statementKeys, what: "a statement", at: path, run: run)
                    continue
                }
                if has(element) {
                    reportDuplicateKey(members[position], what: "a statement", at: path, run: run)
                } else {
                    self[position: element] = position
                }
            }
        }

        private subscript(position element: Element) -> Int {
            get {
                switch element {
                case .sid: return sid
                case .effect: return effect
                case .principal: return principal
                case .notPrincipal: return notPrincipal
                case .action: return action
                case .notAction: return notAction
                case .resource: return resource
                case .notResource: return notResource
                case .condition: return condition
                }
            }
            set {
                switch element {
                case .sid: sid = newValue
                case .effect: effect = newValue
                case .principal: principal = newValue
                case .notPrincipal: notPrincipal = newValue
                case .action: action = newValue
                case .notAction: notAction = newValue
                case .resource: resource = newValue
                case .notResource: notResource = newValue
                case .condition: condition = newValue
                }
            }
        }

        subscript(element: Element) -> LocatedJSON? {
            let position = self[position: element]
            return position < 0 ? nil : members[position].value
        }

        func has(_ element: Element) -> Bool { self[position: element] >= 0 }

        func keyLocation(_ element: Element) -> SourceLocation? {
            let position = self[position: element]
            return position < 0 ? nil : members[position].keyLocation
        }
    }

    static func readStatement(_ node: LocatedJSON, index: Int, path: FieldPath, run: LintRun) -> Statement? {
        guard let members = node.members else {
            run.report(.wrongType, "a statement must be an object, not \(node.described)", path: path, location: node.location)
            return nil
        }
        let elements = StatementElements(members, at: path, run: run)
        let statement = Statement(index: index, path: path, location: node.location)
        if let sid = elements[.sid] {
            if let text = sid.string {
                statement.sid = text
                statement.sidLocation = sid.location
                if !isValidSid(text) {
                    run.report(.invalidSid, "Sid \(JSONWriter.quoted(text)) may hold only ASCII letters and digits",
                               path: path / "Sid", location: sid.location, statement: statement)
                }
            } else {
                run.report(.wrongType, "Sid must be a string, not \(sid.described)", path: path / "Sid", location: sid.location, statement: statement)
            }
        }
        if let effect = elements[.effect] {
            statement.effect = effect.string.flatMap(Effect.init(rawValue:))
            if statement.effect == nil {
                let hint = effect.string.flatMap { text in Effect.allCases.first { $0.rawValue.lowercased() == text.lowercased() } }
                    .map { " (case matters: write \(JSONWriter.quoted($0.rawValue)))" } ?? ""
                run.report(.invalidEffect, "Effect must be \"Allow\" or \"Deny\", not \(effect.described)" + hint,
                           path: path / "Effect", location: effect.location, statement: statement)
            }
        } else {
            run.report(.invalidEffect, "the statement has no Effect (\"Allow\" or \"Deny\")", path: path, location: node.location, statement: statement)
        }
        statement.action = strings(elements[.action], in: path, key: "Action", what: "Action", statement: statement, run: run)
        statement.notAction = strings(elements[.notAction], in: path, key: "NotAction", what: "NotAction", statement: statement, run: run)
        statement.resource = strings(elements[.resource], in: path, key: "Resource", what: "Resource", statement: statement, run: run)
        statement.notResource = strings(elements[.notResource], in: path, key: "NotResource", what: "NotResource", statement: statement, run: run)
        statement.principal = elements[.principal]
        statement.notPrincipal = elements[.notPrincipal]

        checkElements(elements, at: node.location, statement: statement, run: run)
        if let principal = statement.principal { checkPrincipal(principal, at: path / "Principal", statement: statement, run: run) }
        if let notPrincipal = statement.notPrincipal { checkPrincipal(notPrincipal, at: path / "NotPrincipal", statement: statement, run: run) }
        if let condition = elements[.condition] {
            statement.conditions = readCondition(condition, at: path / "Condition", statement: statement, run: run)
        }
        return statement
    }

    /// Whether a Sid holds only ASCII letters and digits. Tested on its UTF-8 bytes in memory:
    /// stepping through a string's scalars, or its `utf8` view, costs several times as much,
    /// and a scalar outside ASCII is made of bytes outside it.
    static func isValidSid(_ sid: String) -> Bool {
        var sid = sid
        return sid.withUTF8 { bytes in
            // A byte above ASCII becomes a scalar above it too, which is not a letter or digit here.
            bytes.allSatisfy { IdentifierRules.isASCIIAlphanumeric(Unicode.Scalar($0)) }
        }
    }

    static let exclusivePairs: [(Element, Element)] = [(.action, .notAction), (.resource, .notResource), (.principal, .notPrincipal)]
    static let principalKeys: [Element] = [.principal, .notPrincipal], resourceKeys: [Element] = [.resource, .notResource]

    /// Which elements a statement must have, and which it must not, for its use.
    static func checkElements(_ elements: StatementElements, at location: SourceLocation?, statement: Statement, run: LintRun) {
        let path = statement.path
        let has = elements.has
        if !has(.action) && !has(.notAction) {
            run.report(.missingAction, "the statement has no Action (or NotAction)", path: path, location: location, statement: statement)
        }
        for (first, second) in exclusivePairs where has(first) && has(second) {
            run.report(.conflictingElements, "a statement has \(first.key) or \(second.key), not both", path: path / second.key,
                       location: elements.keyLocation(second), statement: statement)
        }
        switch run.use {
        case .identity:
            if !has(.resource) && !has(.notResource) {
                run.report(.missingResource, "a permissions statement needs Resource (\"*\" when its actions take no resource)",
                           path: path, location: location, statement: statement)
            }
            for key in principalKeys where has(key) {
                run.report(.principalInIdentityPolicy, "\(key.key) in a permissions policy: the identity the policy is attached to is the principal",
                           path: path / key.key, location: elements.keyLocation(key), statement: statement)
            }
        case .trust:
            if !has(.principal) && !has(.notPrincipal) {
                run.report(.missingPrincipal, "a trust policy statement needs a Principal: who may assume the role",
                           path: path, location: location, statement: statement)
            }
            for key in resourceKeys where has(key) {
                run.report(.resourceInTrustPolicy, "\(key.key) in a trust policy: the role itself is the resource",
                           path: path / key.key, location: elements.keyLocation(key), statement: statement)
            }
            for item in statement.action?.items ?? [] where !item.text.isStar && !item.text.lowercased().hasPrefix("sts:") {
                run.report(.trustActionNotSTS, "a trust policy allows only sts: actions (sts:AssumeRole, sts:TagSession…), not \(JSONWriter.quoted(item.text))",
                           path: item.path, location: item.location, statement: statement)
            }
        }
    }

    /// A "string or list of strings" element (`parentPath / key`); reports a wrong type or an
    /// empty list.
    static func strings(_ node: LocatedJSON?, in parentPath: FieldPath, key: String, what: @autoclosure () -> String,
                        statement: Statement, run: LintRun) -> Strings? {
        guard let node else { return nil }
        var path: FieldPath { parentPath / key }
        switch node.value {
        case let .string(text):
            return Strings(items: [.init(text: text, parentPath: parentPath, key: key, location: node.location)],
                           parentPath: parentPath, key: key, location: node.location)
        case let .array(values):
            var items: [Strings.Item] = []
            items.reserveCapacity(values.count)
            for (index, value) in values.enumerated() {
                if let text = value.string {
                    items.append(.init(text: text, parentPath: parentPath, key: key, index: index, location: value.location))
                } else {
                    run.report(.wrongType, "each item of \(what()) must be a string, not \(value.described)",
                               path: path / index, location: value.location, statement: statement)
                }
            }
            if values.isEmpty {
                run.report(what().hasSuffix("Action") ? .missingAction : .wrongType, "\(what()) is an empty list",
                           path: path, location: node.location, statement: statement)
            }
            return Strings(items: items, parentPath: parentPath, key: key, location: node.location)
        default:
            run.report(.wrongType, "\(what()) must be a string or a list of strings, not \(node.described)",
                       path: path, location: node.location, statement: statement)
            return nil
        }
    }

    static func checkPrincipal(_ node: LocatedJSON, at path: FieldPath, statement: Statement, run: LintRun) {
        if let text = node.string {
            if text != "*" {
                run.report(.invalidPrincipal, "a Principal string can only be \"*\"; otherwise write {\"AWS\": …} or {\"Service\": …}",
                           path: path, location: node.location, statement: statement)
            }
            return
        }
        guard let members = node.members else {
            run.report(.wrongType, "Principal must be \"*\" or an object such as {\"Service\": \"ecs-tasks.amazonaws.com\"}, not \(node.described)",
                       path: path, location: node.location, statement: statement)
            return
        }
        let types = PrincipalType.allCases.map(\.rawValue)
        if members.isEmpty {
            run.report(.invalidPrincipal, "Principal names no principal", path: path, location: node.location, statement: statement)
        }
        for member in members {
            guard let type = PrincipalType(rawValue: member.key) else {
                run.report(.invalidPrincipal, "unknown principal type \(JSONWriter.quoted(member.key))" + Suggest.didYouMean(member.key, among: types)
                           + "; IAM knows " + types.joined(separator: ", "), path: path / member.key, location: member.keyLocation, statement: statement)
                continue
            }
            let values = strings(member.value, in: path, key: member.key, what: "Principal \(member.key)", statement: statement, run: run)
            for item in values?.items ?? [] {
                if let message = PolicyGrammar.checkPrincipal(item.text, type: type) {
                    run.report(.invalidPrincipal, message, path: item.path, location: item.location, statement: statement)
                }
            }
        }
    }

    static func readCondition(_ node: LocatedJSON, at path: FieldPath, statement: Statement, run: LintRun) -> [ConditionEntry] {
        guard let operators = node.members else {
            run.report(.wrongType, "Condition must be an object of operators, not \(node.described)", path: path, location: node.location, statement: statement)
            return []
        }
        var entries: [ConditionEntry] = []
        for clause in operators {
            var operatorPath: FieldPath { path / clause.key }
            guard let keys = clause.value.members else {
                run.report(.wrongType, "condition operator \(clause.key) must hold an object of condition keys, not \(clause.value.described)",
                           path: operatorPath, location: clause.value.location, statement: statement)
                continue
            }
            for key in keys {
                let values: [LocatedJSON]
                switch key.value.value {
                case let .array(items): values = items
                case .object, .null:
                    run.report(.wrongType, "the value of condition key \(key.key) must be a string, number, boolean or a list of them, not \(key.value.described)",
                               path: operatorPath / key.key, location: key.value.location, statement: statement)
                    continue
                default: values = [key.value]
                }
                entries.append(ConditionEntry(operator: clause.key, operatorLocation: clause.keyLocation, key: key.key,
                                              keyLocation: key.keyLocation, values: values, conditionPath: path))
            }
        }
        return entries
    }

    static func reportDuplicateSids(_ statements: [Statement], run: LintRun) {
        // Nearly every policy has a few statements: comparing each Sid with the earlier ones
        // costs less than hashing them all. A long list is indexed, to stay linear.
        let isShort = statements.count <= 32
        var firstWithSid: [String: Int] = [:]  // the index of the first statement with each Sid, for a long list
        for (position, statement) in statements.enumerated() {
            guard let sid = statement.sid, !sid.isEmpty else { continue }
            let first = isShort ? statements[..<position].first { $0.sid == sid }?.index : firstWithSid[sid]
            if let first {
                run.report(.duplicateSid, "Sid \(JSONWriter.quoted(sid)) is also statement \(first)'s; Sids must be unique in a policy",
                           path: statement.path / "Sid", location: statement.sidLocation, statement: statement)
            } else if !isShort {
                firstWithSid[sid] = statement.index
            }
        }
    }
}
