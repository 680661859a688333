/// Turns one service's lines of the catalog file into an `IAMService`: done on first use of
/// that service, after `IAMCatalog.init` has checked the lines' shape and order. One pass:
/// condition keys come first, then resource types, then actions, so each name an action
/// mentions is already a string that the action can share.
enum IAMServiceParser {
    typealias File = IAMCatalogFile
    typealias Bytes = UnsafeBufferPointer<UInt8>

    static func parse(_ storage: CatalogBytes, lines: Range<Int>, prefix: String, name: String) -> IAMService {
        var conditionKeys: [IAMConditionKey] = [], keyNames: [Range<Int>] = []
        var resourceTypes: [IAMResourceType] = [], typeNames: [Range<Int>] = []
        var actions: [IAMAction] = []
        return storage.bytes.withUnsafeBufferPointer { buffer in
            var actionNames: [Range<Int>] = []
            func string(_ range: Range<Int>) -> String { File.string(buffer, range) }
            /// The condition keys' names packed for lookups, made at the first R or A line (the
            /// C lines come first): a lookup there is a memcmp a step, where a search of the
            /// file's lines folds each byte it compares.
            var serviceKeyNames: IAMServiceKeyNames?
            func serviceKeys() -> IAMServiceKeyNames {
                if let serviceKeyNames { return serviceKeyNames }
                let made = IAMServiceKeyNames(packed: IAMPackedNames(buffer, keyNames), names: conditionKeys.map(\.name))
                serviceKeyNames = made
                return made
            }
            /// The service's own string for a key it defines (so that the hundreds of mentions of
            /// `aws:ResourceTag/${TagKey}` share one), a new one for a key it does not.
            func keys(_ field: Range<Int>) -> [String] {
                serviceKeys().strings(in: field, of: buffer)
            }
            var start = lines.lowerBound
            while start < lines.upperBound {
                // The line's end and its tabs (at most five; the init checked the count).
                var end = start, count = 0
                var t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0
                while end < lines.upperBound && buffer[end] != File.newline {
                    if buffer[end] == File.tab {
                        switch count {
                        case 0: t0 = end
                        case 1: t1 = end
                        case 2: t2 = end
                        case 3: t3 = end
                        default: t4 = end
                        }
                        count += 1
                    }
                    end += 1
                }
                defer { start = end + 1 }
                guard end > start else { continue }
                switch buffer[start] {
                case File.condition:
                    conditionKeys.append(IAMConditionKey(name: string((t0 + 1)..<t1), type: string((t1 + 1)..<end)))
                    keyNames.append((t0 + 1)..<t1)
                case File.resource:
                    resourceTypes.append(IAMResourceType(name: string((t0 + 1)..<t1), arnFormat: string((t1 + 1)..<t2),
                                                         conditionKeys: keys((t2 + 1)..<end)))
                    typeNames.append((t0 + 1)..<t1)
                case File.action:
                    var types: [(name: String, required: Bool)] = []
                    File.forEachItem(buffer, (t2 + 1)..<t3) { item in
                        let required = buffer[item.upperBound - 1] == IAMNameMatching.star
                        let name = required ? item.lowerBound..<(item.upperBound - 1) : item
                        let known = IAMNameMatching.binarySearch(Bytes(rebasing: buffer[name]), in: buffer, typeNames,
                                                                 compare: IAMNameMatching.compareExact)
                        types.append((known.map { resourceTypes[$0].name } ?? string(name), required))
                    }
                    actions.append(IAMAction(
                        service: prefix, name: string((t0 + 1)..<t1),
                        // IAMCatalog.init checked the code.
                        accessLevel: AccessLevel(code: buffer[t1 + 1]) ?? .write,
                        resourceTypes: types,
                        lists: IAMActionLists(storage: storage, serviceKeys: serviceKeys(),
                                              conditionKeysField: (t3 + 1)..<t4, dependentActionsField: (t4 + 1)..<end)))
                    actionNames.append((t0 + 1)..<t1)
                default:
                    break
                }
            }
            let index = IAMServiceIndex(actionNames: IAMPackedNames(buffer, actionNames),
                                        conditionKeyNames: serviceKeyNames?.packed ?? IAMPackedNames(buffer, keyNames), conditionKeys: conditionKeys)
            return IAMService(prefix: prefix, name: name, actions: actions, resourceTypes: resourceTypes,
                              conditionKeys: conditionKeys, index: index)
        }
    }
}
