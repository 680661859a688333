/// Turns one service's lines of the catalog file into an `IAMService`: done on first use of
/// that service, after `IAMCatalog.init` has checked the lines' shape and order. Condition keys
/// come first, then resource types, so each name an action mentions is already a string that
/// the action can share.
///
/// The A lines are read from where the catalog's load found their names: their first fields
/// are known from there (the name, then a one-letter access level), so only the resource types'
/// end and the line's end are searched for, and the last two fields are split when someone asks
/// for them (`IAMActionLists`). A service's A lines are most of its lines.
enum IAMServiceParser {
    typealias File = IAMCatalogFile
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// `actionNames` are the service's A lines' names.
    static func parse(_ storage: CatalogBytes, lines serviceLines: IAMServiceLines, prefix: String, name: String,
                      actionNames: ArraySlice<Range<Int>>) -> IAMService {
        let lines = serviceLines.bytes
        var conditionKeys: [IAMConditionKey] = [], keyNames: [Range<Int>] = []
        var resourceTypes: [IAMResourceType] = [], typeNames: [Range<Int>] = []
        var actions: [IAMAction] = []
        return storage.bytes.withUnsafeBufferPointer { buffer in
            conditionKeys.reserveCapacity(serviceLines.conditionKeys)
            keyNames.reserveCapacity(serviceLines.conditionKeys)
            resourceTypes.reserveCapacity(serviceLines.resourceTypes)
            typeNames.reserveCapacity(serviceLines.resourceTypes)
            actions.reserveCapacity(actionNames.count)
            func string(_ range: Range<Int>) -> String { File.string(buffer, range) }
            /// The condition keys' names packed for lookups, made at the first R or A line (the
            /// C lines come first): a lookup there is a memcmp a step, where a search of the
            /// file's lines folds each byte it compares.
            var serviceKeyNames: IAMServiceKeyNames?
            func serviceKeys() -> IAMServiceKeyNames {
                if let serviceKeyNames { return serviceKeyNames }
                let made = IAMServiceKeyNames(storage: storage, packed: IAMPackedNames(buffer, keyNames), names: conditionKeys.map(\.name))
                serviceKeyNames = made
                return made
            }

            // The C and R lines: those before the first A line (whose name starts after `A<TAB>`).
            let keysAndTypes = lines.lowerBound..<(actionNames.first.map { $0.lowerBound - 2 } ?? lines.upperBound)
            var start = keysAndTypes.lowerBound
            while start < keysAndTypes.upperBound {
                // The line's end and its tabs (at most three; the init checked the count).
                let end = File.firstIndex(of: File.newline, in: buffer, start..<keysAndTypes.upperBound)
                func tab(after position: Int) -> Int {
                    position < end ? File.firstIndex(of: File.tab, in: buffer, (position + 1)..<end) : end
                }
                let t0 = tab(after: start - 1), t1 = tab(after: t0), t2 = tab(after: t1)
                defer { start = end + 1 }
                guard end > start else { continue }
                switch buffer[start] {
                case File.condition:
                    conditionKeys.append(IAMConditionKey(name: string((t0 + 1)..<t1), type: string((t1 + 1)..<end)))
                    keyNames.append((t0 + 1)..<t1)
                case File.resource:
                    resourceTypes.append(IAMResourceType(name: string((t0 + 1)..<t1), arnFormat: string((t1 + 1)..<t2),
                                                         serviceKeys: serviceKeys(), conditionKeysField: (t2 + 1)..<end))
                    typeNames.append((t0 + 1)..<t1)
                default:
                    break
                }
            }

            /// An item of an A line's resource types: the position of the type among the R lines
            /// (nil for a type the service does not define), and whether the action requires it.
            func resourceType(_ item: Range<Int>) -> (position: Int?, required: Bool) {
                let required = buffer[item.upperBound - 1] == IAMNameMatching.star
                let name = required ? item.dropLast() : item
                let position = IAMNameMatching.binarySearch(Bytes(rebasing: buffer[name]), in: buffer, typeNames,
                                                            compare: IAMNameMatching.compareExact)
                return (position, required)
            }
            /// Lists of one known resource type, at 2 × its position + 1 if required: most
            /// actions take one (a service's actions share a few) or none, so they share arrays.
            var oneTypeLists: [[(name: String, required: Bool)]?] = []
            let keys = serviceKeys()
            for name in actionNames {
                // A <TAB> name <TAB> level <TAB> resource types <TAB> condition keys <TAB> dependent actions
                let level = name.upperBound + 1
                let typesField = (level + 2)..<File.firstIndex(of: File.tab, in: buffer, (level + 2)..<lines.upperBound)
                let end = File.firstIndex(of: File.newline, in: buffer, typesField.upperBound..<lines.upperBound)
                let types: [(name: String, required: Bool)]
                if typesField.isEmpty {
                    types = []
                } else if File.firstIndex(of: File.comma, in: buffer, typesField) == typesField.upperBound,
                          case let (position?, required) = resourceType(typesField) {
                    if oneTypeLists.isEmpty { oneTypeLists = Array(repeating: nil, count: 2 * resourceTypes.count) }
                    let slot = 2 * position + (required ? 1 : 0)
                    if oneTypeLists[slot] == nil { oneTypeLists[slot] = [(resourceTypes[position].name, required)] }
                    types = oneTypeLists[slot]!
                } else {
                    var list: [(name: String, required: Bool)] = []
                    list.reserveCapacity(File.count(of: File.comma, in: buffer, typesField) + 1)
                    File.forEachItem(buffer, typesField) { item in
                        let (known, required) = resourceType(item)
                        list.append((known.map { resourceTypes[$0].name } ?? string(required ? item.dropLast() : item), required))
                    }
                    types = list
                }
                actions.append(IAMAction(
                    service: prefix, name: string(name),
                    // IAMCatalog.init checked the code.
                    accessLevel: AccessLevel(code: buffer[level]) ?? .write,
                    resourceTypes: types,
                    lists: IAMActionLists(serviceKeys: keys, fields: (typesField.upperBound + 1)..<end)))
            }
            let index = IAMServiceIndex(actionNames: IAMPackedNames(buffer, actionNames), keys: keys)
            return IAMService(prefix: prefix, name: name, actions: actions, resourceTypes: resourceTypes,
                              conditionKeys: conditionKeys, index: index)
        }
    }
}

/// Where a service's lines are in the catalog file (after its S line), and how many of them are
/// C and R lines: counted by the catalog's load, so that parsing the service reserves its
/// arrays once rather than growing them.
struct IAMServiceLines: Sendable {
    var bytes: Range<Int>
    var conditionKeys = 0
    var resourceTypes = 0
}
