/// Which document of a plan a finding is about.
public enum PlanDocument: Hashable, Sendable {
    case trust(role: Int)
    case inline(role: Int, policy: Int)
    case customerManaged(Int)
    /// About the role as a whole (its policies together).
    case role(Int)

    public var roleIndex: Int? {
        switch self {
        case let .trust(role), let .inline(role, _), let .role(role): return role
        case .customerManaged: return nil
        }
    }
}

/// A finding in a plan: the document it is in and the plan (spec) field it comes from.
public struct PlanFinding: Sendable, Equatable {
    public var document: PlanDocument
    public var finding: Finding
    /// Where in the plan the cause is written: `roles[0].inlinePolicies[1].statements[0].Action`
    /// for a custom statement, the inline policy itself for a building block's.
    public var field: FieldPath
}

/// Lints everything a plan generates: every trust policy, inline policy and customer managed
/// policy, and each role as a whole (ECS kind, the inline size budget).
public struct PlanLinter: Sendable {
    public let linter: PolicyLinter
    public let managedPolicies: ManagedPolicyCatalog

    public init(linter: PolicyLinter = PolicyLinter(), managedPolicies: ManagedPolicyCatalog = .bundled) {
        self.linter = linter
        self.managedPolicies = managedPolicies
    }

    /// A compiler over the same managed policy catalog, for specs.
    public var compiler: PlanCompiler { PlanCompiler(catalog: managedPolicies) }

    /// The ECR and CloudWatch Logs actions an execution role needs to start a task that pulls
    /// from a private ECR repository and logs with the awslogs driver.
    public static let executionRoleActions = [
        "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage",
        "logs:CreateLogStream", "logs:PutLogEvents",
    ]

    public func lint(_ compiled: CompiledPlan) -> [PlanFinding] {
        var findings: [PlanFinding] = []
        let plan = compiled.plan
        for (index, policy) in compiled.customerManagedPolicies.enumerated() {
            let base = FieldPath.root / "customerManagedPolicies" / index
            findings += linter.lint(policy.document, use: .identity, sizeLimit: .managed).map { finding in
                PlanFinding(document: .customerManaged(index), finding: finding, field: Self.field(finding, source: policy.policy.source, base: base))
            }
        }
        // The compiler makes one role per plan role and one inline policy per plan inline
        // policy, in order, so positions match (names may repeat in a plan that has problems).
        for (roleIndex, role) in compiled.roles.enumerated() where plan.roles.indices.contains(roleIndex) {
            let rolePath = FieldPath.root / "roles" / roleIndex
            let trustBase = rolePath / "trust"
            findings += linter.lint(role.trustPolicy, use: .trust, roleKind: role.role.kind, sizeLimit: .trust).map { finding in
                PlanFinding(document: .trust(role: roleIndex), finding: finding, field: Self.trustField(finding, role: role, base: trustBase))
            }
            for (policyIndex, policy) in role.inlinePolicies.enumerated() {
                let base = rolePath / "inlinePolicies" / policyIndex
                let source = role.role.inlinePolicies.indices.contains(policyIndex) ? role.role.inlinePolicies[policyIndex].source : nil
                findings += linter.lint(policy.document, use: .identity, roleKind: role.role.kind).map { finding in
                    PlanFinding(document: .inline(role: roleIndex, policy: policyIndex), finding: finding,
                                field: source.map { Self.field(finding, source: $0, base: base) } ?? base)
                }
            }
            findings += roleFindings(role, index: roleIndex, at: rolePath, compiled: compiled)
        }
        return findings
    }

    func roleFindings(_ role: CompiledRole, index: Int, at path: FieldPath, compiled: CompiledPlan) -> [PlanFinding] {
        var findings: [PlanFinding] = []
        func add(_ check: LintCheck, _ message: String, field: FieldPath) {
            findings.append(PlanFinding(document: .role(index), finding: Finding(check, message, path: .root), field: field))
        }
        let size = role.inlinePoliciesSize
        if size > SizeLimit.inline.characters {
            add(.inlinePoliciesTooLarge, "the role's inline policies hold \(DocumentSize.grouped(size)) characters together (whitespace not counted), over IAM's limit of 10,240; move some into a customer managed policy",
                field: path / "inlinePolicies")
        }
        if role.role.kind == .execution {
            let missing = Self.executionRoleActions.filter { !allows(role, $0, compiled: compiled) }
            if !missing.isEmpty {
                add(.executionRoleIncomplete, "the execution role does not allow \(missing.joined(separator: ", ")): ECS cannot pull a private ECR image or send the awslogs driver's logs without them; attach service-role/AmazonECSTaskExecutionRolePolicy or allow them",
                    field: path / "managedPolicies")
            }
        }
        return findings
    }

    /// Whether some Allow statement of the role's policies (inline, attached AWS managed, this
    /// plan's customer managed) names the action, directly or by a wildcard.
    func allows(_ role: CompiledRole, _ action: String, compiled: CompiledPlan) -> Bool {
        var documents = role.inlinePolicies.map(\.document)
        for arn in role.managedPolicyARNs {
            if let own = compiled.customerManagedPolicies.first(where: { $0.arn == arn }) {
                documents.append(own.document)
            } else if arn.contains(":iam::aws:policy/"), let name = arn.split(separator: "/").last,
                      let policy = managedPolicies.named(String(name)), let document = managedPolicies.document(of: policy) {
                documents.append(document)
            }
        }
        let wanted = Glob.lowered(action)
        return documents.contains { document in
            document.statements.contains { statement in
                statement.effect == .allow && (statement.action?.values ?? []).contains { Glob.matches(Glob.lowered($0), wanted) }
            }
        }
    }

    /// The plan field a finding's cause is written in: inside a custom document or statement
    /// list, the element itself; for a building block, the inline policy.
    static func field(_ finding: Finding, source: PolicySource, base: FieldPath) -> FieldPath {
        switch source {
        case .template: return base
        case .document: return append(finding.path, to: base / "document")
        case .statements:
            guard case .key("Statement")? = finding.path.components.first else { return base / "statements" }
            return FieldPath((base / "statements").components + finding.path.components.dropFirst())
        }
    }

    /// The plan field behind a trust policy finding. In a custom document, the element itself.
    /// In a generated one, the setting that changes it: the confused-deputy checkbox for the
    /// ECS tasks principal, the service for another service principal, the trusted accounts for
    /// an account principal, and the trust as a whole for the rest.
    static func trustField(_ finding: Finding, role: CompiledRole, base: FieldPath) -> FieldPath {
        let trust = role.role.trust
        if trust.document != nil { return append(finding.path, to: base / "document") }
        let statements = role.trustPolicy.statements
        guard let index = finding.statement, statements.indices.contains(index),
              case let .map(entries)? = statements[index].principal else { return base }
        switch finding.check {
        case .missingConfusedDeputyCondition:
            let named = entries.filter { $0.type == .service }.flatMap(\.values.values)
            if named.contains(RoleKind.task.trustedService) { return base / "confusedDeputyProtection" }
            let services = trust.services ?? [role.role.kind.trustedService]
            return named.first.flatMap { services.firstIndex(of: $0) }.map { base / "services" / $0 } ?? base / "services"
        case .trustAllowsWholeAccount, .trustAllowsEveryone:
            return entries.contains { $0.type == .aws } ? base / "accounts" : base
        default:
            return base
        }
    }

    static func append(_ path: FieldPath, to base: FieldPath) -> FieldPath {
        FieldPath(base.components + path.components)
    }
}
