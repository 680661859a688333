/// Condition: known operators, known global and service keys, keys the statement's actions
/// can use, and operators and values of the key's type.
enum ConditionChecks {
    enum Kind: String {
        case string, numeric, date, bool, binary, ip, arn, null
    }

    /// `StringLikeIfExists` → string; nil for an unknown operator.
    static func kind(ofOperator name: String) -> Kind? {
        guard PolicyGrammar.isKnownOperator(name) else { return nil }
        let base = PolicyGrammar.baseName(name)
        if base.hasPrefix("String") { return .string }
        if base.hasPrefix("Numeric") { return .numeric }
        if base.hasPrefix("Date") { return .date }
        if base == "Bool" { return .bool }
        if base == "BinaryEquals" { return .binary }
        if base.hasSuffix("IpAddress") { return .ip }
        if base.hasPrefix("Arn") { return .arn }
        return .null
    }

    /// The operator kinds a key of a catalog type accepts (String operators work on ARN keys too).
    static func accepts(_ type: String, _ kind: Kind) -> Bool {
        switch kind {
        case .string, .null, .binary: return true
        case .numeric: return type.hasSuffix("Numeric") || type == "Date"
        case .date: return type == "Date" || type.hasSuffix("Numeric")
        case .bool: return type.hasSuffix("Bool")
        case .ip: return type == "IPAddress"
        // Arn operators compare strings ARN-wise; IAM takes them on string keys that hold ARNs.
        case .arn: return type.hasSuffix("ARN") || type.hasSuffix("String")
        }
    }

    /// Key prefixes of web-identity and SAML federation (`accounts.google.com:aud`, `saml:sub`):
    /// trust policies use them and no service defines them.
    static func isFederationKey(_ prefix: Substring) -> Bool {
        prefix.containsText(".") || prefix == "saml"
    }

    static func check(_ statement: PolicyView.Statement, actions: [ResolvedAction], run: LintRun) {
        guard !statement.conditions.isEmpty else { return }
        // The services of the statement's actions, gathered when a service key first asks
        // (most conditions use only global keys).
        var gathered: (prefixes: Set<String>, anyService: Bool)?
        func actionServices() -> (prefixes: Set<String>, anyService: Bool) {
            if let gathered { return gathered }
            var prefixes: Set<String> = []
            var anyService = false
            for entry in actions {
                if entry.meaning.mayBeAnyService { anyService = true }
                prefixes.insert(entry.meaning.servicePrefix)
            }
            gathered = (prefixes, anyService)
            return (prefixes, anyService)
        }
        var reportedOperators: Set<String> = []
        for entry in statement.conditions {
            guard let kind = run.cache.operatorKind(entry.operator) else {
                if reportedOperators.insert(entry.operator).inserted {
                    run.report(.unknownOperator, "unknown condition operator \(JSONWriter.quoted(entry.operator))"
                               + Suggest.didYouMean(PolicyGrammar.baseName(entry.operator), among: Array(PolicyGrammar.baseOperators)),
                               path: entry.operatorPath, location: entry.operatorLocation, statement: statement)
                }
                continue
            }
            guard let (keyPrefix, prefix, keyName) = splitKey(entry.key), !keyPrefix.isEmpty, !keyName.isEmpty else {
                run.report(.unknownServiceConditionKey, "\(JSONWriter.quoted(entry.key)) is not a condition key (SERVICE:Key, like aws:SourceAccount)",
                           path: entry.keyPath, location: entry.keyLocation, statement: statement)
                continue
            }
            var type: String?
            if prefix == "aws" {
                type = run.cache.conditionKeyType(entry.key, in: run.catalog)
                if type == nil {
                    run.report(.unknownGlobalConditionKey, "\(JSONWriter.quoted(entry.key)) is not a global condition key", path: entry.keyPath,
                               location: entry.keyLocation, statement: statement)
                    continue
                }
            } else if isFederationKey(keyPrefix) {
                continue
            } else {
                type = run.cache.conditionKeyType(entry.key, in: run.catalog)
                if type == nil {
                    let known = run.catalog.service(prefix) == nil ? "no AWS service has the prefix \(JSONWriter.quoted(String(keyPrefix)))"
                                                                    : "\(keyPrefix) defines no condition key \(JSONWriter.quoted(String(keyName)))"
                    run.report(.unknownServiceConditionKey, "\(JSONWriter.quoted(entry.key)): \(known)", path: entry.keyPath,
                               location: entry.keyLocation, statement: statement)
                    continue
                }
                let (prefixes, anyService) = actionServices()
                if !anyService, !prefixes.isEmpty, !prefixes.contains(prefix),
                   GlobalConditionKeys.type(of: entry.key) == nil, !actions.contains(where: { takesKey(entry.key, $0) }) {
                    run.report(.conditionKeyNotForActions, "\(entry.key) is a condition key of \(keyPrefix), but the statement's actions are of \(prefixes.sorted().joined(separator: ", ")): the condition is never present, so the statement \(statement.effect == .deny ? "never denies" : "never allows") unless the operator ends in IfExists",
                               path: entry.keyPath, location: entry.keyLocation, statement: statement)
                }
            }
            guard let type else { continue }
            if !accepts(type, kind) {
                run.report(.conditionTypeMismatch, "\(entry.operator) compares \(kind.rawValue) values, but \(entry.key) is of type \(type)",
                           path: entry.operatorPath, location: entry.operatorLocation, statement: statement)
                continue
            }
            checkValues(entry, kind: kind, statement: statement, run: run)
        }
    }

    /// A condition key's service prefix (before the first colon), that prefix in lower case,
    /// and its name (after the colon); nil without a colon. An ASCII key is split and lowered
    /// as bytes (a byte is a character there; walking characters cost ~1,500 instructions a
    /// key), another by characters (a colon with a combining mark after it is not a colon).
    static func splitKey(_ key: String) -> (prefix: Substring, loweredPrefix: String, name: Substring)? {
        var text = key
        // For an ASCII key, its first colon's offset (nil without one) and the bytes before it
        // lowered straight into a String; nil for another key.
        let ascii = text.withUTF8 { bytes -> (colon: Int?, loweredPrefix: String)? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return (nil, "") }
            let loweredPrefix = String(unsafeUninitializedCapacity: colon) { prefix in
                for offset in 0..<colon {
                    let byte = bytes[offset]
                    prefix[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                }
                return colon
            }
            return (colon, loweredPrefix)
        }
        guard let ascii else {
            let parts = key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            return parts.count == 2 ? (parts[0], parts[0].lowercased(), parts[1]) : nil
        }
        guard let colon = ascii.colon else { return nil }
        let utf8 = key.utf8, separator = utf8.index(utf8.startIndex, offsetBy: colon)
        return (key[..<separator], ascii.loweredPrefix, key[utf8.index(after: separator)...])
    }

    /// Whether one of an Action entry's actions lists the key (a key of another service, such as
    /// `catalog:ChangeType` on `aws-marketplace:StartChangeSet`, or `iam:ResourceTag/…` on
    /// `sts:AssumeRole`).
    static func takesKey(_ key: String, _ entry: ResolvedAction) -> Bool {
        entry.actions.contains { action in
            action.conditionKeys.contains { IAMNameMatching.keyMatches($0, key) }
        }
    }

    /// Values that cannot be of the operator's type (`NumericLessThan: "ten"`).
    static func checkValues(_ entry: PolicyView.ConditionEntry, kind: Kind, statement: PolicyView.Statement, run: LintRun) {
        for value in entry.values {
            let ok: Bool
            switch (kind, value.value) {
            case (.null, .bool), (.bool, .bool): ok = true
            case let (.null, .string(text)), let (.bool, .string(text)): ok = text == "true" || text == "false" || text.hasPrefix("${")
            case (.null, _), (.bool, _): ok = false
            case (.numeric, .number): ok = true
            case let (.numeric, .string(text)): ok = Double(text) != nil || text.hasPrefix("${")
            case (.date, .number): ok = true
            case let (.date, .string(text)): ok = isDate(text) || text.hasPrefix("${")
            case let (.ip, .string(text)): ok = isIPRange(text) || text.hasPrefix("${")
            case (_, .array), (_, .object): ok = false
            default: ok = true
            }
            if !ok {
                run.report(.conditionTypeMismatch, "\(entry.operator) needs \(expected(kind)) values, not \(value.described)",
                           path: entry.keyPath, location: value.location ?? entry.keyLocation, statement: statement)
            }
        }
    }

    static func expected(_ kind: Kind) -> String {
        switch kind {
        case .null, .bool: return "true or false"
        case .numeric: return "number"
        case .date: return "date (ISO 8601, like 2026-01-31T00:00:00Z, or epoch seconds)"
        case .ip: return "IP address or CIDR range"
        default: return kind.rawValue
        }
    }

    /// ISO 8601 as IAM takes it: a date, optionally with a time (`2026-01-31`, `2026-01-31T12:00:00Z`).
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { return Double(text) != nil }
        let digit = { (i: Int) in bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        return (0..<4).allSatisfy(digit) && bytes[4] == UInt8(ascii: "-") && digit(5) && digit(6)
            && bytes[7] == UInt8(ascii: "-") && digit(8) && digit(9)
            && (bytes.count == 10 || bytes[10] == UInt8(ascii: "T"))
    }

    static func isIPRange(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        if parts.count == 2 { guard let bits = Int(parts[1]), (0...128).contains(bits) else { return false } }
        let address = parts[0]
        if address.contains(":") { return address.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        let octets = address.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { Int($0).map { (0...255).contains($0) } ?? false }
    }
}
