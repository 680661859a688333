/// IAM's own limits, from the IAM API service model and the IAM user guide's quotas page.
/// Each check returns nil when the value is fine, or a sentence that says what is wrong.
public enum IAMRules {
    public static let roleNameMax = 64
    public static let policyNameMax = 128
    public static let pathMax = 512
    public static let descriptionMax = 1000
    public static let sessionDurationRange = 3600...43200
    public static let defaultSessionDuration = 3600
    public static let tagsMax = 50
    public static let tagKeyMax = 128
    public static let tagValueMax = 256
    /// Managed policies attached to one role: the default quota (raisable to 20).
    public static let managedPoliciesPerRole = 10
    public static let managedPoliciesPerRoleRaisable = 20
    /// Characters, not counting whitespace.
    public static let trustPolicyMax = 2048
    public static let trustPolicyRaisable = 4096
    public static let inlinePoliciesPerRoleMax = 10240
    public static let managedPolicyMax = 6144

    /// `[\w+=,.@-]`: ASCII letters, digits and `_+=,.@-`.
    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "+", "=", ",", ".", "@", "-": return true
        default: return false
        }
    }

    public static func checkRoleName(_ name: String) -> String? {
        checkName(name, what: "a role name", max: roleNameMax)
    }

    public static func checkPolicyName(_ name: String) -> String? {
        checkName(name, what: "a policy name", max: policyNameMax)
    }

    public static func checkInstanceProfileName(_ name: String) -> String? {
        checkName(name, what: "an instance profile name", max: 128)
    }

    static func checkName(_ name: String, what: String, max: Int) -> String? {
        let count = name.unicodeScalars.count
        if count == 0 { return "\(what) cannot be empty" }
        if count > max { return "\(quoted(name)) is \(count) characters; \(what) has at most \(max)" }
        if let bad = name.unicodeScalars.first(where: { !isNameCharacter($0) }) {
            return "\(quoted(name)) holds \(describe(bad)); \(what) may hold only letters, digits and _+=,.@-"
        }
        return nil
    }

    public static func checkPath(_ path: String) -> String? {
        let count = path.unicodeScalars.count
        if count == 0 || count > pathMax { return "a path is 1 to \(pathMax) characters, not \(count)" }
        if !path.hasPrefix("/") || !path.hasSuffix("/") {
            return "\(quoted(path)) must be \"/\" or start and end with \"/\" (e.g. /ecs/)"
        }
        if let bad = path.unicodeScalars.first(where: { $0.value < 0x21 || $0.value > 0x7E }) {
            return "\(quoted(path)) holds \(describe(bad)); a path may hold only printable ASCII without spaces"
        }
        if path.contains("//") { return "\(quoted(path)) has an empty segment (\"//\")" }
        if path.contains(Placeholder.account) || path.contains(Placeholder.region) {
            return "\(quoted(path)) holds a placeholder, which apply.sh would fill in only in some places; write the account or region itself"
        }
        return nil
    }

    public static func checkDescription(_ text: String) -> String? {
        let count = text.unicodeScalars.count
        if count > descriptionMax { return "the description is \(count) characters; IAM allows at most \(descriptionMax)" }
        if let bad = text.unicodeScalars.first(where: { !isDescriptionCharacter($0) }) {
            return "the description holds \(describe(bad)); IAM allows tab, newline, carriage return, U+0020–U+007E and U+00A1–U+00FF"
        }
        return nil
    }

    static func isDescriptionCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA1...0xFF: return true
        default: return false
        }
    }

    public static func checkSessionDuration(_ seconds: Int) -> String? {
        sessionDurationRange.contains(seconds) ? nil
            : "\(seconds) seconds is outside 3600–43200 (1 to 12 hours)"
    }

    public static func checkTagKey(_ key: String) -> String? {
        let count = key.unicodeScalars.count
        if count == 0 || count > tagKeyMax { return "a tag key is 1 to \(tagKeyMax) characters, not \(count)" }
        if key.lowercased().hasPrefix("aws:") { return "tag keys starting with \"aws:\" are reserved for AWS" }
        if let bad = key.unicodeScalars.first(where: { !isTagCharacter($0) }) {
            return "tag key \(quoted(key)) holds \(describe(bad)); tags may hold letters, digits, spaces and _.:/=+-@"
        }
        return nil
    }

    public static func checkTagValue(_ value: String) -> String? {
        let count = value.unicodeScalars.count
        if count > tagValueMax { return "a tag value is at most \(tagValueMax) characters, not \(count)" }
        if let bad = value.unicodeScalars.first(where: { !isTagCharacter($0) }) {
            return "tag value \(quoted(value)) holds \(describe(bad)); tags may hold letters, digits, spaces and _.:/=+-@"
        }
        return nil
    }

    /// `[\p{L}\p{Z}\p{N}_.:/=+\-@]`
    static func isTagCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "_", ".", ":", "/", "=", "+", "-", "@": return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// 12 digits.
    public static func isAccountID(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// Region names such as `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`.
    public static func isRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isASCII),
              last.allSatisfy(\.isNumber) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }

    static func quoted(_ text: String) -> String {
        JSONWriter.quoted(text.count > 80 ? String(text.prefix(77)) + "..." : text)
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .format {
            return code
        }
        return "\"\(Character(scalar))\" (\(code))"
    }
}
