/// A plan turned into the concrete things IAM will hold: every document, every ARN.
/// Renderers, the review screen and the tests all read this, never the plan directly.
public struct CompiledPlan: Sendable {
    public var plan: Plan
    public var context: PlanContext
    public var roles: [CompiledRole]
    public var customerManagedPolicies: [CompiledCustomerManagedPolicy]
    /// Everything wrong with the plan. Output is written only when this is empty.
    public var problems: [Problem]

    public var isValid: Bool { problems.isEmpty }

    /// True when ARNs hold `{{AccountId}}`: every role's ARN does when the plan has no account.
    public var needsAccount: Bool { context.account == nil }
    /// True when some document or ARN still holds `{{Region}}`.
    public var needsRegion: Bool { mentions(Placeholder.region) }

    private func mentions(_ placeholder: String) -> Bool {
        roles.contains { role in
            role.trustPolicy.compactText.contains(placeholder)
                || role.inlinePolicies.contains { $0.document.compactText.contains(placeholder) }
                || role.managedPolicyARNs.contains { $0.contains(placeholder) }
                || (role.permissionsBoundaryARN?.contains(placeholder) ?? false)
        } || customerManagedPolicies.contains { $0.document.compactText.contains(placeholder) }
    }
}

public struct CompiledRole: Sendable {
    public var role: Role
    public var arn: String
    public var trustPolicy: PolicyDocument
    /// AWS managed and customer managed policy ARNs, in the order they are attached.
    public var managedPolicyARNs: [String]
    public var inlinePolicies: [CompiledInlinePolicy]
    public var permissionsBoundaryARN: String?
    /// Instance roles get an instance profile of the same name and path.
    public var instanceProfileARN: String?

    public var name: String { role.name }

    /// Characters without whitespace, against IAM's quotas.
    public var trustPolicySize: Int { PolicyGrammar.size(trustPolicy) }
    public var inlinePoliciesSize: Int { inlinePolicies.reduce(0) { $0 + PolicyGrammar.size($1.document) } }
}

public struct CompiledInlinePolicy: Sendable {
    public var name: String
    public var document: PolicyDocument
}

public struct CompiledCustomerManagedPolicy: Sendable {
    public var policy: CustomerManagedPolicy
    public var arn: String
    public var document: PolicyDocument
    public var size: Int { PolicyGrammar.size(document) }
}
