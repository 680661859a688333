/// Everything one ECS workload needs in IAM: its roles and the customer managed policies the
/// plan creates. A spec file is a plan written down; the wizard edits one.
public struct Plan: Equatable, Sendable {
    /// 12 digits. Without it, the apply script asks `aws sts get-caller-identity`.
    public var account: String?
    /// Without it, the apply script uses the configured region where a document needs one.
    public var region: String?
    public var partition: Partition?
    public var roles: [Role]
    public var customerManagedPolicies: [CustomerManagedPolicy]

    public init(account: String? = nil, region: String? = nil, partition: Partition? = nil,
                roles: [Role] = [], customerManagedPolicies: [CustomerManagedPolicy] = []) {
        self.account = account
        self.region = region
        self.partition = partition
        self.roles = roles
        self.customerManagedPolicies = customerManagedPolicies
    }

    public var effectivePartition: Partition { partition ?? .aws }

    /// What building blocks and trust policies put into ARNs.
    public var context: PlanContext {
        PlanContext(partition: effectivePartition, account: account, region: region)
    }
}

/// The partition, account and region that ARNs are built from, with placeholders for the
/// ones the plan leaves to apply time.
public struct PlanContext: Equatable, Sendable {
    public var partition: Partition
    public var account: String?
    public var region: String?

    public init(partition: Partition = .aws, account: String? = nil, region: String? = nil) {
        self.partition = partition
        self.account = account
        self.region = region
    }

    public var accountOrPlaceholder: String { account ?? Placeholder.account }
    public var regionOrPlaceholder: String { region ?? Placeholder.region }

    public func arn(_ service: String, regional: Bool = true, resource: String) -> String {
        ARN(partition: partition.rawValue, service: service,
            region: regional ? regionOrPlaceholder : "", account: accountOrPlaceholder,
            resource: resource).description
    }
}
