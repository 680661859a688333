/// The condition keys AWS documents as global ("AWS global condition context keys" in the IAM
/// User Guide): usable with any action, though not present in every request. No service lists
/// most of them, so the IAM catalog does not hold them; they are kept here by hand.
public enum GlobalConditionKeys {
    /// Each key with its data type, grouped as the IAM User Guide groups them. Templates
    /// (`${TagKey}`) stand for one or more characters.
    public static let all: [(key: String, type: String)] = [
        // Properties of the principal
        ("aws:PrincipalArn", "ARN"),
        ("aws:PrincipalAccount", "String"),
        ("aws:PrincipalOrgPaths", "ArrayOfString"),
        ("aws:PrincipalOrgID", "String"),
        ("aws:PrincipalTag/${TagKey}", "String"),
        ("aws:PrincipalIsAWSService", "Bool"),
        ("aws:PrincipalServiceName", "String"),
        ("aws:PrincipalServiceNamesList", "ArrayOfString"),
        ("aws:PrincipalType", "String"),
        ("aws:userid", "String"),
        ("aws:username", "String"),
        // Properties of a role session
        ("aws:AssumedRoot", "Bool"),
        ("aws:FederatedProvider", "String"),
        ("aws:TokenIssueTime", "Date"),
        ("aws:MultiFactorAuthAge", "Numeric"),
        ("aws:MultiFactorAuthPresent", "Bool"),
        ("aws:ChatbotSourceArn", "ARN"),
        ("aws:Ec2InstanceSourceVpc", "String"),
        ("aws:Ec2InstanceSourcePrivateIPv4", "IPAddress"),
        ("aws:SourceIdentity", "String"),
        // Properties of the network
        ("aws:SourceIp", "IPAddress"),
        ("aws:SourceVpc", "String"),
        ("aws:SourceVpcArn", "ARN"),
        ("aws:SourceVpce", "String"),
        ("aws:VpceAccount", "String"),
        ("aws:VpceOrgID", "String"),
        ("aws:VpceOrgPaths", "ArrayOfString"),
        ("aws:VpcSourceIp", "IPAddress"),
        // Properties of the resource
        ("aws:ResourceAccount", "String"),
        ("aws:ResourceOrgID", "String"),
        ("aws:ResourceOrgPaths", "ArrayOfString"),
        ("aws:ResourceTag/${TagKey}", "String"),
        // Properties of the request
        ("aws:CalledVia", "ArrayOfString"),
        ("aws:CalledViaFirst", "String"),
        ("aws:CalledViaLast", "String"),
        ("aws:ViaAWSService", "Bool"),
        ("aws:CurrentTime", "Date"),
        // Documented as "Date, Numeric": either family of operators works; see `types(of:)`.
        ("aws:EpochTime", "Date"),
        ("aws:referer", "String"),
        ("aws:RequestedRegion", "String"),
        ("aws:RequestTag/${TagKey}", "String"),
        ("aws:TagKeys", "ArrayOfString"),
        ("aws:SecureTransport", "Bool"),
        ("aws:SourceAccount", "String"),
        ("aws:SourceArn", "ARN"),
        ("aws:SourceOrgID", "String"),
        ("aws:SourceOrgPaths", "ArrayOfString"),
        ("aws:UserAgent", "String"),
        // Cross-service keys: set by one service, usable in the request context of others
        ("ec2:RoleDelivery", "Numeric"),
        ("ec2:SourceInstanceArn", "ARN"),
        ("glue:RoleAssumedBy", "String"),
        ("glue:CredentialIssuingService", "String"),
        ("lambda:SourceFunctionArn", "ARN"),
        ("ssm:SourceInstanceArn", "ARN"),
        ("identitystore:UserId", "String"),
    ]

    /// The key's data type (String, ArrayOfString, ARN, Numeric, Date, Bool, IPAddress), or nil
    /// when it is not a global key. Ignores case; `aws:ResourceTag/team` finds
    /// `aws:ResourceTag/${TagKey}`.
    public static func type(of key: String) -> String? {
        if let type = byLowercasedKey[key.lowercased()] { return type }
        let lowered = Suggest.lowercasedBytes(key)
        return lowered.withUnsafeBufferPointer { key in
            templated.first { IAMNameMatching.matches($0.pattern, key) }?.type
        }
    }

    /// Every type the key's value may be compared as: `aws:EpochTime` takes Date and Numeric
    /// operators alike; other keys have one type.
    public static func types(of key: String) -> [String] {
        guard let type = type(of: key) else { return [] }
        return key.lowercased() == "aws:epochtime" ? ["Date", "Numeric"] : [type]
    }

    private static let byLowercasedKey: [String: String] = Dictionary(
        all.map { ($0.key.lowercased(), $0.type) }, uniquingKeysWith: { first, _ in first })

    private static let templated: [(pattern: [UInt8], type: String)] = all.compactMap { entry in
        IAMNameMatching.templatePattern(entry.key).map { ($0, entry.type) }
    }
}
