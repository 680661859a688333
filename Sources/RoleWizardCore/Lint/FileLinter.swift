import Synchronization
import Yams

/// Findings of one lint run over files, ready for a renderer.
public struct LintReport: Sendable {
    public struct Entry: Sendable, Equatable {
        public var file: String
        public var location: SourceLocation?
        public var finding: Finding
        /// Which generated document it is in, for a spec: "role orders-task, inline policy app".
        public var context: String?
    }

    public var files: [String] = []
    public var entries: [Entry] = []

    public init() {}

    /// Whether some finding is at least as severe as `threshold`.
    public func reaches(_ threshold: Severity) -> Bool {
        entries.contains { $0.finding.severity >= threshold }
    }

    public func count(_ severity: Severity) -> Int {
        // By position: a closure given each entry would be given a copy of it.
        entries.indices.reduce(0) { $0 + (entries[$1].finding.check.severity == severity ? 1 : 0) }
    }
}

/// What a file holds, as `lint` reads it.
public enum LintInputKind: String, Sendable, CaseIterable {
    /// Decide from the content: a spec has `roles`; a policy whose statements name a Principal
    /// is a trust policy.
    case auto
    case identity
    case trust
    case spec
}

/// Lints one file's text: a policy document (JSON or YAML) or a spec file.
public struct FileLinter: Sendable {
    public let linter: PolicyLinter
    /// Made on first use: it loads the managed policy catalog, which only specs need.
    public var planLinter: PlanLinter { planLinterBox.value }
    private let planLinterBox: OnFirstUse<PlanLinter>

    public init(linter: PolicyLinter = PolicyLinter(), planLinter: PlanLinter? = nil) {
        self.linter = linter
        self.planLinterBox = OnFirstUse { planLinter ?? PlanLinter(linter: linter) }
    }

    public func lint(bytes: [UInt8], file: String, as kind: LintInputKind = .auto, roleKind: RoleKind? = nil) -> [LintReport.Entry] {
        func entries(_ findings: [Finding]) -> [LintReport.Entry] {
            findings.map { LintReport.Entry(file: file, location: $0.location, finding: $0, context: nil) }
        }
        let tree: JSONTree, policySize: Int
        do {
            (tree, policySize) = try JSONTree.parse(bytes)
        } catch {
            // Not JSON: YAML (a spec, or a policy written in YAML), or broken JSON.
            let text = String(decoding: bytes, as: UTF8.self)
            let looksLikeJSON = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }).map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } ?? false
            if looksLikeJSON && kind != .spec {
                return entries([Finding(.syntaxError, "not valid JSON: \(error.message)", path: .root, location: error.location)])
            }
            let node: Node
            do {
                guard let composed = try Yams.compose(yaml: text) else {
                    return entries([Finding(.syntaxError, "the file is empty", path: .root, location: nil)])
                }
                node = composed
            } catch {
                let (location, message) = YAMLSyntax.describe(error, text: text)
                return entries([Finding(.syntaxError, "not valid JSON or YAML: \(message)", path: .root, location: location)])
            }
            if kind == .spec || (kind == .auto && node.mapping?["roles"] != nil) {
                return lintSpec(text: text, file: file)
            }
            let document = LocatedJSON(yaml: node)
            return entries(lintPolicy(JSONTree(document), kind: kind, roleKind: roleKind, policySize: document.policySize))
        }
        if kind == .spec || (kind == .auto && tree.kind(JSONTree.root) == .object && tree.member(JSONTree.root, "roles") != nil) {
            return lintSpec(text: String(decoding: bytes, as: UTF8.self), file: file)
        }
        return entries(lintPolicy(tree, kind: kind, roleKind: roleKind, policySize: policySize))
    }

    func lintPolicy(_ tree: JSONTree, kind: LintInputKind, roleKind: RoleKind?, policySize: Int) -> [Finding] {
        let use = use(of: tree, kind: kind)
        return linter.lint(tree, use: use, roleKind: roleKind, sizeLimit: sizeLimit(of: use), policySize: policySize)
    }

    /// A policy with a Principal in some statement is a trust policy (IAM's own test for a
    /// resource-based policy; of those, a role's trust policy is the one this tool writes).
    func use(of tree: JSONTree, kind: LintInputKind) -> PolicyUse {
        switch kind {
        case .identity: return .identity
        case .trust: return .trust
        case .auto, .spec:
            guard let statement = tree.member(JSONTree.root, "Statement") else { return .identity }
            func namesPrincipal(_ node: Int) -> Bool {
                tree.member(node, "Principal") != nil || tree.member(node, "NotPrincipal") != nil
            }
            switch tree.kind(statement) {
            case .array: return tree.items(statement).contains(where: namesPrincipal) ? .trust : .identity
            case .object: return namesPrincipal(statement) ? .trust : .identity
            default: return .identity
            }
        }
    }

    /// A file on its own is measured against the limit of what it most likely is: a trust
    /// policy's, or a managed policy's (the strictest a permissions policy can meet alone).
    func sizeLimit(of use: PolicyUse) -> SizeLimit {
        use == .trust ? .trust : .managed
    }

    func lintSpec(text: String, file: String) -> [LintReport.Entry] {
        var entries: [LintReport.Entry] = []
        let loaded = SpecLoader.load(text: text, file: file, compiler: planLinter.compiler)
        for diagnostic in loaded.diagnostics {
            let finding = Finding(.invalidSpec, "\(diagnostic.field): \(diagnostic.message)", path: diagnostic.field, location: diagnostic.location)
            entries.append(LintReport.Entry(file: file, location: diagnostic.location, finding: finding, context: nil))
        }
        guard let compiled = loaded.compiled else { return entries }
        for planFinding in planLinter.lint(compiled) {
            // In a spec, a finding is placed at the field that causes it.
            var finding = planFinding.finding
            finding.path = planFinding.field
            finding.location = loaded.reading.location(of: planFinding.field)
            entries.append(LintReport.Entry(file: file, location: finding.location, finding: finding,
                                            context: planFinding.document.title(in: compiled)))
        }
        return entries
    }
}

extension PlanDocument {
    /// "role orders-task, trust policy", "customer managed policy shared-read".
    public func title(in compiled: CompiledPlan) -> String {
        func role(_ index: Int) -> String { compiled.roles.indices.contains(index) ? "role \(compiled.roles[index].name)" : "role \(index)" }
        switch self {
        case let .trust(index): return role(index) + ", trust policy"
        case let .inline(index, policy):
            let name = compiled.roles.indices.contains(index) && compiled.roles[index].inlinePolicies.indices.contains(policy)
                ? compiled.roles[index].inlinePolicies[policy].name : "\(policy)"
            return role(index) + ", inline policy \(name)"
        case let .customerManaged(index):
            return "customer managed policy " + (compiled.customerManagedPolicies.indices.contains(index) ? compiled.customerManagedPolicies[index].policy.name : "\(index)")
        case let .role(index): return role(index)
        }
    }
}

/// A value made the first time someone asks for it.
final class OnFirstUse<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let made = Mutex<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        made.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
