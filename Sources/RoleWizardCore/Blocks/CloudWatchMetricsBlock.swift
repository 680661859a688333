extension BuildingBlock {
    /// cloudwatch:PutMetricData, limited by namespace. The action has no resource type, so the
    /// namespace condition is the only way to narrow it.
    static let cloudwatchMetrics = BuildingBlock(
        name: "cloudwatch-metrics",
        title: "CloudWatch metrics",
        summary: "cloudwatch:PutMetricData for the listed namespaces only. PutMetricData takes no "
            + "resource, so Resource is * and the cloudwatch:namespace condition does the limiting.",
        parameters: [
            BlockParameter("namespaces", .list, required: true, help: "metric namespaces",
                           example: "MyApp", check: { value, _ in IdentifierRules.checkMetricNamespace(value) }),
        ],
        checkAll: { _ in [] },
        build: { arguments, _ in
            let namespaces = arguments.list("namespaces")
            let condition = ConditionBlock([ConditionBlock.Clause(operator: "StringEquals", entries: [
                ConditionBlock.Entry(key: "cloudwatch:namespace", values: ConditionValues(namespaces.map(ConditionValue.string))),
            ])])
            return [Statement(action: "cloudwatch:PutMetricData", resource: "*", condition: condition)]
        })
}
