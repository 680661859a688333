import Foundation
import Synchronization

/// The catalog file's bytes, shared by every policy so that documents are decoded only when
/// someone looks at them.
final class CatalogBytes: Sendable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// One AWS managed policy: its name, its real path and its default version's document.
public struct ManagedPolicy: Sendable {
    public let name: String
    /// `/`, `/service-role/`, `/aws-service-role/`, `/job-function/`, …
    public let path: String
    public let defaultVersionId: String
    let storage: CatalogBytes
    let documentRange: Range<Int>

    /// The document as compact JSON (parse it with `ManagedPolicyCatalog.document(of:)`).
    public var documentText: String { String(decoding: storage.bytes[documentRange], as: UTF8.self) }
    /// The document's size in bytes, without decoding it.
    public var documentSize: Int { documentRange.count }

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
    private let ecsRelevant: [Bool]
    private let parsed = Mutex<[String: PolicyDocument]>([:])
    /// Each name as bytes and in lower case, for `search`.
    private let nameBytes: [(bytes: [UInt8], lowered: [UInt8])]

    /// Reads the catalog's tab-separated text (see the build script for the format).
    public convenience init(text: String) throws {
        try self.init(bytes: Array(text.utf8))
    }

    /// Reads the catalog from its bytes: one scan for tabs and newlines; only names, paths and
    /// version ids become strings now.
    public init(bytes: [UInt8]) throws {
        let storage = CatalogBytes(bytes)
        var policies: [ManagedPolicy] = []
        policies.reserveCapacity(1600)
        var source = "unknown"
        var lineNumber = 0, start = 0
        let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t"), hash = UInt8(ascii: "#")
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != newline { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            if end == start { continue }
            if bytes[start] == hash {
                let line = String(decoding: bytes[start..<end], as: UTF8.self)
                if line.hasPrefix("# source: ") { source = String(line.dropFirst("# source: ".count)) }
                continue
            }
            var tabs: [Int] = []
            var index = start
            while index < end && tabs.count < 3 {
                if bytes[index] == tab { tabs.append(index) }
                index += 1
            }
            guard tabs.count == 3 else {
                throw CatalogError("managed policy catalog line \(lineNumber) has \(tabs.count + 1) fields, expected 4")
            }
            policies.append(ManagedPolicy(
                name: String(decoding: bytes[start..<tabs[0]], as: UTF8.self),
                path: String(decoding: bytes[(tabs[0] + 1)..<tabs[1]], as: UTF8.self),
                defaultVersionId: String(decoding: bytes[(tabs[1] + 1)..<tabs[2]], as: UTF8.self),
                storage: storage, documentRange: (tabs[2] + 1)..<end))
        }
        self.policies = policies
        self.source = source
        var index: [String: Int] = [:]
        for (position, policy) in policies.enumerated() { index[policy.name.lowercased()] = position }
        self.indexByLowercasedName = index
        self.ecsRelevant = policies.map(\.isECSRelevant)
        self.nameBytes = policies.map { (Array($0.name.utf8), Suggest.lowercasedBytes($0.name)) }
    }

    /// The catalog shipped with the tool. Loaded on first use, not at start-up.
    public static let bundled: ManagedPolicyCatalog = {
        guard let bytes = BundledResource.bytes(named: "managed-policies", extension: "tsv"),
              let catalog = try? ManagedPolicyCatalog(bytes: bytes) else {
            fatalError("the managed policy catalog is missing from the ecs-role-wizard resources; rebuild the package")
        }
        return catalog
    }()

    /// Exact name, case-insensitive.
    public func named(_ name: String) -> ManagedPolicy? {
        indexByLowercasedName[name.lowercased()].map { policies[$0] }
    }

    /// The policy's document, parsed once and then kept (the wizard's detail pane shows the
    /// same few documents again and again while a filter is typed).
    public func document(of policy: ManagedPolicy) -> PolicyDocument? {
        if let kept = parsed.withLock({ $0[policy.name] }) { return kept }
        guard let document = try? PolicyReader.parse(text: policy.documentText).get() else { return nil }
        parsed.withLock { $0[policy.name] = document }
        return document
    }

    /// The policy's document laid out as `PolicyDocument.prettyText` would, without parsing it:
    /// cheap enough to run on every key of the wizard's filter.
    public func prettyDocumentText(of policy: ManagedPolicy) -> String? {
        JSONWriter.reindent(policy.storage.bytes[policy.documentRange])
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
        // Scores and positions only: sorting small values is much cheaper than sorting policies.
        // Positions follow the file's name order, so they break ties alphabetically.
        var scored: [(score: Int, position: Int)] = []
        scored.reserveCapacity(policies.count)
        let query = Suggest.lowercasedBytes(trimmed)
        for position in policies.indices {
            let name = nameBytes[position]
            guard var score = Suggest.fuzzyScore(lowered: query, in: name.bytes, lowered: name.lowered) else { continue }
            if ecsRelevant[position] { score += 200 }
            scored.append((score, position))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
        return scored.prefix(limit).map { policies[$0.position] }
    }
}

public struct CatalogError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
