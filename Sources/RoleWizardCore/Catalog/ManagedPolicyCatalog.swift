import Foundation

/// One AWS managed policy: its name, its real path and its default version's document.
public struct ManagedPolicy: Sendable {
    public let name: String
    /// `/`, `/service-role/`, `/aws-service-role/`, `/job-function/`, …
    public let path: String
    public let defaultVersionId: String
    /// The document as compact JSON, parsed on demand (`ManagedPolicyCatalog.document(of:)`).
    public let documentText: String

    public func arn(partition: Partition = .aws) -> String {
        "arn:\(partition.rawValue):iam::aws:policy\(path)\(name)"
    }

    /// `service-role/AmazonECSTaskExecutionRolePolicy`: how specs and the wizard name it.
    public var pathAndName: String { String(path.dropFirst()) + name }

    /// A short, hand-written summary for ECS-relevant policies; nil for the others.
    public var ecsSummary: String? { ECSPolicySummaries.byName[name] }
    public var isECSRelevant: Bool { ecsSummary != nil }
}

/// What a managed-policy reference in a plan turned out to be.
public enum ManagedPolicyReference: Equatable, Sendable {
    case aws(name: String, arn: String)
    case customer(arn: String)

    public var arn: String {
        switch self {
        case let .aws(_, arn), let .customer(arn): return arn
        }
    }
}

/// Every AWS managed policy, built by `scripts/build-managed-policy-catalog.py` from the moto
/// package (which carries them all with their paths and documents).
public final class ManagedPolicyCatalog: Sendable {
    public let policies: [ManagedPolicy]
    /// Where the catalog came from, e.g. "moto 5.2.5, moto.iam.aws_managed_policies...".
    public let source: String
    private let indexByLowercasedName: [String: Int]
    /// Each name as bytes and in lower case, for `search`.
    private let nameBytes: [(bytes: [UInt8], lowered: [UInt8])]

    /// Reads the catalog's tab-separated text (see the build script for the format).
    public init(text: String) throws {
        var policies: [ManagedPolicy] = []
        var source = "unknown"
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            lineNumber += 1
            if line.hasPrefix("#") {
                if line.hasPrefix("# source: ") { source = String(line.dropFirst("# source: ".count)) }
                continue
            }
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4 else {
                throw CatalogError("managed policy catalog line \(lineNumber) has \(fields.count) fields, expected 4")
            }
            policies.append(ManagedPolicy(name: String(fields[0]), path: String(fields[1]),
                                          defaultVersionId: String(fields[2]), documentText: String(fields[3])))
        }
        self.policies = policies
        self.source = source
        var index: [String: Int] = [:]
        for (position, policy) in policies.enumerated() { index[policy.name.lowercased()] = position }
        self.indexByLowercasedName = index
        self.nameBytes = policies.map { (Array($0.name.utf8), Suggest.lowercasedBytes($0.name)) }
    }

    /// The catalog shipped with the tool. Loaded on first use, not at start-up.
    public static let bundled: ManagedPolicyCatalog = {
        guard let url = Bundle.module.url(forResource: "managed-policies", withExtension: "tsv"),
              let data = try? Data(contentsOf: url),
              let catalog = try? ManagedPolicyCatalog(text: String(decoding: data, as: UTF8.self)) else {
            fatalError("the managed policy catalog is missing from the ecs-role-wizard resources; rebuild the package")
        }
        return catalog
    }()

    /// Exact name, case-insensitive.
    public func named(_ name: String) -> ManagedPolicy? {
        indexByLowercasedName[name.lowercased()].map { policies[$0] }
    }

    public func document(of policy: ManagedPolicy) -> PolicyDocument? {
        try? PolicyReader.parse(text: policy.documentText).get()
    }

    /// Resolves a name (`AmazonECSTaskExecutionRolePolicy`), a path and name
    /// (`service-role/AmazonECSTaskExecutionRolePolicy`) or an ARN to a full ARN with the real path.
    public func resolve(_ reference: String, partition: Partition) -> Result<ManagedPolicyReference, ARNError> {
        if reference.hasPrefix("arn:") { return resolveARN(reference, partition: partition) }
        let (path, name) = Self.splitPath(reference)
        guard let policy = named(name), policy.name == name else {
            return .failure(unknown(name))
        }
        if let path, path != policy.path {
            return .failure(ARNError("AWS managed policy \(policy.name) is at path \(policy.path), not \(path): use \(JSONWriter.quoted(policy.pathAndName))"))
        }
        return .success(.aws(name: policy.name, arn: policy.arn(partition: partition)))
    }

    private func resolveARN(_ text: String, partition: Partition) -> Result<ManagedPolicyReference, ARNError> {
        let arn: ARN
        switch ARN.parse(text) {
        case let .failure(error): return .failure(error)
        case let .success(parsed): arn = parsed
        }
        guard arn.service == "iam", arn.region.isEmpty, arn.resource.hasPrefix("policy/") else {
            return .failure(ARNError("\(JSONWriter.quoted(text)) is not a managed policy ARN (arn:\(partition.rawValue):iam::ACCOUNT:policy/NAME)"))
        }
        if arn.partition != partition.rawValue {
            return .failure(ARNError("\(JSONWriter.quoted(text)) is in partition \(arn.partition) but the plan is in \(partition.rawValue)"))
        }
        guard arn.account == "aws" else {
            if arn.account.isEmpty {
                return .failure(ARNError("\(JSONWriter.quoted(text)) has no account; customer managed policy ARNs need the 12-digit account"))
            }
            return .success(.customer(arn: text))
        }
        let (path, name) = Self.splitPath(String(arn.resource.dropFirst("policy".count)))
        guard let policy = named(name), policy.name == name else { return .failure(unknown(name)) }
        if (path ?? "/") != policy.path {
            return .failure(ARNError("no AWS managed policy at \(text); \(policy.name) lives at path \(policy.path): use \(policy.arn(partition: partition))"))
        }
        return .success(.aws(name: policy.name, arn: policy.arn(partition: partition)))
    }

    private func unknown(_ name: String) -> ARNError {
        if let policy = named(name) {
            return ARNError("no AWS managed policy \(JSONWriter.quoted(name)); names are case-sensitive: \(JSONWriter.quoted(policy.name))")
        }
        let near = Suggest.closest(name, among: policies.map(\.name))
        let hint = near.isEmpty ? "; search with `ecs-role-wizard policies TEXT`"
            : "; did you mean " + near.map { JSONWriter.quoted($0) }.joined(separator: " or ") + "?"
        return ARNError("no AWS managed policy named \(JSONWriter.quoted(name))" + hint)
    }

    /// `service-role/Name` → ("/service-role/", "Name"); `Name` → (nil, "Name").
    static func splitPath(_ text: String) -> (path: String?, name: String) {
        guard let slash = text.lastIndex(of: "/") else { return (nil, text) }
        var path = String(text[...slash])
        if !path.hasPrefix("/") { path = "/" + path }
        return (path, String(text[text.index(after: slash)...]))
    }

    /// Policies matching `query`: substring matches first, then fuzzy ones; ECS-relevant
    /// policies rank above others of the same quality. An empty query lists ECS-relevant ones
    /// first, then the rest by name.
    public func search(_ query: String, limit: Int = .max) -> [ManagedPolicy] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            let ecs = policies.filter(\.isECSRelevant)
            return Array((ecs + policies.filter { !$0.isECSRelevant }).prefix(limit))
        }
        var scored: [(policy: ManagedPolicy, score: Int)] = []
        scored.reserveCapacity(64)
        let query = Suggest.lowercasedBytes(trimmed)
        for (position, policy) in policies.enumerated() {
            let name = nameBytes[position]
            guard var score = Suggest.fuzzyScore(lowered: query, in: name.bytes, lowered: name.lowered) else { continue }
            if policy.isECSRelevant { score += 200 }
            scored.append((policy, score))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.policy.name < $1.policy.name }
        return scored.prefix(limit).map(\.policy)
    }
}

public struct CatalogError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
