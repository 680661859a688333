/// An Amazon Resource Name: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
public struct ARN: Equatable, Sendable, CustomStringConvertible {
    public var partition: String
    public var service: String
    public var region: String
    public var account: String
    public var resource: String

    public init(partition: String, service: String, region: String = "", account: String = "", resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }

    /// Parses and checks an ARN. Wildcards and `{{AccountId}}`/`{{Region}}` placeholders are
    /// accepted where IAM policies accept them; anything else malformed is a sentence saying so.
    public static func parse(_ text: String) -> Result<ARN, ARNError> {
        // An ASCII text's bytes are its characters ("\r\n", one character, holds no colon).
        let parts = asciiParts(text) ?? text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn" else {
            return .failure(ARNError("\(IAMRules.quoted(text)) is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)"))
        }
        let arn = ARN(partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts[5])
        if Partition(rawValue: arn.partition) == nil && !arn.partition.containsText("*") {
            return .failure(ARNError("\(IAMRules.quoted(text)) has partition \(IAMRules.quoted(arn.partition)); expected aws, aws-cn or aws-us-gov"))
        }
        if arn.service.isEmpty || !isServiceName(arn.service) {
            return .failure(ARNError("\(IAMRules.quoted(text)) has no valid service name"))
        }
        if !arn.region.isEmpty && arn.region != Placeholder.region && !arn.region.containsText("*")
            && !IAMRules.isRegion(arn.region) {
            return .failure(ARNError("\(IAMRules.quoted(text)) has region \(IAMRules.quoted(arn.region)), which is not a region name"))
        }
        let accountOK = arn.account.isEmpty || arn.account == "aws" || arn.account == Placeholder.account
            || arn.account.containsText("*") || IAMRules.isAccountID(arn.account)
        if !accountOK {
            return .failure(ARNError("\(IAMRules.quoted(text)) has account \(IAMRules.quoted(arn.account)); an account ID is 12 digits"))
        }
        if arn.resource.isEmpty {
            return .failure(ARNError("\(IAMRules.quoted(text)) names no resource"))
        }
        return .success(arn)
    }
}

extension ARN {
    /// `text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)` for ASCII
    /// text, where bytes are characters, from its bytes; nil for other text.
    static func asciiParts(_ text: String) -> [String]? {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var parts: [String] = []
            parts.reserveCapacity(6)
            var start = 0
            for offset in bytes.indices where bytes[offset] == UInt8(ascii: ":") && parts.count < 5 {
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
                start = offset + 1
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return parts
        }
        return found ?? nil
    }

    /// Letters, digits, "-" and "*"; an ASCII name is checked byte by byte rather than through
    /// Unicode's character properties (the linter reads thousands of ARNs).
    static func isServiceName(_ text: String) -> Bool {
        if text.isAllASCII {
            return text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*")
            }
        }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "*" }
    }
}

public struct ARNError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

public enum Partition: String, CaseIterable, Sendable {
    case aws
    case awsCN = "aws-cn"
    case awsUSGov = "aws-us-gov"

    /// The suffix of service principals: `ecs-tasks.amazonaws.com` (also in aws-cn since 2022).
    public var serviceDomain: String { "amazonaws.com" }
}

/// Stand-ins for values the spec leaves out. The generated apply script fills them in at
/// apply time from `aws sts get-caller-identity` and the configured region.
public enum Placeholder {
    public static let account = "{{AccountId}}"
    public static let region = "{{Region}}"
}
