import Synchronization

/// One AWS service: its actions, resource types and condition keys.
///
/// A class, made once by `IAMServiceParser` and shared: immutable, so the catalog hands the one
/// it parsed to every caller, on any thread, without copying it.
public final class IAMService: Sendable {
    /// e.g. `kms`.
    public let prefix: String
    /// e.g. `AWS Key Management Service`.
    public let name: String
    /// Sorted by lower-case name.
    public let actions: [IAMAction]
    /// Sorted by name.
    public let resourceTypes: [IAMResourceType]
    /// Sorted by lower-case name; some are templates such as `aws:ResourceTag/${TagKey}`.
    public let conditionKeys: [IAMConditionKey]
    let index: IAMServiceIndex

    init(prefix: String, name: String, actions: [IAMAction], resourceTypes: [IAMResourceType],
         conditionKeys: [IAMConditionKey], index: IAMServiceIndex) {
        self.prefix = prefix
        self.name = name
        self.actions = actions
        self.resourceTypes = resourceTypes
        self.conditionKeys = conditionKeys
        self.index = index
    }

    /// The action with this name (without the prefix), ignoring case.
    public func action(named name: String) -> IAMAction? {
        IAMNameMatching.withBytes(name) { action(bytes: $0) }
    }

    func action(bytes name: UnsafeBufferPointer<UInt8>) -> IAMAction? {
        index.actionNames.position(of: name).map { actions[$0] }
    }

    /// The resource type with exactly this name.
    public func resourceType(named name: String) -> IAMResourceType? {
        resourceTypes.first { $0.name == name }
    }

    /// The condition key with this name, ignoring case; a concrete key such as
    /// `aws:ResourceTag/team` or `s3:ExistingObjectTag/team` finds its template.
    public func conditionKey(named name: String) -> IAMConditionKey? {
        IAMNameMatching.withBytes(name) { name in
            if let found = index.conditionKeyNames.position(of: name) { return conditionKeys[found] }
            return index.templatedKeys.first { IAMNameMatching.matches($0.pattern, name) }.map { conditionKeys[$0.index] }
        }
    }

    /// Actions whose name (without the prefix) matches an IAM wildcard pattern such as `Get*`
    /// or `*Object?`, ignoring case.
    public func actions(matching pattern: String) -> [IAMAction] {
        actions(matchingLowered: Suggest.lowercasedBytes(pattern))
    }

    /// `actions(matching:)` of a pattern whose ASCII letters are lowered already.
    func actions(matchingLowered pattern: [UInt8]) -> [IAMAction] {
        if pattern == [IAMNameMatching.star] { return actions }
        // `Get*`, `Describe*`: the names are sorted, so the matches are one run of them.
        if let star = pattern.firstIndex(where: { $0 == IAMNameMatching.star || $0 == IAMNameMatching.question }),
           star == pattern.count - 1, pattern[star] == IAMNameMatching.star {
            return Array(actions[index.actionNames.positions(withPrefix: pattern[..<star])])
        }
        return actions.indices.compactMap { position in
            index.actionNames.withName(position) { IAMNameMatching.matches(pattern, $0) } ? actions[position] : nil
        }
    }
}

/// A service's action and condition key names packed for lookups, and its templated keys.
final class IAMServiceIndex: Sendable {
    /// In the order of `IAMService.actions`.
    let actionNames: IAMPackedNames
    /// The condition keys' names, in the order of `IAMService.conditionKeys`.
    let keys: IAMServiceKeyNames
    var conditionKeyNames: IAMPackedNames { keys.packed }
    private let templated = Mutex<[(index: Int, pattern: [UInt8])]?>(nil)

    init(actionNames: IAMPackedNames, keys: IAMServiceKeyNames) {
        self.actionNames = actionNames
        self.keys = keys
    }

    /// The templated condition keys: their position and their wildcard pattern. Worked out on
    /// first use: only a key the service does not name exactly is looked for among them, and
    /// working them out for every service parsed cost ~780 instructions a key.
    var templatedKeys: [(index: Int, pattern: [UInt8])] {
        if let kept = templated.withLock({ $0 }) { return kept }
        let made = keys.names.indices.compactMap { index in
            IAMNameMatching.templatePattern(keys.names[index]).map { (index: index, pattern: $0) }
        }
        templated.withLock { $0 = made }
        return made
    }
}
