/// A JSON value whose objects keep their keys in the order they were built.
///
/// Foundation's `JSONSerialization` forgets key order, and IAM documents read best in the
/// order AWS documents them (Version, Statement; Sid, Effect, Principal, Action, Resource,
/// Condition), so every document this tool writes goes through this type and `JSONWriter`.
public indirect enum JSONValue: Equatable, Sendable {
    case string(String)
    /// A number kept as its literal text so that `43200` or `1.5` round-trips unchanged.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case (.null, .null): return true
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The value of `key` in an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    public var stringValue: String? {
        if case let .string(text) = self { return text }
        return nil
    }
}

extension JSONValue {
    /// A string, or an array of strings when there is more than one (or when `asList` says so).
    public static func strings(_ values: [String], asList: Bool) -> JSONValue {
        if values.count == 1 && !asList { return .string(values[0]) }
        return .array(values.map(JSONValue.string))
    }
}
