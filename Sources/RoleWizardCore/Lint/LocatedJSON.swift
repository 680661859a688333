import Yams

/// A JSON value as it was written: every value and key with the line and column it starts at
/// (nil for values that were never in a file, such as a document the wizard built).
///
/// The linter reads documents this way rather than as `PolicyDocument`s because it must look
/// at documents IAM would refuse (unknown keys, `"Effect": "allow"`, numbers where strings
/// belong) and still say where each finding is. A file's JSON is read into the flat
/// `JSONTree`, which holds the same and costs far less to build; this nested shape is for
/// documents read from YAML or built in memory (flattened before they are linted), for the
/// small parts checks look at as values (principals, condition values), and for callers of
/// `LocatedJSON.parse`.
public struct LocatedJSON: Sendable {
    /// Not `indirect`: lists and objects hold their values in arrays already, and boxing every
    /// value would cost an allocation per value read.
    public enum Value: Sendable {
        case string(String)
        /// The number's text, as written.
        case number(String)
        case bool(Bool)
        case null
        case array([LocatedJSON])
        case object([Member])
    }

    public struct Member: Sendable {
        public var key: String
        private var keyPosition: CompactLocation
        public var value: LocatedJSON

        public var keyLocation: SourceLocation? {
            get { keyPosition.location }
            set { keyPosition = CompactLocation(newValue) }
        }

        public init(key: String, keyLocation: SourceLocation?, value: LocatedJSON) {
            self.key = key
            self.keyPosition = CompactLocation(keyLocation)
            self.value = value
        }
    }

    public var value: Value
    private var position: CompactLocation

    public var location: SourceLocation? {
        get { position.location }
        set { position = CompactLocation(newValue) }
    }

    public init(_ value: Value, at location: SourceLocation? = nil) {
        self.value = value
        self.position = CompactLocation(location)
    }

    /// A `SourceLocation?` in 8 bytes rather than 24 (two `Int`s and nil's flag, padded): a
    /// parsed policy is mostly nodes and members, and smaller ones are quicker to build, move
    /// and free. A line of `UInt32.max` stands for nil. A position that does not fit, which
    /// only a file of over 4 GiB could hold (`lint` reads at most 32 MiB), is kept as nil.
    struct CompactLocation: Sendable {
        static let none = UInt32.max
        var line: UInt32
        var column: UInt32

        init(line: UInt32, column: UInt32) {
            self.line = line
            self.column = column
        }

        init(_ location: SourceLocation?) {
            guard let location, let line = UInt32(exactly: location.line), line != Self.none,
                  let column = UInt32(exactly: location.column) else {
                self.line = Self.none
                self.column = 0
                return
            }
            self.line = line
            self.column = column
        }

        var location: SourceLocation? {
            line == Self.none ? nil : SourceLocation(line: Int(line), column: Int(column))
        }
    }

    public var string: String? {
        if case let .string(text) = value { return text }
        return nil
    }

    public var members: [Member]? {
        if case let .object(members) = value { return members }
        return nil
    }

    /// The first member called `key` (IAM keys are case-sensitive).
    public subscript(key: String) -> LocatedJSON? {
        members?.first { $0.key == key }?.value
    }

    /// How the value reads in a message: `"text"`, `12`, `a list`, `an object`.
    public var described: String {
        switch value {
        case let .string(text): return JSONWriter.quoted(text)
        case let .number(text): return text
        case let .bool(flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

extension LocatedJSON {
    /// A value built in memory (the wizard's documents): no locations.
    public init(_ json: JSONValue) {
        switch json {
        case let .string(text): self.init(Value.string(text))
        case let .number(text): self.init(Value.number(text))
        case let .bool(flag): self.init(Value.bool(flag))
        case .null: self.init(Value.null)
        case let .array(items): self.init(Value.array(items.map { LocatedJSON($0) }))
        case let .object(members):
            self.init(Value.object(members.map { Member(key: $0.key, keyLocation: nil, value: LocatedJSON($0.value)) }))
        }
    }

    /// A YAML node (a policy inside a spec file, or a YAML policy file). Plain `true`/`false`,
    /// `null`/`~` and JSON numbers keep their JSON types; everything else is a string.
    public init(yaml node: Node) {
        let location = node.mark.map { SourceLocation(line: $0.line, column: $0.column) }
        switch node {
        case let .scalar(scalar):
            guard scalar.style == .plain else { self.init(.string(scalar.string), at: location); return }
            switch scalar.string {
            case "true": self.init(.bool(true), at: location)
            case "false": self.init(.bool(false), at: location)
            case "null", "~", "": self.init(.null, at: location)
            default:
                self.init(PolicyReader.isJSONNumber(scalar.string) ? .number(scalar.string) : .string(scalar.string), at: location)
            }
        case let .sequence(sequence):
            self.init(.array(sequence.map { LocatedJSON(yaml: $0) }), at: location)
        case let .mapping(mapping):
            self.init(.object(mapping.map { key, value in
                Member(key: key.string ?? "",
                       keyLocation: key.mark.map { SourceLocation(line: $0.line, column: $0.column) },
                       value: LocatedJSON(yaml: value))
            }), at: location)
        case .alias:
            // Policies have no use for YAML anchors; an alias reads as null, which every check refuses.
            self.init(.null, at: location)
        }
    }
}
