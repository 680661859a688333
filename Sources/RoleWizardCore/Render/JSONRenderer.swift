/// One file per document and a manifest tying them to roles, ARNs and attachments.
///
///     manifest.json
///     roles/ROLE/trust-policy.json
///     roles/ROLE/inline/POLICY.json
///     policies/POLICY.json            (customer managed policies the plan creates)
public enum JSONRenderer {
    public static func trustPolicyPath(_ role: CompiledRole) -> String { "roles/\(role.name)/trust-policy.json" }
    public static func inlinePolicyPath(_ role: CompiledRole, _ policy: CompiledInlinePolicy) -> String {
        "roles/\(role.name)/inline/\(policy.name).json"
    }
    public static func customerPolicyPath(_ policy: CompiledCustomerManagedPolicy) -> String { "policies/\(policy.policy.name).json" }

    public static func render(_ compiled: CompiledPlan) -> OutputBundle {
        var bundle = OutputBundle()
        bundle.add("manifest.json", JSONWriter.pretty(manifest(compiled)))
        for role in compiled.roles {
            bundle.add(trustPolicyPath(role), role.trustPolicy.prettyText)
            for policy in role.inlinePolicies {
                bundle.add(inlinePolicyPath(role, policy), policy.document.prettyText)
            }
        }
        for policy in compiled.customerManagedPolicies {
            bundle.add(customerPolicyPath(policy), policy.document.prettyText)
        }
        return bundle
    }

    static func manifest(_ compiled: CompiledPlan) -> JSONValue {
        let context = compiled.context
        var members: [(key: String, value: JSONValue)] = [
            ("generator", .string("ecs-role-wizard")),
            ("partition", .string(context.partition.rawValue)),
            ("account", context.account.map(JSONValue.string) ?? .null),
            ("region", context.region.map(JSONValue.string) ?? .null),
        ]
        var placeholders: [(key: String, value: JSONValue)] = []
        if compiled.needsAccount && context.account == nil {
            placeholders.append((Placeholder.account, .string("the account of the credentials apply.sh runs with")))
        }
        if compiled.needsRegion {
            placeholders.append((Placeholder.region, .string("the region apply.sh runs in (AWS_REGION, AWS_DEFAULT_REGION or the profile's)")))
        }
        if !placeholders.isEmpty { members.append(("placeholders", .object(placeholders))) }
        members.append(("roles", .array(compiled.roles.map(role))))
        members.append(("customerManagedPolicies", .array(compiled.customerManagedPolicies.map { policy in
            .object([
                ("name", .string(policy.policy.name)),
                ("arn", .string(policy.arn)),
                ("path", .string(policy.policy.effectivePath)),
                ("description", policy.policy.description.map(JSONValue.string) ?? .null),
                ("document", .string(customerPolicyPath(policy))),
                ("attachedTo", .array(policy.policy.attachTo.map(JSONValue.string))),
            ])
        })))
        return .object(members)
    }

    static func role(_ role: CompiledRole) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(role.name)),
            ("kind", .string(role.role.kind.rawValue)),
            ("arn", .string(role.arn)),
            ("path", .string(role.role.effectivePath)),
            ("description", role.role.description.map(JSONValue.string) ?? .null),
            ("maxSessionDuration", .number(String(role.role.effectiveMaxSessionDuration))),
            ("permissionsBoundary", role.permissionsBoundaryARN.map(JSONValue.string) ?? .null),
            ("tags", .array(role.role.tags.map { .object([("Key", .string($0.key)), ("Value", .string($0.value))]) })),
            ("trustPolicy", .string(trustPolicyPath(role))),
            ("managedPolicies", .array(role.managedPolicyARNs.map(JSONValue.string))),
            ("inlinePolicies", .array(role.inlinePolicies.map { policy in
                .object([("name", .string(policy.name)), ("document", .string(inlinePolicyPath(role, policy)))])
            })),
        ]
        if let profile = role.instanceProfileARN {
            members.append(("instanceProfile", .object([("name", .string(role.name)), ("arn", .string(profile))])))
        }
        return .object(members)
    }
}
