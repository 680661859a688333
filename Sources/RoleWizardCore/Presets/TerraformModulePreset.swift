extension Preset {
    /// The task role of a typical ECS Terraform module, from its inputs `kms_keys`,
    /// `ssm_paths`, `s3_ro_paths` and `s3_rw_paths`.
    static let terraformModule = Preset(
        name: "terraform-module",
        summary: "An ECS Terraform module's task role: KMS decrypt, SSM parameters by path, S3 read-only and read-write.",
        source: "an ECS Terraform module's \"Task IAM Role\" page (inputs kms_keys, ssm_paths, s3_ro_paths, s3_rw_paths)",
        notes: [
            "Each module input is one inline policy: kms_keys -> kms-decrypt, ssm_paths -> ssm-parameters under parameter/application/NAME, "
                + "s3_ro_paths -> s3-read-only, s3_rw_paths -> s3-read-write. Replace the example keys and buckets with yours.",
            "ssm:GetParametersByPath is authorized on the path (parameter/application/NAME) and ssm:GetParameter(s) on the "
                + "parameters below it (parameter/application/NAME/*), so each path gets both.",
        ],
        build: {
            Plan(roles: [
                Role(name: "ecs-service-demo-task-role", kind: .task, inlinePolicies: [
                    InlinePolicy(name: "kms-decrypt", source: .template(name: "kms-decrypt", parameters: BlockParameters([
                        ("keys", .list(["1234abcd-12ab-34cd-56ef-1234567890ab", "0987dcba-09fe-87dc-65ba-ab0987654321"])),
                    ]))),
                    InlinePolicy(name: "ssm-parameters", source: .template(name: "ssm-parameters", parameters: BlockParameters([
                        ("names", .list(["shared_domain", "application_specific_name"])),
                    ]))),
                    InlinePolicy(name: "s3-read-only", source: .template(name: "s3-read-only", parameters: BlockParameters([
                        ("buckets", .list(["demo-app-config"])),
                    ]))),
                    InlinePolicy(name: "s3-read-write", source: .template(name: "s3-read-write", parameters: BlockParameters([
                        ("buckets", .list(["demo-app-uploads"])),
                    ]))),
                ]),
            ])
        })
}
