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
            /// An Action or NotAction entry's meaning, looked up as the view read it.
            var meaning: ActionMeaning?
            var path: FieldPath { index.map { parentPath.appending(key: key, index: $0) } ?? parentPath / key }
        }
        var items: [Item]
        var parentPath: FieldPath
        var key: String
        var location: SourceLocation?
        var path: FieldPath { parentPath / key }
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
    static func read(_ tree: JSONTree, run: LintRun) -> PolicyView? {
        let document = JSONTree.root
        guard tree.kind(document) == .object else {
            run.report(.notAPolicy, "a policy document is a JSON object with Version and Statement, not \(tree.described(document))",
                       path: .root, location: tree.location(document))
            return nil
        }
        reportUnknownAndDuplicateKeys(tree, document, allowed: documentKeys, what: "a policy document", at: .root, run: run)
        if let version = tree.member(document, "Version") {
            if tree.string(version, is: "2012-10-17") {
                // The current grammar: nothing to say.
            } else if tree.string(version, is: "2008-10-17") {
                run.report(.oldVersion, "Version \"2008-10-17\" does not replace policy variables such as ${aws:username}; use \"2012-10-17\"",
                           path: .root / "Version", location: tree.location(version))
            } else {
                run.report(.invalidVersion, "Version must be \"2012-10-17\" (or the older \"2008-10-17\"), not \(tree.described(version))",
                           path: .root / "Version", location: tree.location(version))
            }
        } else {
            run.report(.missingVersion, "no Version: IAM reads the document as \"2008-10-17\", without policy variables; add \"Version\": \"2012-10-17\"",
                       path: .root, location: tree.location(document))
        }
        if let id = tree.member(document, "Id"), tree.kind(id) != .string {
            run.report(.wrongType, "Id must be a string, not \(tree.described(id))", path: .root / "Id", location: tree.location(id))
        }

        var statements: [Statement] = []
        let node = tree.member(document, "Statement")
        switch node.map(tree.kind) {
        case nil:
            run.report(.missingStatement, "the document has no Statement", path: .root, location: tree.location(document))
        case .array?:
            let node = node!
            if tree.count(node) == 0 {
                run.report(.missingStatement, "Statement lists no statement", path: .root / "Statement", location: tree.location(node))
            }
            let base = FieldPath.root / "Statement"
            statements.reserveCapacity(tree.count(node))
            for (index, item) in tree.items(node).enumerated() {
                if let statement = readStatement(tree, item, index: index, path: base / index, run: run) {
                    statements.append(statement)
                }
            }
        case .object?:
            if let statement = readStatement(tree, node!, index: 0, path: .root / "Statement", run: run) {
                statements.append(statement)
            }
        default:
            run.report(.wrongType, "Statement must be a statement or a list of statements, not \(tree.described(node!))",
                       path: .root / "Statement", location: tree.location(node!))
        }
        reportDuplicateSids(statements, run: run)
        return PolicyView(statements: statements, statementLocation: tree.location(node ?? document))
    }

    static func reportUnknownAndDuplicateKeys(_ tree: JSONTree, _ object: Int, allowed: [String], what: String,
                                             at path: FieldPath, run: LintRun) {
        var seen: UInt64 = 0  // bit i: allowed[i] was seen
        for key in tree.keys(object) {
            let name = tree.textOf(key)
            guard let position = allowed.firstIndex(of: name) else {
                reportUnknownKey(name, at: tree.location(key), allowed: allowed, what: what, in: path, run: run)
                continue
            }
            if seen & (1 << position) != 0 {
                reportDuplicateKey(name, at: tree.location(key), what: what, in: path, run: run)
            }
            seen |= 1 << position
        }
    }

    static func reportUnknownKey(_ key: String, at location: SourceLocation?, allowed: [String], what: String, in path: FieldPath, run: LintRun) {
        run.report(.unknownKey, "unknown key \(JSONWriter.quoted(key)) in \(what)"
                   + Suggest.didYouMean(key, among: allowed) + "; IAM knows " + allowed.joined(separator: ", "),
                   path: path / key, location: location)
    }

    static func reportDuplicateKey(_ key: String, at location: SourceLocation?, what: String, in path: FieldPath, run: LintRun) {
        run.report(.duplicateKey, "\(JSONWriter.quoted(key)) appears twice in \(what); IAM keeps only one of them",
                   path: path / key, location: location)
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

        /// The element a key names, matched on the key's bytes in the tree.
        init?(_ tree: JSONTree, key: Int) {
            guard let element = tree.withBytes(of: key, Element.init(bytes:)) else { return nil }
            self = element
        }

        /// The key's length first: a comparison that fails costs more than one that succeeds,
        /// and every key of every statement is looked up. Bytes compare as the text does here:
        /// the only ASCII characters another scalar is equal to (as `String`s) are K, ; and `,
        /// none of them in these names.
        init?(bytes key: UnsafeBufferPointer<UInt8>) {
            func equals(_ name: StaticString) -> Bool { WordBytes.equal(key, name) }
            switch key.count {
            case 3 where equals("Sid"): self = .sid
            case 6 where equals("Effect"): self = .effect
            case 6 where equals("Action"): self = .action
            case 8 where equals("Resource"): self = .resource
            case 9 where equals("Principal"): self = .principal
            case 9 where equals("NotAction"): self = .notAction
            case 9 where equals("Condition"): self = .condition
            case 11 where equals("NotResource"): self = .notResource
            case 12 where equals("NotPrincipal"): self = .notPrincipal
            default: return nil
            }
        }
    }

    /// Where a statement's elements are: the key node of the first member of each key, found
    /// in one pass instead of a scan of the members per key.
    struct StatementElements {
        private var sid = -1, effect = -1, principal = -1, notPrincipal = -1, action = -1, notAction = -1
        private var resource = -1, notResource = -1, condition = -1

        /// Reports unknown and repeated keys as `reportUnknownAndDuplicateKeys` would, in the
        /// same pass that finds the elements (each key is matched once, not twice).
        init(_ tree: JSONTree, _ statement: Int, at path: FieldPath, run: LintRun) {
            for key in tree.keys(statement) {
                guard let element = Element(tree, key: key) else {
                    reportUnknownKey(tree.textOf(key), at: tree.location(key), allowed: statementKeys, what: "a statement", in: path, run: run)
                    continue
                }
                if has(element) {
                    reportDuplicateKey(element.key, at: tree.location(key), what: "a statement", in: path, run: run)
                } else {
                    self[position: element] = key
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

        /// The element's value node.
        subscript(element: Element) -> Int? {
            let key = self[position: element]
            return key < 0 ? nil : key + 1
        }

        func has(_ element: Element) -> Bool { self[position: element] >= 0 }

        func keyLocation(_ element: Element, in tree: JSONTree) -> SourceLocation? {
            let key = self[position: element]
            return key < 0 ? nil : tree.location(key)
        }
    }

    static func readStatement(_ tree: JSONTree, _ node: Int, index: Int, path: FieldPath, run: LintRun) -> Statement? {
        guard tree.kind(node) == .object else {
            run.report(.wrongType, "a statement must be an object, not \(tree.described(node))", path: path, location: tree.location(node))
            return nil
        }
        let elements = StatementElements(tree, node, at: path, run: run)
        let statement = Statement(index: index, path: path, location: tree.location(node))
        if let sid = elements[.sid] {
            if let text = tree.string(sid) {
                statement.sid = text
                statement.sidLocation = tree.location(sid)
                if !isValidSid(text) {
                    run.report(.invalidSid, "Sid \(JSONWriter.quoted(text)) may hold only ASCII letters and digits",
                               path: path / "Sid", location: tree.location(sid), statement: statement)
                }
            } else {
                run.report(.wrongType, "Sid must be a string, not \(tree.described(sid))", path: path / "Sid", location: tree.location(sid), statement: statement)
            }
        }
        if let effect = elements[.effect] {
            statement.effect = tree.string(effect, is: "Allow") ? .allow : tree.string(effect, is: "Deny") ? .deny : nil
            if statement.effect == nil {
                let hint = tree.string(effect).flatMap { text in Effect.allCases.first { $0.rawValue.lowercased() == text.lowercased() } }
                    .map { " (case matters: write \(JSONWriter.quoted($0.rawValue)))" } ?? ""
                run.report(.invalidEffect, "Effect must be \"Allow\" or \"Deny\", not \(tree.described(effect))" + hint,
                           path: path / "Effect", location: tree.location(effect), statement: statement)
            }
        } else {
            run.report(.invalidEffect, "the statement has no Effect (\"Allow\" or \"Deny\")", path: path, location: tree.location(node), statement: statement)
        }
        statement.action = strings(tree, elements[.action], in: path, key: "Action", what: "Action", statement: statement, run: run, actions: true)
        statement.notAction = strings(tree, elements[.notAction], in: path, key: "NotAction", what: "NotAction", statement: statement, run: run, actions: true)
        statement.resource = strings(tree, elements[.resource], in: path, key: "Resource", what: "Resource", statement: statement, run: run)
        statement.notResource = strings(tree, elements[.notResource], in: path, key: "NotResource", what: "NotResource", statement: statement, run: run)
        statement.principal = elements[.principal].map(tree.located)
        statement.notPrincipal = elements[.notPrincipal].map(tree.located)

        checkElements(elements, tree: tree, at: tree.location(node), statement: statement, run: run)
        if let principal = elements[.principal] { checkPrincipal(tree, principal, at: path / "Principal", statement: statement, run: run) }
        if let notPrincipal = elements[.notPrincipal] { checkPrincipal(tree, notPrincipal, at: path / "NotPrincipal", statement: statement, run: run) }
        if let condition = elements[.condition] {
            statement.conditions = readCondition(tree, condition, at: path / "Condition", statement: statement, run: run)
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
    static func checkElements(_ elements: StatementElements, tree: JSONTree, at location: SourceLocation?, statement: Statement, run: LintRun) {
        let path = statement.path
        let has = elements.has
        if !has(.action) && !has(.notAction) {
            run.report(.missingAction, "the statement has no Action (or NotAction)", path: path, location: location, statement: statement)
        }
        for (first, second) in exclusivePairs where has(first) && has(second) {
            run.report(.conflictingElements, "a statement has \(first.key) or \(second.key), not both", path: path / second.key,
                       location: elements.keyLocation(second, in: tree), statement: statement)
        }
        switch run.use {
        case .identity:
            if !has(.resource) && !has(.notResource) {
                run.report(.missingResource, "a permissions statement needs Resource (\"*\" when its actions take no resource)",
                           path: path, location: location, statement: statement)
            }
            for key in principalKeys where has(key) {
                run.report(.principalInIdentityPolicy, "\(key.key) in a permissions policy: the identity the policy is attached to is the principal",
                           path: path / key.key, location: elements.keyLocation(key, in: tree), statement: statement)
            }
        case .trust:
            if !has(.principal) && !has(.notPrincipal) {
                run.report(.missingPrincipal, "a trust policy statement needs a Principal: who may assume the role",
                           path: path, location: location, statement: statement)
            }
            for key in resourceKeys where has(key) {
                run.report(.resourceInTrustPolicy, "\(key.key) in a trust policy: the role itself is the resource",
                           path: path / key.key, location: elements.keyLocation(key, in: tree), statement: statement)
            }
            for item in statement.action?.items ?? [] where !item.text.isStar && !item.text.lowercased().hasPrefix("sts:") {
                run.report(.trustActionNotSTS, "a trust policy allows only sts: actions (sts:AssumeRole, sts:TagSession…), not \(JSONWriter.quoted(item.text))",
                           path: item.path, location: item.location, statement: statement)
            }
        }
    }

    /// A "string or list of strings" element (`parentPath / key`); reports a wrong type or an
    /// empty list. For `actions`, each entry's meaning is looked up from its bytes, and its
    /// text is the one kept with the meaning: the managed policies have 64,000 Action entries,
    /// 17,000 distinct texts.
    static func strings(_ tree: JSONTree, _ node: Int?, in parentPath: FieldPath, key: String, what: @autoclosure () -> String,
                        statement: Statement, run: LintRun, actions: Bool = false) -> Strings? {
        guard let node else { return nil }
        var path: FieldPath { parentPath / key }
        func item(_ node: Int, index: Int?) -> Strings.Item {
            guard actions else {
                return Strings.Item(text: tree.textOf(node), parentPath: parentPath, key: key, index: index, location: tree.location(node))
            }
            let (text, meaning) = tree.withBytes(of: node) { run.cache.meaning(ofBytes: $0, in: run.catalog) }
            return Strings.Item(text: text, parentPath: parentPath, key: key, index: index, location: tree.location(node), meaning: meaning)
        }
        let location = tree.location(node)
        switch tree.kind(node) {
        case .string:
            return Strings(items: [item(node, index: nil)], parentPath: parentPath, key: key, location: location)
        case .array:
            var items: [Strings.Item] = []
            items.reserveCapacity(tree.count(node))
            for (index, value) in tree.items(node).enumerated() {
                if tree.kind(value) == .string {
                    items.append(item(value, index: index))
                } else {
                    run.report(.wrongType, "each item of \(what()) must be a string, not \(tree.described(value))",
                               path: path / index, location: tree.location(value), statement: statement)
                }
            }
            if tree.count(node) == 0 {
                run.report(what().hasSuffix("Action") ? .missingAction : .wrongType, "\(what()) is an empty list",
                           path: path, location: location, statement: statement)
            }
            return Strings(items: items, parentPath: parentPath, key: key, location: location)
        default:
            run.report(.wrongType, "\(what()) must be a string or a list of strings, not \(tree.described(node))",
                       path: path, location: location, statement: statement)
            return nil
        }
    }

    static func checkPrincipal(_ tree: JSONTree, _ node: Int, at path: FieldPath, statement: Statement, run: LintRun) {
        if tree.kind(node) == .string {
            if !tree.string(node, is: "*") {
                run.report(.invalidPrincipal, "a Principal string can only be \"*\"; otherwise write {\"AWS\": …} or {\"Service\": …}",
                           path: path, location: tree.location(node), statement: statement)
            }
            return
        }
        guard tree.kind(node) == .object else {
            run.report(.wrongType, "Principal must be \"*\" or an object such as {\"Service\": \"ecs-tasks.amazonaws.com\"}, not \(tree.described(node))",
                       path: path, location: tree.location(node), statement: statement)
            return
        }
        let types = PrincipalType.allCases.map(\.rawValue)
        if tree.count(node) == 0 {
            run.report(.invalidPrincipal, "Principal names no principal", path: path, location: tree.location(node), statement: statement)
        }
        for key in tree.keys(node) {
            let name = tree.textOf(key)
            guard let type = PrincipalType(rawValue: name) else {
                run.report(.invalidPrincipal, "unknown principal type \(JSONWriter.quoted(name))" + Suggest.didYouMean(name, among: types)
                           + "; IAM knows " + types.joined(separator: ", "), path: path / name, location: tree.location(key), statement: statement)
                continue
            }
            let values = strings(tree, key + 1, in: path, key: name, what: "Principal \(name)", statement: statement, run: run)
            for item in values?.items ?? [] {
                if let message = PolicyGrammar.checkPrincipal(item.text, type: type) {
                    run.report(.invalidPrincipal, message, path: item.path, location: item.location, statement: statement)
                }
            }
        }
    }

    static func readCondition(_ tree: JSONTree, _ node: Int, at path: FieldPath, statement: Statement, run: LintRun) -> [ConditionEntry] {
        guard tree.kind(node) == .object else {
            run.report(.wrongType, "Condition must be an object of operators, not \(tree.described(node))", path: path, location: tree.location(node), statement: statement)
            return []
        }
        var entries: [ConditionEntry] = []
        for clause in tree.keys(node) {
            let operatorName = tree.textOf(clause)
            var operatorPath: FieldPath { path / operatorName }
            let keys = clause + 1
            guard tree.kind(keys) == .object else {
                run.report(.wrongType, "condition operator \(operatorName) must hold an object of condition keys, not \(tree.described(keys))",
                           path: operatorPath, location: tree.location(keys), statement: statement)
                continue
            }
            for key in tree.keys(keys) {
                let name = tree.textOf(key), value = key + 1
                let values: [LocatedJSON]
                switch tree.kind(value) {
                case .array: values = tree.items(value).map(tree.located)
                case .object, .null:
                    run.report(.wrongType, "the value of condition key \(name) must be a string, number, boolean or a list of them, not \(tree.described(value))",
                               path: operatorPath / name, location: tree.location(value), statement: statement)
                    continue
                default: values = [tree.located(value)]
                }
                entries.append(ConditionEntry(operator: operatorName, operatorLocation: tree.location(clause), key: name,
                                              keyLocation: tree.location(key), values: values, conditionPath: path))
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
