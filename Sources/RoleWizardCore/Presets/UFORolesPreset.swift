extension Preset {
    /// UFO's "Task Definition IAM Roles" page, example 1 (`.ufo/iam_roles/*.rb`).
    static let ufoRoles = Preset(
        name: "ufo-roles",
        summary: "UFO's execution and task roles: managed SSM/Secrets/ECS policies and S3/CloudWatch inline policies.",
        source: "UFO docs, \"Task Definition IAM Roles\", example 1 (execution_role.rb and task_role.rb)",
        notes: [
            "Reproduced as UFO writes it, wildcards included: the task role may read every S3 object (s3:Get*, s3:List* on *) "
                + "and put metrics in any namespace; the execution role gets AmazonSSMReadOnlyAccess and the read-write "
                + "SecretsManagerReadWrite. Narrower: the s3-read-only, cloudwatch-metrics, ssm-parameters and secrets-read blocks.",
            "UFO's page calls the execution role the \"host role\"; it is assumed by ECS (ecs-tasks.amazonaws.com) for the task, not by the EC2 host.",
        ],
        build: {
            Plan(roles: [
                Role(name: "ufo-execution-role", kind: .execution, managedPolicies: [
                    "AmazonSSMReadOnlyAccess",
                    "SecretsManagerReadWrite",
                    "service-role/AmazonECSTaskExecutionRolePolicy",
                ]),
                Role(name: "ufo-task-role", kind: .task, inlinePolicies: [
                    InlinePolicy(name: "AmazonS3ReadOnlyAccess", source: .statements([
                        Statement(action: ["s3:Get*", "s3:List*"], resource: "*"),
                    ])),
                    InlinePolicy(name: "CloudwatchWrite", source: .statements([
                        Statement(action: ["cloudwatch:PutMetricData"], resource: "*"),
                    ])),
                ]),
            ])
        })
}
