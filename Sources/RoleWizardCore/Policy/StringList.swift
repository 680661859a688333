/// IAM's "a string or an array of strings" (Action, Resource, principal values, …).
///
/// `isList` remembers which form was written, so a document read and written again keeps
/// `"Resource": "*"` as a string and `"Action": ["s3:GetObject"]` as a one-item array.
public struct StringList: Equatable, Hashable, Sendable, ExpressibleByArrayLiteral, ExpressibleByStringLiteral {
    public var values: [String]
    public var isList: Bool

    public init(_ values: [String], isList: Bool? = nil) {
        self.values = values
        self.isList = isList ?? (values.count != 1)
    }

    public init(arrayLiteral elements: String...) { self.init(elements, isList: true) }
    public init(stringLiteral value: String) { self.init([value], isList: false) }

    public var json: JSONValue { .strings(values, asList: isList || values.count != 1) }
}
