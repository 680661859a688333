extension PlanCompiler {
    /// The trust policy: the role kind's service principal (with the confused-deputy
    /// conditions AWS recommends for ECS), other services, and trusted accounts.
    func compileTrust(_ role: Role, at path: FieldPath, context: PlanContext, problems: inout [Problem]) -> PolicyDocument {
        let trust = role.trust
        if let document = trust.document {
            problems += PolicyGrammar.check(document, use: .trust,
                                            paths: .document(path / "document", statementIsList: document.statementIsList))
            return document
        }
        let services = trust.services ?? [role.kind.trustedService]
        for (index, service) in services.enumerated() {
            if let message = PolicyGrammar.checkPrincipal(service, type: .service) {
                problems.append(Problem(path / "services" / index, message))
            }
        }
        if let duplicate = Suggest.firstDuplicate(services) {
            problems.append(Problem(path / "services", "\(JSONWriter.quoted(duplicate)) is listed twice"))
        }
        var accounts: [String] = []
        for (index, account) in trust.accounts.enumerated() {
            if IAMRules.isAccountID(account) {
                // IAM stores a bare account ID as its root ARN; writing that form keeps apply idempotent.
                accounts.append("arn:\(context.partition.rawValue):iam::\(account):root")
            } else if case let .success(arn) = ARN.parse(account), arn.service == "iam", IAMRules.isAccountID(arn.account) {
                accounts.append(account)
            } else {
                problems.append(Problem(path / "accounts" / index, "\(JSONWriter.quoted(account)) is neither an account ID (12 digits) nor an IAM principal ARN"))
            }
        }
        if services.isEmpty && accounts.isEmpty {
            problems.append(Problem(path, "nobody could assume this role: give at least one service or account"))
        }

        let ecsTasks = "ecs-tasks.amazonaws.com"
        let protection = trust.confusedDeputyProtection ?? trust.defaultConfusedDeputyProtection(kind: role.kind, context: context)
        if trust.confusedDeputyProtection == true {
            if role.kind == .instance || !services.contains(ecsTasks) {
                problems.append(Problem(path / "confusedDeputyProtection",
                                        "confused-deputy conditions apply to the ecs-tasks.amazonaws.com principal; EC2 sends no aws:SourceArn when it assumes an instance role"))
            }
        }

        var statements: [Statement] = []
        for service in services {
            let isECS = service == ecsTasks
            if isECS || statements.isEmpty || !statements.last!.isPlainServiceTrust {
                statements.append(Statement(principal: .service([service]), action: "sts:AssumeRole",
                                            condition: isECS && protection ? confusedDeputyCondition(context) : nil))
            } else {
                statements[statements.count - 1].appendService(service)
            }
        }
        if !accounts.isEmpty {
            statements.append(Statement(principal: .map([(type: .aws, values: StringList(accounts, isList: accounts.count != 1))]),
                                        action: "sts:AssumeRole"))
        }
        return PolicyDocument(statements: statements)
    }

    /// `aws:SourceArn` like `arn:PARTITION:ecs:REGION:ACCOUNT:*` and `aws:SourceAccount`: only
    /// ECS acting for this account and region can assume the role. ECS does not accept a
    /// single cluster ARN here, so the account-wide pattern is the narrowest.
    func confusedDeputyCondition(_ context: PlanContext) -> ConditionBlock {
        ConditionBlock([
            .init(operator: "ArnLike", entries: [
                .init(key: "aws:SourceArn", values: ConditionValues([.string(context.arn("ecs", resource: "*"))])),
            ]),
            .init(operator: "StringEquals", entries: [
                .init(key: "aws:SourceAccount", values: ConditionValues([.string(context.accountOrPlaceholder)])),
            ]),
        ])
    }
}

private extension Statement {
    var isPlainServiceTrust: Bool {
        guard condition == nil, case let .map(entries)? = principal, entries.count == 1, entries[0].type == .service else { return false }
        return entries[0].values.values.first != "ecs-tasks.amazonaws.com"
    }

    mutating func appendService(_ service: String) {
        guard case let .map(entries)? = principal else { return }
        principal = .service(entries[0].values.values + [service])
    }
}
