extension BuildingBlock {
    /// ECS Exec: the four `ssmmessages` actions the task role needs so that the SSM agent in the
    /// container can open the session channels. They take no resource, hence `*`.
    static let ecsExec = BuildingBlock(
        name: "ecs-exec",
        title: "ECS Exec (execute-command)",
        summary: "Lets `aws ecs execute-command` open a shell in the task's containers: the SSM agent "
            + "in the container needs ssmmessages:Create/Open Control/Data Channel. The operator who "
            + "runs the command needs ecs:ExecuteCommand on their own identity, not the task role.",
        parameters: [
            BlockParameter("operatorActions", .bool,
                           help: "also allow ecs:ExecuteCommand and ecs:DescribeTasks on the cluster, as the ECS workshop does",
                           example: "false"),
            BlockParameter("cluster", .string,
                           help: "the ECS cluster name the operator actions are limited to",
                           example: "retail-store-ecs-cluster", check: { value, _ in IdentifierRules.checkClusterName(value) }),
            BlockParameter("allClusters", .bool,
                           help: "give the cluster resource as cluster/* instead of the named cluster (the workshop's form)",
                           example: "false"),
        ],
        checkAll: { arguments in
            if arguments.bool("operatorActions") && arguments.string("cluster").isEmpty {
                return [("cluster", "operatorActions needs the cluster whose tasks may be exec'd into")]
            }
            return []
        },
        build: { arguments, context in
            var statements = [
                Statement(action: [
                    "ssmmessages:CreateControlChannel",
                    "ssmmessages:CreateDataChannel",
                    "ssmmessages:OpenControlChannel",
                    "ssmmessages:OpenDataChannel",
                ], resource: "*"),
            ]
            if arguments.bool("operatorActions") {
                let cluster = arguments.string("cluster")
                let clusterResource = arguments.bool("allClusters") ? "cluster/*" : "cluster/\(cluster)"
                statements.append(Statement(
                    action: ["ecs:ExecuteCommand", "ecs:DescribeTasks"],
                    resource: [
                        context.arn("ecs", resource: "task/\(cluster)/*"),
                        context.arn("ecs", resource: clusterResource),
                    ]))
            }
            return statements
        })
}
