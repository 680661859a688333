/// Checks one policy document against IAM's grammar, the IAM catalog (services, actions,
/// resource types, condition keys) and security practice, the way IAM Access Analyzer's policy
/// validation does, offline.
///
/// Role-level checks (ECS role kinds, the inline size budget) are `RoleLinter`'s.
public struct PolicyLinter: Sendable {
    public let catalog: IAMCatalog
    let cache = LintCache()

    public init(catalog: IAMCatalog = .bundled) {
        self.catalog = catalog
    }

    /// Lints a document read from a file (positions kept) or built in memory.
    /// - Parameters:
    ///   - use: identity (permissions) or trust policy.
    ///   - roleKind: the ECS role the document belongs to, when known: enables the ECS checks.
    ///   - sizeLimit: the size check to apply; nil for none (a role's inline policies are
    ///     budgeted together by `RoleLinter`).
    ///   - policySize: the document's `policySize` when it is known already; nil to measure it here.
    public func lint(_ document: LocatedJSON, use: PolicyUse, roleKind: RoleKind? = nil,
                     sizeLimit: SizeLimit? = nil, policySize: Int? = nil) -> [Finding] {
        let size = sizeLimit == nil ? 0 : policySize ?? document.policySize
        return lint(JSONTree(document), use: use, roleKind: roleKind, sizeLimit: sizeLimit, policySize: size)
    }

    /// Lints a flat document (`JSONTree`); `policySize` is its size, as the parser counted it.
    func lint(_ tree: JSONTree, use: PolicyUse, roleKind: RoleKind?, sizeLimit: SizeLimit?, policySize: Int) -> [Finding] {
        let run = LintRun(catalog: catalog, cache: cache, use: use, roleKind: roleKind)
        guard let view = PolicyView.read(tree, run: run) else { return run.findings }
        var resolved: [[ResolvedAction]] = []
        resolved.reserveCapacity(view.statements.count)
        for statement in view.statements {
            let actions = ActionChecks.check(statement, run: run)
            ResourceChecks.check(statement, actions: actions, run: run)
            ConditionChecks.check(statement, actions: actions, run: run)
            SecurityChecks.check(statement, actions: actions, run: run)
            resolved.append(actions)
        }
        ECSChecks.check(view, actions: resolved, run: run)
        if let sizeLimit { SizeChecks.check(size: policySize, limit: sizeLimit, at: tree.location(JSONTree.root), run: run) }
        return run.findings
    }

    public func lint(_ document: PolicyDocument, use: PolicyUse, roleKind: RoleKind? = nil,
                     sizeLimit: SizeLimit? = nil) -> [Finding] {
        lint(LocatedJSON(document.json), use: use, roleKind: roleKind, sizeLimit: sizeLimit)
    }
}

/// The state of one document's lint: what it is, and the findings so far.
final class LintRun {
    let catalog: IAMCatalog
    let cache: LintCache
    let use: PolicyUse
    let roleKind: RoleKind?
    private(set) var findings: [Finding] = []

    init(catalog: IAMCatalog, cache: LintCache, use: PolicyUse, roleKind: RoleKind?) {
        self.catalog = catalog
        self.cache = cache
        self.use = use
        self.roleKind = roleKind
    }

    func report(_ check: LintCheck, _ message: String, path: FieldPath, location: SourceLocation?,
                statement: PolicyView.Statement? = nil) {
        findings.append(Finding(check, message, path: path, statement: statement?.index, sid: statement?.sid,
                                location: location ?? statement?.location))
    }
}
