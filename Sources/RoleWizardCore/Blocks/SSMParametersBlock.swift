extension BuildingBlock {
    /// SSM Parameter Store reads under `parameter/PREFIX/NAME`, as the ECS Terraform module's
    /// `ssm_paths` input does (`parameter/application/%s/`).
    ///
    /// `GetParametersByPath` is authorized on the path's own ARN (`parameter/application/NAME`),
    /// while `GetParameter(s)` is authorized on each parameter below it (`…/NAME/*`).
    static let ssmParameters = BuildingBlock(
        name: "ssm-parameters",
        title: "SSM parameters by path",
        summary: "ssm:GetParameter and ssm:GetParameters on the parameters under each path, and "
            + "ssm:GetParametersByPath on the path itself. SecureString values under a customer "
            + "managed key also need kms-decrypt.",
        parameters: [
            BlockParameter("names", .list, required: true,
                           help: "the path names under the prefix (the Terraform module's ssm_paths)",
                           example: "shared_domain", check: { value, _ in IdentifierRules.checkParameterPath(value) }),
            BlockParameter("prefix", .string,
                           help: "the hierarchy above the names (default application, as in the Terraform module)",
                           example: "application", check: { value, _ in
                               value.isEmpty ? nil : IdentifierRules.checkParameterPath(value)
                           }),
        ],
        checkAll: { _ in [] },
        build: { arguments, context in
            let prefix = arguments.string("prefix", default: "application")
            let paths = arguments.list("names").map { prefix.isEmpty ? $0 : "\(prefix)/\($0)" }
            return [
                Statement(action: ["ssm:GetParameter", "ssm:GetParameters"],
                          resource: StringList(paths.map { context.arn("ssm", resource: "parameter/\($0)/*") }, isList: true)),
                Statement(action: "ssm:GetParametersByPath",
                          resource: StringList(paths.map { context.arn("ssm", resource: "parameter/\($0)") }, isList: true)),
            ]
        })
}
