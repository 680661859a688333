/// One action of an AWS service, e.g. `kms:Decrypt`.
///
/// A class, not a struct: the linter keeps actions in many places (each meaning of an action
/// text holds a list of them and two more), and a struct of five references cost five retains
/// and releases a copy. Immutable, so sharing one is safe.
public final class IAMAction: Sendable {
    /// The service prefix, e.g. `kms`.
    public let service: String
    /// The action name as AWS spells it, e.g. `Decrypt`.
    public let name: String
    public let accessLevel: AccessLevel
    /// The resource types the action can be scoped to, as named in its service's
    /// `resourceTypes`. Empty when the action takes no resource (only `"Resource": "*"`).
    public let resourceTypes: [(name: String, required: Bool)]
    /// The condition keys the action supports, whatever the resource.
    public var conditionKeys: [String] { lists.conditionKeys }
    /// Other actions a caller also needs for this one to work (`service:Action`).
    public var dependentActions: [String] { lists.dependentActions }
    let lists: IAMActionLists

    init(service: String, name: String, accessLevel: AccessLevel, resourceTypes: [(name: String, required: Bool)], lists: IAMActionLists) {
        self.service = service
        self.name = name
        self.accessLevel = accessLevel
        self.resourceTypes = resourceTypes
        self.lists = lists
    }

    /// `kms:Decrypt`.
    public var fullName: String { service + ":" + name }
}

/// An action's condition keys and dependent actions, read from its line of the catalog when
/// someone asks: the linter never does, and reading them for every action of a service was a
/// third of parsing it.
struct IAMActionLists: Sendable {
    let serviceKeys: IAMServiceKeyNames
    /// The line's last two fields, condition keys <TAB> dependent actions.
    let fields: Range<Int>

    /// The service's own string for a key it defines, a new one for a key it does not.
    var conditionKeys: [String] { serviceKeys.strings(in: fields.lowerBound..<tab) }

    var dependentActions: [String] {
        serviceKeys.storage.bytes.withUnsafeBufferPointer { buffer in
            var found: [String] = []
            IAMCatalogFile.forEachItem(buffer, (tab + 1)..<fields.upperBound) { found.append(IAMCatalogFile.string(buffer, $0)) }
            return found
        }
    }

    private var tab: Int {
        serviceKeys.storage.bytes.withUnsafeBufferPointer { IAMCatalogFile.firstIndex(of: IAMCatalogFile.tab, in: $0, fields) }
    }
}

/// A service's condition key names, packed for lookups, with their strings: so that the
/// hundreds of mentions of `aws:ResourceTag/${TagKey}` share one. Holds the catalog's bytes,
/// where the lists of keys that actions and resource types mention are read from.
final class IAMServiceKeyNames: Sendable {
    let storage: CatalogBytes
    let packed: IAMPackedNames
    let names: [String]

    init(storage: CatalogBytes, packed: IAMPackedNames, names: [String]) {
        self.storage = storage
        self.packed = packed
        self.names = names
    }

    /// The keys listed in `field` of the catalog's bytes.
    func strings(in field: Range<Int>) -> [String] {
        storage.bytes.withUnsafeBufferPointer { buffer in
            var found: [String] = []
            IAMCatalogFile.forEachItem(buffer, field) { item in
                let known = packed.position(of: UnsafeBufferPointer(rebasing: buffer[item]))
                found.append(known.map { names[$0] } ?? IAMCatalogFile.string(buffer, item))
            }
            return found
        }
    }
}

/// A resource type an action can be scoped to, e.g. `key` in KMS.
public struct IAMResourceType: Sendable {
    public let name: String
    /// e.g. `arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}`.
    public let arnFormat: String
    /// Read from the catalog's line when asked (the linter never does; reading them for every
    /// resource type cost ~1,700 instructions a type when a service was parsed).
    public var conditionKeys: [String] { serviceKeys.strings(in: conditionKeysField) }
    let serviceKeys: IAMServiceKeyNames
    let conditionKeysField: Range<Int>
}

/// A condition key a service defines, e.g. `kms:ViaService`.
public struct IAMConditionKey: Sendable {
    /// As AWS spells it; may be a template such as `aws:ResourceTag/${TagKey}`.
    public let name: String
    /// As the source gives it: String, ArrayOfString, ARN, ArrayOfARN, Numeric, Date, Bool,
    /// ArrayOfBool or IPAddress.
    public let type: String
}
