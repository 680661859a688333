/// Turns a plan into documents and ARNs, checking every value against IAM's rules on the way.
/// The result always holds the best documents it could build, so the wizard can preview a
/// plan that still has problems.
public struct PlanCompiler: Sendable {
    public var catalog: ManagedPolicyCatalog

    public init(catalog: ManagedPolicyCatalog = .bundled) { self.catalog = catalog }

    public func compile(_ plan: Plan) -> CompiledPlan {
        var problems: [Problem] = []
        let context = plan.context
        if let account = plan.account, !IAMRules.isAccountID(account) {
            problems.append(Problem(.root / "account", "\(JSONWriter.quoted(account)) is not an account ID (12 digits)"))
        }
        if let region = plan.region, !IAMRules.isRegion(region) {
            problems.append(Problem(.root / "region", "\(JSONWriter.quoted(region)) is not a region name (like us-east-1)"))
        }
        if plan.roles.isEmpty {
            problems.append(Problem(.root / "roles", "a plan needs at least one role"))
        }
        var seenRoles: [String: Int] = [:]
        for (index, role) in plan.roles.enumerated() {
            if let first = seenRoles[role.name.lowercased()] {
                problems.append(Problem(.root / "roles" / index / "name",
                                        "role \(JSONWriter.quoted(role.name)) has the name of roles[\(first)]; role names are unique in an account, ignoring case"))
            } else {
                seenRoles[role.name.lowercased()] = index
            }
        }

        var customerPolicies: [CompiledCustomerManagedPolicy] = []
        var seenPolicies: [String: Int] = [:]
        for (index, policy) in plan.customerManagedPolicies.enumerated() {
            let path = FieldPath.root / "customerManagedPolicies" / index
            if let first = seenPolicies[policy.name.lowercased()] {
                problems.append(Problem(path / "name", "policy \(JSONWriter.quoted(policy.name)) has the name of customerManagedPolicies[\(first)]"))
            } else {
                seenPolicies[policy.name.lowercased()] = index
            }
            customerPolicies.append(compileCustomerPolicy(policy, at: path, plan: plan, context: context, problems: &problems))
        }

        let roles = plan.roles.enumerated().map { index, role in
            compileRole(role, at: .root / "roles" / index, plan: plan, customerPolicies: customerPolicies,
                        context: context, problems: &problems)
        }
        return CompiledPlan(plan: plan, context: context, roles: roles,
                            customerManagedPolicies: customerPolicies, problems: problems)
    }

    private func compileCustomerPolicy(_ policy: CustomerManagedPolicy, at path: FieldPath, plan: Plan,
                                       context: PlanContext, problems: inout [Problem]) -> CompiledCustomerManagedPolicy {
        if let message = IAMRules.checkPolicyName(policy.name) { problems.append(Problem(path / "name", message)) }
        if let policyPath = policy.path, let message = IAMRules.checkPath(policyPath) { problems.append(Problem(path / "path", message)) }
        if let description = policy.description, let message = IAMRules.checkDescription(description) {
            problems.append(Problem(path / "description", message))
        }
        for (index, roleName) in policy.attachTo.enumerated() where !plan.roles.contains(where: { $0.name == roleName }) {
            problems.append(Problem(path / "attachTo" / index, "no role named \(JSONWriter.quoted(roleName)) in this plan"
                + Suggest.didYouMean(roleName, among: plan.roles.map(\.name))))
        }
        if let duplicate = Suggest.firstDuplicate(policy.attachTo) {
            problems.append(Problem(path / "attachTo", "\(JSONWriter.quoted(duplicate)) is listed twice"))
        }
        let document = compileSource(policy.source, at: path, context: context, problems: &problems)
        let compiled = CompiledCustomerManagedPolicy(
            policy: policy,
            arn: "arn:\(context.partition.rawValue):iam::\(context.accountOrPlaceholder):policy\(policy.effectivePath)\(policy.name)",
            document: document)
        if compiled.size > IAMRules.managedPolicyMax {
            problems.append(Problem(path, "the policy is \(compiled.size) characters without whitespace; a managed policy holds at most \(IAMRules.managedPolicyMax)"))
        }
        return compiled
    }

    private func compileRole(_ role: Role, at path: FieldPath, plan: Plan, customerPolicies: [CompiledCustomerManagedPolicy],
                             context: PlanContext, problems: inout [Problem]) -> CompiledRole {
        if let message = IAMRules.checkRoleName(role.name) { problems.append(Problem(path / "name", message)) }
        if let rolePath = role.path, let message = IAMRules.checkPath(rolePath) { problems.append(Problem(path / "path", message)) }
        if let description = role.description, let message = IAMRules.checkDescription(description) {
            problems.append(Problem(path / "description", message))
        }
        if let seconds = role.maxSessionDuration, let message = IAMRules.checkSessionDuration(seconds) {
            problems.append(Problem(path / "maxSessionDuration", message))
        }
        problems += checkTags(role.tags, at: path / "tags")

        var boundaryARN: String?
        if let boundary = role.permissionsBoundary {
            switch catalog.resolve(boundary, partition: context.partition) {
            case let .success(reference): boundaryARN = reference.arn
            case let .failure(error):
                if let own = customerPolicies.first(where: { $0.policy.name == boundary }) {
                    boundaryARN = own.arn
                } else {
                    problems.append(Problem(path / "permissionsBoundary", error.message))
                }
            }
        }

        let trust = compileTrust(role, at: path / "trust", context: context, problems: &problems)
        let trustSize = PolicyGrammar.size(trust)
        if trustSize > IAMRules.trustPolicyMax {
            problems.append(Problem(path / "trust", "the trust policy is \(trustSize) characters without whitespace; the default quota is \(IAMRules.trustPolicyMax) (raisable to \(IAMRules.trustPolicyRaisable))"))
        }

        var managedARNs: [String] = []
        let references = role.effectiveManagedPolicies
        for (index, reference) in references.enumerated() {
            let referencePath = role.managedPolicies == nil ? path / "managedPolicies" : path / "managedPolicies" / index
            switch catalog.resolve(reference, partition: context.partition) {
            case let .success(resolved):
                if managedARNs.contains(resolved.arn) {
                    problems.append(Problem(referencePath, "\(resolved.arn) is attached twice"))
                } else {
                    managedARNs.append(resolved.arn)
                }
            case let .failure(error):
                var message = error.message
                if customerPolicies.contains(where: { $0.policy.name == reference }) {
                    message = "\(JSONWriter.quoted(reference)) is a policy this plan creates: list the role in its attachTo instead"
                }
                problems.append(Problem(referencePath, message))
            }
        }
        for policy in customerPolicies where policy.policy.attachTo.contains(role.name) && !managedARNs.contains(policy.arn) {
            managedARNs.append(policy.arn)
        }
        if managedARNs.count > IAMRules.managedPoliciesPerRole {
            problems.append(Problem(path / "managedPolicies", "\(managedARNs.count) managed policies are attached; the default quota is \(IAMRules.managedPoliciesPerRole) per role (raisable to \(IAMRules.managedPoliciesPerRoleRaisable) through Service Quotas)"))
        }

        var inline: [CompiledInlinePolicy] = []
        var seenInline: [String: Int] = [:]
        for (index, policy) in role.inlinePolicies.enumerated() {
            let policyPath = path / "inlinePolicies" / index
            if let message = IAMRules.checkPolicyName(policy.name) { problems.append(Problem(policyPath / "name", message)) }
            if let first = seenInline[policy.name.lowercased()] {
                problems.append(Problem(policyPath / "name", "inline policy \(JSONWriter.quoted(policy.name)) has the name of inlinePolicies[\(first)]"))
            } else {
                seenInline[policy.name.lowercased()] = index
            }
            inline.append(CompiledInlinePolicy(name: policy.name,
                                               document: compileSource(policy.source, at: policyPath, context: context, problems: &problems)))
        }
        let inlineSize = inline.reduce(0) { $0 + PolicyGrammar.size($1.document) }
        if inlineSize > IAMRules.inlinePoliciesPerRoleMax {
            problems.append(Problem(path / "inlinePolicies", "the inline policies are \(inlineSize) characters without whitespace together; a role holds at most \(IAMRules.inlinePoliciesPerRoleMax)"))
        }

        let iam = "arn:\(context.partition.rawValue):iam::\(context.accountOrPlaceholder):"
        return CompiledRole(
            role: role,
            arn: iam + "role\(role.effectivePath)\(role.name)",
            trustPolicy: trust,
            managedPolicyARNs: managedARNs,
            inlinePolicies: inline,
            permissionsBoundaryARN: boundaryARN,
            instanceProfileARN: role.kind.hasInstanceProfile ? iam + "instance-profile\(role.effectivePath)\(role.name)" : nil)
    }

    func checkTags(_ tags: [Tag], at path: FieldPath) -> [Problem] {
        var problems: [Problem] = []
        if tags.count > IAMRules.tagsMax {
            problems.append(Problem(path, "\(tags.count) tags; IAM allows at most \(IAMRules.tagsMax) per role"))
        }
        var seen: Set<String> = []
        for (index, tag) in tags.enumerated() {
            if let message = IAMRules.checkTagKey(tag.key) { problems.append(Problem(path / index / "key", message)) }
            if let message = IAMRules.checkTagValue(tag.value) { problems.append(Problem(path / index / "value", message)) }
            if !seen.insert(tag.key.lowercased()).inserted {
                problems.append(Problem(path / index / "key", "tag key \(JSONWriter.quoted(tag.key)) is given twice; keys are unique, ignoring case"))
            }
        }
        return problems
    }

    /// The document of an inline or customer managed policy; problems go under `path`.
    func compileSource(_ source: PolicySource, at path: FieldPath, context: PlanContext,
                       problems: inout [Problem]) -> PolicyDocument {
        switch source {
        case let .template(name, parameters):
            guard let block = BuildingBlocks.named(name) else {
                problems.append(Problem(path / "template", "no building block named \(JSONWriter.quoted(name))"
                    + Suggest.didYouMean(name, among: BuildingBlocks.all.map(\.name))
                    + "; blocks: " + BuildingBlocks.all.map(\.name).joined(separator: ", ")))
                return PolicyDocument(statements: [])
            }
            let blockProblems = block.problems(parameters, context: context, at: path / "parameters")
            problems += blockProblems
            return blockProblems.isEmpty ? block.document(parameters, context: context) : PolicyDocument(statements: [])
        case let .statements(statements):
            let document = PolicyDocument(statements: statements)
            problems += PolicyGrammar.check(document, use: .identity, paths: .statements(path / "statements"))
            return document
        case let .document(document):
            problems += PolicyGrammar.check(document, use: .identity,
                                            paths: .document(path / "document", statementIsList: document.statementIsList))
            return document
        }
    }
}
