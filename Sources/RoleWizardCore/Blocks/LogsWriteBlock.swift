extension BuildingBlock {
    /// Writing to CloudWatch Logs groups, for applications that ship their own logs.
    static let logsWrite = BuildingBlock(
        name: "logs-write",
        title: "CloudWatch Logs write",
        summary: "logs:CreateLogStream and logs:PutLogEvents on the listed log groups. The awslogs "
            + "driver uses the execution role for this; add it to a task role only when the "
            + "application writes logs itself.",
        parameters: [
            BlockParameter("logGroups", .list, required: true, help: "log group names",
                           example: "/ecs/my-app", check: { value, _ in IdentifierRules.checkLogGroupName(value) }),
            BlockParameter("createLogGroup", .bool, help: "also allow logs:CreateLogGroup for these groups", example: "false"),
        ],
        checkAll: { _ in [] },
        build: { arguments, context in
            var actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
            if arguments.bool("createLogGroup") { actions.insert("logs:CreateLogGroup", at: 0) }
            let groups = arguments.list("logGroups").map { context.arn("logs", resource: "log-group:\($0):*") }
            return [Statement(action: StringList(actions, isList: true), resource: StringList(groups, isList: true))]
        })
}
