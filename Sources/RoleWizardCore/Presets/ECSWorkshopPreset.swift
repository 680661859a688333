extension Preset {
    /// The retail-store ECS workshop lab ("IAM Roles - Service Access Authorization").
    static let ecsWorkshop = Preset(
        name: "ecs-workshop",
        summary: "The retail-store ECS workshop: an execution role and a task role with ECS Exec.",
        source: "the retail-store ECS workshop lab, section 2.1 \"IAM Roles - Service Access Authorization\"",
        notes: [
            "retailStoreECSTaskExecutionRole lets ECS pull images and write logs (AmazonECSTaskExecutionRolePolicy).",
            "retailStoreEcsTaskRole carries the lab's inline policy: the four ssmmessages actions ECS Exec needs in the task role, "
                + "and ecs:ExecuteCommand / ecs:DescribeTasks on the lab cluster. The lab puts those two on the task role; "
                + "they are what the person running `aws ecs execute-command` needs, so in your own accounts give them to "
                + "that person's role instead (ecs-exec with operatorActions: false). `ecs-role-wizard lint` reports it as "
                + "EXECUTE_COMMAND_IN_TASK_ROLE (a WARNING), carried from the lab.",
            "The role names must stay exactly as they are: the lab's CLI commands use them.",
        ],
        build: {
            Plan(roles: [
                Role(name: "retailStoreECSTaskExecutionRole", kind: .execution,
                     managedPolicies: ["service-role/AmazonECSTaskExecutionRolePolicy"]),
                Role(name: "retailStoreEcsTaskRole", kind: .task, inlinePolicies: [
                    InlinePolicy(name: "retailStoreEcsExecPolicy", source: .template(name: "ecs-exec", parameters: BlockParameters([
                        ("operatorActions", .bool(true)),
                        ("cluster", .string("retail-store-ecs-cluster")),
                        ("allClusters", .bool(true)),
                    ]))),
                ]),
            ])
        })
}
