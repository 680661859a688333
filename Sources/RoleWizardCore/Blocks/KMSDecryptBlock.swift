extension BuildingBlock {
    /// kms:Decrypt on named keys: what reading SecureString parameters, encrypted secrets or
    /// SSE-KMS objects under a customer managed key needs.
    static let kmsDecrypt = BuildingBlock(
        name: "kms-decrypt",
        title: "KMS decrypt",
        summary: "kms:Decrypt on the listed keys, for SecureString parameters, secrets or S3 objects "
            + "encrypted under customer managed keys. Name keys by ARN or key ID; never `*`.",
        parameters: [
            BlockParameter("keys", .list, required: true,
                           help: "key ARNs, or key IDs to be completed with the plan's region and account",
                           example: "1234abcd-12ab-34cd-56ef-1234567890ab", check: { value, _ in checkKey(value) }),
        ],
        checkAll: { _ in [] },
        build: { arguments, context in
            let keys = arguments.list("keys").map { key in
                key.hasPrefix("arn:") ? key : context.arn("kms", resource: "key/\(key)")
            }
            return [Statement(action: "kms:Decrypt", resource: StringList(keys, isList: true))]
        })

    private static func checkKey(_ value: String) -> String? {
        if value.contains("*") || value.contains("?") {
            return "\(IAMRules.quoted(value)) is a wildcard; name each key, or the role could decrypt with every key it can reach"
        }
        if value.hasPrefix("arn:") {
            return IdentifierRules.checkARN(value, service: "kms", resourcePrefix: "key/",
                                            example: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-…")
        }
        if value.hasPrefix("alias/") {
            return "\(IAMRules.quoted(value)) is an alias; kms:Decrypt is authorized on the key, so give its key ID or ARN"
        }
        let ok = !value.isEmpty && value.count <= 256
            && value.unicodeScalars.allSatisfy { IdentifierRules.isASCIIAlphanumeric($0) || $0 == "-" }
        return ok ? nil : "\(IAMRules.quoted(value)) is neither a key ARN nor a key ID"
    }
}
