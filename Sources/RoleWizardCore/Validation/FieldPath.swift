/// Where in a plan (or a spec file) a value lives: `roles[1].inlinePolicies[0].parameters.buckets[2]`.
///
/// Problems carry a path so that the command line can turn it into FILE:LINE:COLUMN and the
/// wizard can jump to the step and field that holds the value.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public static let root = FieldPath()

    public func key(_ name: String) -> FieldPath { appending(.key(name)) }
    public func index(_ index: Int) -> FieldPath { appending(.index(index)) }

    /// One new array, where `components + [component]` made two (the one-element list too):
    /// the linter makes a path per statement and per finding.
    private func appending(_ component: Component) -> FieldPath {
        var components = self.components
        components.append(component)
        return FieldPath(components)
    }
    /// `self / key / index` in one new array, with room for both (the linter's path of an
    /// item in a list, made for each finding about one).
    public func appending(key: String, index: Int) -> FieldPath {
        var components: [Component] = []
        components.reserveCapacity(self.components.count + 2)
        components += self.components
        components.append(.key(key))
        components.append(.index(index))
        return FieldPath(components)
    }

    public static func / (lhs: FieldPath, rhs: String) -> FieldPath { lhs.key(rhs) }
    public static func / (lhs: FieldPath, rhs: Int) -> FieldPath { lhs.index(rhs) }

    public var parent: FieldPath? {
        components.isEmpty ? nil : FieldPath(Array(components.dropLast()))
    }

    public func hasPrefix(_ other: FieldPath) -> Bool {
        components.count >= other.components.count && Array(components.prefix(other.components.count)) == other.components
    }

    public var description: String {
        // Built as bytes: a lint report writes one path per finding.
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for component in components {
            switch component {
            case let .key(name):
                if !text.isEmpty { text.append(UInt8(ascii: ".")) }
                text.append(contentsOf: name.utf8)
            case let .index(index):
                text.append(UInt8(ascii: "["))
                text.append(contentsOf: String(index).utf8)
                text.append(UInt8(ascii: "]"))
            }
        }
        return text.isEmpty ? "(file)" : String(decoding: text, as: UTF8.self)
    }

    public static func < (lhs: FieldPath, rhs: FieldPath) -> Bool { lhs.description < rhs.description }
}

/// Something wrong with a plan: the field it is about and what is wrong, in words a person can act on.
public struct Problem: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var path: FieldPath
    public var message: String

    public init(_ path: FieldPath, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// A line and column in a source file, both counted from 1.
public struct SourceLocation: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
