/// One action of an AWS service, e.g. `kms:Decrypt`.
public struct IAMAction: Sendable {
    /// The service prefix, e.g. `kms`.
    public let service: String
    /// The action name as AWS spells it, e.g. `Decrypt`.
    public let name: String
    public let accessLevel: AccessLevel
    /// The resource types the action can be scoped to, as named in its service's
    /// `resourceTypes`. Empty when the action takes no resource (only `"Resource": "*"`).
    public let resourceTypes: [(name: String, required: Bool)]
    /// The condition keys the action supports, whatever the resource.
    public let conditionKeys: [String]
    /// Other actions a caller also needs for this one to work (`service:Action`).
    public let dependentActions: [String]

    /// `kms:Decrypt`.
    public var fullName: String { service + ":" + name }
}

/// A resource type an action can be scoped to, e.g. `key` in KMS.
public struct IAMResourceType: Sendable {
    public let name: String
    /// e.g. `arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}`.
    public let arnFormat: String
    public let conditionKeys: [String]
}

/// A condition key a service defines, e.g. `kms:ViaService`.
public struct IAMConditionKey: Sendable {
    /// As AWS spells it; may be a template such as `aws:ResourceTag/${TagKey}`.
    public let name: String
    /// As the source gives it: String, ArrayOfString, ARN, ArrayOfARN, Numeric, Date, Bool,
    /// ArrayOfBool or IPAddress.
    public let type: String
}
