/// Every action's full name as bytes, as written and in lower case, in file order: what search,
/// suggestions and prefix-less patterns go through, without parsing any service.
final class IAMActionNames: Sendable {
    let full: [[UInt8]]
    let lowered: [[UInt8]]
    /// Where the action name starts in `full` (after `prefix:`).
    let nameStart: [Int]

    init(_ catalog: IAMCatalog) {
        var full: [[UInt8]] = [], lowered: [[UInt8]] = [], nameStart: [Int] = []
        let count = catalog.actionNames.count
        full.reserveCapacity(count)
        lowered.reserveCapacity(count)
        nameStart.reserveCapacity(count)
        catalog.storage.bytes.withUnsafeBufferPointer { buffer in
            for service in catalog.servicePrefixes.indices {
                let prefix = Array(catalog.servicePrefixes[service].utf8) + [IAMCatalogFile.colon]
                for position in catalog.firstAction[service]..<catalog.firstAction[service + 1] {
                    let name = prefix + UnsafeBufferPointer(rebasing: buffer[catalog.actionNames[position]])
                    full.append(name)
                    lowered.append(name.map(IAMNameMatching.folded))
                    nameStart.append(prefix.count)
                }
            }
        }
        self.full = full
        self.lowered = lowered
        self.nameStart = nameStart
    }

    func fullName(_ position: Int) -> String { String(decoding: full[position], as: UTF8.self) }

    /// Every action name (without prefix) once, for suggestions.
    var uniqueActionNames: [String] {
        var seen = Set<String>()
        return full.indices.compactMap { position in
            let name = String(decoding: full[position][nameStart[position]...], as: UTF8.self)
            return seen.insert(name).inserted ? name : nil
        }
    }

    /// Whether the action name (after `prefix:`) is `name`, ignoring case (`name` in lower case).
    func actionName(_ position: Int, is name: [UInt8]) -> Bool {
        let lowered = lowered[position], start = nameStart[position]
        return lowered.count - start == name.count && lowered[start...].elementsEqual(name)
    }
}
