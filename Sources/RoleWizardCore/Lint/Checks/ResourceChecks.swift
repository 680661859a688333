/// Resource: well-formed ARNs and account IDs, ARNs of a service the actions use, and actions
/// given only resources of types they do not take.
enum ResourceChecks {
    static func check(_ statement: PolicyView.Statement, actions: [ResolvedAction], run: LintRun) {
        guard run.use == .identity else { return }
        // Items are read by position: a copy of one is five references retained.
        // Each Resource item's reading, kept for the checks below when every item is an ARN.
        var readings: [ResourceReading] = []
        let items = statement.resource?.items ?? []
        readings.reserveCapacity(items.count)
        for index in items.indices where !items[index].text.isStar {
            readings.append(checkARN(items, index, statement: statement, run: run))
        }
        if let notResources = statement.notResource?.items {
            for index in notResources.indices where !notResources[index].text.isStar {
                checkARN(notResources, index, statement: statement, run: run)
            }
        }
        guard !items.isEmpty, readings.count == items.count, !actions.contains(where: \.isEverything),
              items.indices.allSatisfy({ items[$0].text.hasASCIIPrefix("arn:") }) else { return }
        checkServices(items, readings: readings, actions: actions, statement: statement, run: run)
        checkTypes(items, readings: readings, actions: actions, statement: statement, run: run)
    }

    /// The reading of `items[index]`, a resource, its problem reported.
    @discardableResult
    static func checkARN(_ items: [PolicyView.Strings.Item], _ index: Int, statement: PolicyView.Statement,
                         run: LintRun) -> ResourceReading {
        let reading = run.cache.resource(items[index].text)
        if let problem = reading.problem {
            run.report(problem.check, problem.message, path: items[index].path, location: items[index].location, statement: statement)
        }
        return reading
    }

    static func arnProblem(_ text: String) -> ARNProblem? {
        arnProblem(text, parts: ARNFields.split(text))
    }

    /// `arnProblem` of a text already split by `ARNFields.split`.
    static func arnProblem(_ text: String, parts: [Substring]) -> ARNProblem? {
        if parts.count == 6, parts[0] == "arn" {
            let account = parts[4]
            let accountOK = account.isEmpty || account == "aws" || account == Placeholder.account[...]
                || account.containsText("*") || account.containsText("?") || account.containsText("${")
                || (account.count == 12 && account.allSatisfy { $0.isASCII && $0.isNumber })
            if !accountOK {
                return ARNProblem(check: .invalidAccountID, message: "\(JSONWriter.quoted(text)) has account \(JSONWriter.quoted(String(account))); an account ID is 12 digits")
            }
            // Policy variables (`${aws:PrincipalAccount}`) hold colons; ARN.parse does not know them.
            if text.containsText("${") { return nil }
        }
        if case let .failure(error) = ARN.parse(text) {
            return ARNProblem(check: .invalidARN, message: error.message + " (a resource is \"*\" or an ARN)")
        }
        return nil
    }

    /// The service part of a resource ARN, when it has no wildcard.
    static func service(of arn: String) -> Substring? {
        service(parts: ARNFields.split(arn))
    }

    static func service(parts: [Substring]) -> Substring? {
        guard parts.count >= 3, !Glob.hasWildcard(parts[2]) else { return nil }
        return parts[2]
    }

    static func checkServices(_ arns: [PolicyView.Strings.Item], readings: [ResourceReading],
                              actions: [ResolvedAction], statement: PolicyView.Statement, run: LintRun) {
        // A statement's actions act on a few services: a short list, searched, is their set.
        var services: [Int] = []
        for index in actions.indices where !actions[index].actions.isEmpty {
            for service in run.cache.resourceFacts(of: actions[index].meaning, catalog: run.catalog).arnServices
            where !services.contains(service) {
                services.append(service)
            }
        }
        guard !services.isEmpty else { return }
        for index in arns.indices {
            let reading = readings[index]
            guard let service = reading.service, let number = reading.serviceNumber, !services.contains(number) else { continue }
            let item = arns[index]
            let names = actions.filter { !$0.actions.isEmpty }.map { JSONWriter.quoted($0.item.text) }
            run.report(.arnServiceMismatch, "\(JSONWriter.quoted(item.text)) is a \(service) resource, but no action of the statement (\(names.prefix(4).joined(separator: ", "))\(names.count > 4 ? ", …" : "")) acts on \(service) resources",
                       path: item.path, location: item.location, statement: statement)
        }
    }

    /// Actions whose authorization is on a path's own ARN, so `path/*` alone never covers it:
    /// service and name, in lower case.
    static let pathActions: [(service: String, name: String)] = [("ssm", "getparametersbypath")]

    /// Whether an action is one of `pathActions`, its names compared without regard to ASCII
    /// case (most actions by their lengths alone, where lowering each name cost ~1,000
    /// instructions an action).
    static func isPathAction(_ action: IAMAction) -> Bool {
        func equal(_ name: String, _ lowered: String) -> Bool {
            name.utf8.count == lowered.utf8.count
                && name.utf8.elementsEqual(lowered.utf8) { ($0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0) == $1 }
        }
        return pathActions.contains { equal(action.name, $0.name) && equal(action.service, $0.service) }
    }

    static func checkTypes(_ arns: [PolicyView.Strings.Item], readings: [ResourceReading],
                           actions: [ResolvedAction], statement: PolicyView.Statement, run: LintRun) {
        FormatVerdicts.withTable(formats: run.cache.formatCount) { verdicts in
            checkTypes(arns, readings: readings, actions: actions, statement: statement, verdicts: &verdicts, run: run)
        }
    }

    private static func checkTypes(_ arns: [PolicyView.Strings.Item], readings: [ResourceReading],
                                   actions: [ResolvedAction], statement: PolicyView.Statement, verdicts: inout FormatVerdicts, run: LintRun) {
        // Asked once for the statement rather than once per action.
        let onlyPathWildcards = arns.indices.allSatisfy { arns[$0].text.hasASCIISuffix("/*") }
        for index in actions.indices where !actions[index].actions.isEmpty {
            if !takesSome(actions[index].meaning, readings, verdicts: &verdicts, run: run) {
                let entry = actions[index], item = entry.item
                guard let action = entry.actions.first else { continue }
                let types = action.resourceTypes.map(\.name).filter { !$0.isEmpty }
                let effect = statement.effect == .deny ? "denied" : "allowed"
                let message: String
                if entry.isWildcard {
                    message = "none of the \(entry.actions.count) actions \(JSONWriter.quoted(item.text)) matches acts on the statement's resources, so it is \(effect) on nothing here"
                } else if types.isEmpty {
                    message = "\(action.fullName) takes no resource ARN: its Resource must be \"*\" (it is \(effect) on nothing here)"
                } else {
                    let formats = types.compactMap { run.format(of: $0, in: action.service)?.text }
                    message = "\(action.fullName) acts on \(types.joined(separator: " or ")) resources (\(formats.joined(separator: ", "))), and none of the statement's resources is one, so it is \(effect) on nothing"
                }
                run.report(.resourceTypeMismatch, message, path: item.path, location: item.location, statement: statement)
            } else if onlyPathWildcards, !actions[index].isWildcard, let action = actions[index].actions.first, isPathAction(action) {
                let item = actions[index].item
                run.report(.resourceTypeMismatch, "\(action.fullName) is authorized on the path's own parameter ARN (…:parameter/PATH), which PATH/* does not cover; add the path itself",
                           path: item.path, location: item.location, statement: statement)
            }
        }
    }

    /// Whether some action of an entry takes some of the resources (numbered by
    /// `LintCache.resource`): whether some resource can be of a type one of them takes. An
    /// action with no resource types is authorized on "*" only, and the caller saw no "*"; a
    /// type the catalog does not describe is assumed to match rather than guessed at. Asked
    /// of the types of all the entry's actions together, each format once; `verdicts` keeps
    /// each format's answer for the statement's other entries (many share formats).
    static func takesSome(_ meaning: ActionMeaning, _ resources: [ResourceReading],
                          verdicts: inout FormatVerdicts, run: LintRun) -> Bool {
        let facts = run.cache.resourceFacts(of: meaning, catalog: run.catalog)
        if facts.takesUndescribedType { return true }
        return facts.formats.contains { format in
            if let verdict = verdicts[format] { return verdict }
            let verdict = resources.indices.contains { run.cache.admits(format: format, resource: resources[$0]) }
            verdicts[format] = verdict
            return verdict
        }
    }

    /// Whether some of a statement's resources can be of a format, by format number
    /// (`LintCache.formatNumber`). The numbers are dense, from 0, so a table of bytes on the
    /// stack holds them, with room for the formats numbered when the statement's check began
    /// (any numbered since is not kept, only worked out again): a Dictionary hashed every
    /// lookup, and an array grown to each number asked for grew three times a statement.
    struct FormatVerdicts {
        /// 0: not yet known, 1: no, 2: yes.
        private let table: UnsafeMutableBufferPointer<UInt8>

        static func withTable<R>(formats count: Int, _ body: (inout FormatVerdicts) -> R) -> R {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { table in
                table.initialize(repeating: 0)
                var verdicts = FormatVerdicts(table: table)
                return body(&verdicts)
            }
        }

        subscript(format: Int) -> Bool? {
            get { format < table.count && table[format] != 0 ? table[format] == 2 : nil }
            set {
                guard format < table.count, let verdict = newValue else { return }
                table[format] = verdict ? 2 : 1
            }
        }
    }

    /// `${aws:username}` and `{{AccountId}}` can be anything when the policy is evaluated.
    static func policyVariablesAsWildcards(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if (byte == UInt8(ascii: "$") || byte == UInt8(ascii: "{")) && next == UInt8(ascii: "{"),
               let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) {
                out.append(UInt8(ascii: "*"))
                index = close + 1
                while index < bytes.count && bytes[index] == UInt8(ascii: "}") { index += 1 }
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A resource type's ARN format, field by field, as tokens for `Glob.intersects`.
/// (A class: the linter's cache hands formats out often, and a reference is one retain.)
final class ResourceFormat: Sendable {
    let text: String
    /// partition, service, region, account, resource.
    let fields: [[Glob.Token]]
    /// The service its ARNs name (`ResourceChecks.service(of:)`), and its `LintCache.arnServiceNumber`.
    let service: Substring?
    let serviceNumber: Int?

    /// `${Var}` stands for any run of characters; a bucket name never holds "/", which is what
    /// tells `arn:aws:s3:::bucket/*` (objects) from `arn:aws:s3:::bucket` (the bucket).
    init(_ format: String, serviceNumber: (Substring) -> Int? = { _ in nil }) {
        text = format
        let parts = ARNFields.split(format)
        fields = parts.dropFirst().map(ResourceFormat.tokens)
        service = ResourceChecks.service(parts: parts)
        self.serviceNumber = service.flatMap(serviceNumber)
    }

    static func tokens(_ field: Substring) -> [Glob.Token] {
        // Read in place: copying a Substring's bytes out went through its UTF8View a byte at a time.
        field.utf8.withContiguousStorageIfAvailable(tokens(bytes:)) ?? Array(field.utf8).withUnsafeBufferPointer(tokens(bytes:))
    }

    private static func tokens(bytes: UnsafeBufferPointer<UInt8>) -> [Glob.Token] {
        var tokens: [Glob.Token] = []
        tokens.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
               let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) {
                let name = bytes[(index + 2)..<close]
                tokens.append(name.elementsEqual("BucketName".utf8) ? .segment : .run)
                index = close + 1
                continue
            }
            switch bytes[index] {
            case UInt8(ascii: "*"): tokens.append(.run)
            case UInt8(ascii: "?"): tokens.append(.any)
            default: tokens.append(.byte(bytes[index]))
            }
            index += 1
        }
        return tokens
    }

    /// The five fields after `arn:`; the resource keeps its colons.
    static func split(_ arn: String) -> [Substring] {
        Array(ARNFields.split(arn).dropFirst())
    }

    /// Whether a resource as written (wildcards and policy variables allowed) can name
    /// something of this format. Fields are compared one by one, so a wildcard in one field
    /// cannot stand in for the colons between them.
    func admits(_ resource: [[Glob.Token]]) -> Bool {
        guard fields.count == 5 else { return true }
        guard resource.count == 5 else { return false }
        return zip(fields, resource).allSatisfy { Glob.intersects($0, $1) }
    }

    static func fields(ofResource text: String) -> [[Glob.Token]] {
        split(ResourceChecks.policyVariablesAsWildcards(text)).map { Glob.tokens($0) }
    }

    /// `fields(ofResource:)` of a text already split by `ARNFields.split`.
    static func fields(ofResource text: String, parts: [Substring]) -> [[Glob.Token]] {
        // Without a policy variable the text splits as it is.
        guard text.utf8.contains(UInt8(ascii: "{")) else { return parts.dropFirst().map { Glob.tokens($0) } }
        return fields(ofResource: text)
    }
}

extension LintRun {
    func format(of type: String, in service: String) -> ResourceFormat? {
        cache.format(of: type, in: service, catalog: catalog)
    }
}

enum ARNFields {
    /// `arn`, partition, service, region, account and resource: split at the first five colons
    /// that are not inside a policy variable (`${aws:PrincipalAccount}`).
    static func split(_ text: String) -> [Substring] {
        // In ASCII text a byte is a character (but for "\r\n", which is neither "$", "}" nor
        // ":"), and walking bytes is several times faster than walking characters.
        if let fields = splitASCII(text) { return fields }
        var fields: [Substring] = []
        var start = text.startIndex, index = text.startIndex
        var inVariable = false
        while index < text.endIndex, fields.count < 5 {
            let character = text[index]
            if character == "$", text[index...].hasPrefix("${") { inVariable = true }
            else if character == "}" { inVariable = false }
            else if character == ":" && !inVariable {
                fields.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        fields.append(text[start...])
        return fields
    }

    /// `split` over the bytes of ASCII text; nil for other text.
    private static func splitASCII(_ text: String) -> [Substring]? {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> [Int]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var colons: [Int] = []
            colons.reserveCapacity(5)
            var inVariable = false
            for offset in bytes.indices where colons.count < 5 {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "$"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "{") { inVariable = true }
                else if byte == UInt8(ascii: "}") { inVariable = false }
                else if byte == UInt8(ascii: ":") && !inVariable { colons.append(offset) }
            }
            return colons
        }
        guard let colons = found ?? nil else { return nil }
        let utf8 = text.utf8
        var fields: [Substring] = []
        fields.reserveCapacity(colons.count + 1)
        var start = utf8.startIndex
        for offset in colons {
            let colon = utf8.index(utf8.startIndex, offsetBy: offset)
            fields.append(text[start..<colon])
            start = utf8.index(after: colon)
        }
        fields.append(text[start...])
        return fields
    }
}
