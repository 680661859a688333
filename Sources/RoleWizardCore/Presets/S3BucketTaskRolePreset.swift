extension Preset {
    /// The AWS ECS developer guide's "IAM Roles for Tasks" example.
    static let s3BucketTaskRole = Preset(
        name: "s3-bucket-task-role",
        summary: "The ECS guide's task role that reads one S3 bucket through a customer managed policy.",
        source: "Amazon ECS Developer Guide, \"IAM Roles for Tasks\" (AmazonECSTaskS3BucketPolicy / AmazonECSTaskS3BucketRole)",
        notes: [
            "AmazonECSTaskS3BucketPolicy allows s3:GetObject on arn:aws:s3:::my-task-secrets-bucket/* only, with the guide's Sid.",
            "The guide picks the task role's trust through the console entry named after AmazonECSTaskExecutionRolePolicy; that "
                + "entry only sets the ecs-tasks.amazonaws.com trust. The task role gets the bucket policy and nothing else: "
                + "attaching AmazonECSTaskExecutionRolePolicy to a task role is the classic mix-up.",
            "Whoever registers the task definition or runs the task also needs iam:PassRole on this role.",
        ],
        build: {
            Plan(
                roles: [Role(name: "AmazonECSTaskS3BucketRole", kind: .task)],
                customerManagedPolicies: [
                    CustomerManagedPolicy(
                        name: "AmazonECSTaskS3BucketPolicy",
                        source: .document(PolicyDocument(statements: [
                            Statement(sid: "Stmt1465589882000", action: ["s3:GetObject"],
                                      resource: ["arn:aws:s3:::my-task-secrets-bucket/*"]),
                        ])),
                        attachTo: ["AmazonECSTaskS3BucketRole"]),
                ])
        })
}
