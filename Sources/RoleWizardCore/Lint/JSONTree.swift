/// A JSON document as the linter reads it: every value (and every object key) a fixed-size
/// node in one array, in document order, each string a range of bytes.
///
/// `LocatedJSON` holds the same document as nested values, which is the easier shape to build
/// and to look at, but it costs an allocation for every list, object and longer string, and
/// as many to free again: for the 1,582 AWS managed policies, some 200,000 of each, over a
/// third of what linting them cost. Here a document is two arrays, and a string becomes a
/// `String` only when a check asks for it.
///
/// A value's node is followed by its contents: a list's items one after the other, an
/// object's members as a key node (a string) followed by the value's nodes. Each node knows
/// where its contents end, which is where its next sibling starts.
struct JSONTree: Sendable {
    enum Kind: UInt8, Sendable {
        case string, number, `true`, `false`, null, array, object
    }

    struct Node: Sendable {
        var kind: Kind
        /// The position as `LocatedJSON.CompactLocation` keeps it (a line of `UInt32.max`: none).
        var line: UInt32
        var column: UInt32
        /// A string's or number's bytes in `text`: `start ..< start + length`. A list's item
        /// count, or an object's member count, in `length`.
        var start: UInt32
        var length: UInt32
        /// The index of the node after this value's contents.
        var end: UInt32
    }

    var nodes: [Node]
    /// The document's bytes, followed by the text of the strings whose escapes were decoded.
    var text: [UInt8]

    static let root = 0

    init(nodes: [Node], text: [UInt8]) {
        self.nodes = nodes
        self.text = text
    }

    func kind(_ node: Int) -> Kind { nodes[node].kind }

    func location(_ node: Int) -> SourceLocation? {
        let node = nodes[node]
        return LocatedJSON.CompactLocation(line: node.line, column: node.column).location
    }

    /// The item or member count of a list or object.
    func count(_ node: Int) -> Int { Int(nodes[node].length) }

    /// A string's text, or nil for any other value.
    func string(_ node: Int) -> String? {
        nodes[node].kind == .string ? textOf(node) : nil
    }

    /// A string's or number's text.
    func textOf(_ node: Int) -> String {
        withBytes(of: node) { String(decoding: $0, as: UTF8.self) }
    }

    /// A string's or number's bytes, for the length of the call.
    func withBytes<Result>(of node: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let node = nodes[node]
        return try text.withUnsafeBufferPointer { text in
            try body(UnsafeBufferPointer(rebasing: text[Int(node.start)..<Int(node.start + node.length)]))
        }
    }

    /// Whether the string `node` is `expected`, compared as bytes.
    func string(_ node: Int, is expected: StaticString) -> Bool {
        guard nodes[node].kind == .string, Int(nodes[node].length) == expected.utf8CodeUnitCount else { return false }
        return withBytes(of: node) { WordBytes.equal($0, expected) }
    }

    /// A list's item nodes.
    func items(_ node: Int) -> Siblings {
        Siblings(tree: self, first: node + 1, count: nodes[node].kind == .array ? count(node) : 0, step: 1)
    }

    /// An object's key nodes; each member's value is the node after its key.
    func keys(_ node: Int) -> Siblings {
        Siblings(tree: self, first: node + 1, count: nodes[node].kind == .object ? count(node) : 0, step: 2)
    }

    /// Node indices of values at one level: each found from the one before through `end`.
    struct Siblings: Sequence {
        let tree: JSONTree
        let first: Int
        let count: Int
        /// 1 for list items; 2 for keys, whose value's contents come before the next key.
        let step: Int

        struct Iterator: IteratorProtocol {
            let tree: JSONTree
            var node: Int
            var left: Int
            let step: Int

            mutating func next() -> Int? {
                guard left > 0 else { return nil }
                let current = node
                left -= 1
                node = Int(tree.nodes[current + step - 1].end)
                return current
            }
        }

        func makeIterator() -> Iterator { Iterator(tree: tree, node: first, left: count, step: step) }
        var underestimatedCount: Int { count }
    }

    /// The value of the first member called `key` (IAM keys are case-sensitive).
    func member(_ node: Int, _ key: StaticString) -> Int? {
        keys(node).first { string($0, is: key) }.map { $0 + 1 }
    }

    /// How the value reads in a message, as `LocatedJSON.described`.
    func described(_ node: Int) -> String {
        switch nodes[node].kind {
        case .string: return JSONWriter.quoted(textOf(node))
        case .number: return textOf(node)
        case .true: return "true"
        case .false: return "false"
        case .null: return "null"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

extension JSONTree {
    /// The value at `node` as nested values, for the checks that look at small parts of a
    /// document that way (principals, condition values).
    func located(_ node: Int) -> LocatedJSON {
        let location = location(node)
        switch nodes[node].kind {
        case .string: return LocatedJSON(.string(textOf(node)), at: location)
        case .number: return LocatedJSON(.number(textOf(node)), at: location)
        case .true: return LocatedJSON(.bool(true), at: location)
        case .false: return LocatedJSON(.bool(false), at: location)
        case .null: return LocatedJSON(.null, at: location)
        case .array: return LocatedJSON(.array(items(node).map(located)), at: location)
        case .object:
            return LocatedJSON(.object(keys(node).map { key in
                LocatedJSON.Member(key: textOf(key), keyLocation: self.location(key), value: located(key + 1))
            }), at: location)
        }
    }

    /// A document built in memory or read from YAML, flattened.
    init(_ document: LocatedJSON) {
        var builder = Builder()
        builder.append(document)
        self = builder.tree
    }

    struct Builder {
        var tree = JSONTree(nodes: [], text: [])

        /// Appends a node for a value whose contents follow; returns its index.
        mutating func open(_ kind: Kind, at location: SourceLocation?) -> Int {
            let position = LocatedJSON.CompactLocation(location)
            tree.nodes.append(Node(kind: kind, line: position.line, column: position.column, start: 0, length: 0, end: 0))
            return tree.nodes.count - 1
        }

        mutating func close(_ node: Int, length: Int) {
            tree.nodes[node].length = UInt32(length)
            tree.nodes[node].end = UInt32(tree.nodes.count)
        }

        mutating func appendText(_ kind: Kind, _ text: String, at location: SourceLocation?) {
            let node = open(kind, at: location)
            tree.nodes[node].start = UInt32(tree.text.count)
            tree.text.append(contentsOf: text.utf8)
            close(node, length: tree.text.count - Int(tree.nodes[node].start))
        }

        mutating func append(_ value: LocatedJSON) {
            switch value.value {
            case let .string(text): appendText(.string, text, at: value.location)
            case let .number(text): appendText(.number, text, at: value.location)
            case let .bool(flag): close(open(flag ? .true : .false, at: value.location), length: 0)
            case .null: close(open(.null, at: value.location), length: 0)
            case let .array(items):
                let node = open(.array, at: value.location)
                for item in items { append(item) }
                close(node, length: items.count)
            case let .object(members):
                let node = open(.object, at: value.location)
                for member in members {
                    appendText(.string, member.key, at: member.keyLocation)
                    append(member.value)
                }
                close(node, length: members.count)
            }
        }
    }
}
