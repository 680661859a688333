extension BuildingBlock {
    /// secretsmanager:GetSecretValue on named secrets.
    static let secretsRead = BuildingBlock(
        name: "secrets-read",
        title: "Secrets Manager read",
        summary: "secretsmanager:GetSecretValue on the listed secrets. A name becomes "
            + "secret:NAME-?????? because Secrets Manager appends six random characters to every secret ARN. "
            + "Secrets injected by ECS at start (task definition `secrets`) need this on the execution role.",
        parameters: [
            BlockParameter("secrets", .list, required: true,
                           help: "secret ARNs, or secret names to be completed with the plan's region and account",
                           example: "prod/app/db-password", check: { value, _ in checkSecret(value) }),
        ],
        checkAll: { _ in [] },
        build: { arguments, context in
            let secrets = arguments.list("secrets").map { secret in
                secret.hasPrefix("arn:") ? secret : context.arn("secretsmanager", resource: "secret:\(secret)-??????")
            }
            return [Statement(action: "secretsmanager:GetSecretValue", resource: StringList(secrets, isList: true))]
        })

    private static func checkSecret(_ value: String) -> String? {
        if value.hasPrefix("arn:") {
            return IdentifierRules.checkARN(value, service: "secretsmanager", resourcePrefix: "secret:",
                                            example: "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf")
        }
        let ok = !value.isEmpty && value.count <= 512
            && value.unicodeScalars.allSatisfy { IdentifierRules.isASCIIAlphanumeric($0) || "/_+=.@-".unicodeScalars.contains($0) }
        return ok ? nil : "\(IAMRules.quoted(value)) is not a secret name (letters, digits and /_+=.@-)"
    }
}
