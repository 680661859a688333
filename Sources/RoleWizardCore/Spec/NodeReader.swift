import Yams

/// Reads a YAML (or JSON) node tree into model values, collecting every problem with the
/// field path it is about and remembering where each field was written.
final class NodeReader {
    private(set) var problems: [Problem] = []
    private(set) var locations: [FieldPath: SourceLocation] = [:]
    /// Fields that are missing or could not be read. Later checks of the same fields would
    /// only repeat the problem, so `SpecLoader` drops theirs.
    private(set) var unreadable: Set<FieldPath> = []

    func fail(_ path: FieldPath, _ message: String) {
        problems.append(Problem(path, message))
    }

    /// A problem with the value at `path` (wrong type, missing): reported once, here.
    func failValue(_ path: FieldPath, _ message: String) {
        unreadable.insert(path)
        fail(path, message)
    }

    func note(_ node: Node, at path: FieldPath) {
        if let mark = node.mark, locations[path] == nil {
            locations[path] = SourceLocation(line: mark.line, column: mark.column)
        }
    }

    /// The mapping's entries, when `node` is a mapping whose keys are all in `allowed`
    /// (nil allows any key). Unknown keys are reported with the closest known key.
    func mapping(_ node: Node, at path: FieldPath, allowed: [String]?, what: String) -> [(key: String, value: Node)]? {
        note(node, at: path)
        guard case let .mapping(mapping) = node else {
            failValue(path, "\(what) must be a mapping of keys to values, not \(describe(node))")
            return nil
        }
        var entries: [(key: String, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case let .scalar(scalar) = keyNode else {
                fail(path, "keys of \(what) must be plain strings")
                continue
            }
            let key = scalar.string
            if let allowed, !allowed.contains(key) {
                note(keyNode, at: path / key)
                failValue(path / key, "unknown key \(JSONWriter.quoted(key)) in \(what)"
                     + Suggest.didYouMean(key, among: allowed) + "; allowed: " + allowed.joined(separator: ", "))
                continue
            }
            entries.append((key, value))
        }
        return entries
    }

    func string(_ node: Node, at path: FieldPath, what: String) -> String? {
        note(node, at: path)
        guard case let .scalar(scalar) = node else {
            failValue(path, "\(what) must be a string, not \(describe(node))")
            return nil
        }
        if scalar.style == .plain && scalar.string == "null" || scalar.style == .plain && scalar.string == "~" {
            failValue(path, "\(what) must be a string, not null")
            return nil
        }
        return scalar.string
    }

    func bool(_ node: Node, at path: FieldPath, what: String) -> Bool? {
        note(node, at: path)
        if case let .scalar(scalar) = node, scalar.style == .plain {
            switch scalar.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        failValue(path, "\(what) must be true or false, not \(describe(node))")
        return nil
    }

    func int(_ node: Node, at path: FieldPath, what: String) -> Int? {
        note(node, at: path)
        if case let .scalar(scalar) = node, scalar.style == .plain, let value = Int(scalar.string) { return value }
        failValue(path, "\(what) must be a whole number, not \(describe(node))")
        return nil
    }

    /// A sequence's items (an empty list when the node is null and `allowNull` is set).
    func sequence(_ node: Node, at path: FieldPath, what: String) -> [Node]? {
        note(node, at: path)
        guard case let .sequence(sequence) = node else {
            failValue(path, "\(what) must be a list, not \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    func strings(_ node: Node, at path: FieldPath, what: String) -> [String]? {
        guard let items = sequence(node, at: path, what: what) else { return nil }
        var values: [String] = []
        for (index, item) in items.enumerated() {
            if let text = string(item, at: path / index, what: "each item of \(what)") { values.append(text) }
        }
        return values.count == items.count ? values : nil
    }

    /// IAM's "string or list of strings".
    func stringList(_ node: Node, at path: FieldPath, what: String) -> StringList? {
        switch node {
        case .scalar:
            return string(node, at: path, what: what).map { StringList([$0], isList: false) }
        case .sequence:
            return strings(node, at: path, what: what).map { StringList($0, isList: true) }
        default:
            note(node, at: path)
            failValue(path, "\(what) must be a string or a list of strings, not \(describe(node))")
            return nil
        }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar):
            if scalar.style == .plain && (scalar.string == "null" || scalar.string == "~" || scalar.string.isEmpty) {
                return "null"
            }
            return JSONWriter.quoted(scalar.string)
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// Turns a Yams error into a location and a message.
enum YAMLSyntax {
    /// Yams reports a duplicate key where its mapping starts; the person wants the line of the
    /// repeated key. Block mappings only: the second line from the mapping's start whose key,
    /// at the mapping's column, is `key`.
    static func secondOccurrence(of key: String, in text: String, mapping: SourceLocation) -> SourceLocation? {
        guard !key.isEmpty else { return nil }
        var seen = 0
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where offset + 1 >= mapping.line {
            let columns = Array(line)
            let indent = mapping.column - 1
            guard columns.count > indent, columns.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = String(columns[indent...])
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                seen += 1
                if seen == 2 { return SourceLocation(line: offset + 1, column: mapping.column) }
            }
        }
        return nil
    }

    static func describe(_ error: Error, text: String = "") -> (SourceLocation?, String) {
        guard let yamlError = error as? YamlError else { return (nil, "\(error)") }
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return (SourceLocation(line: mark.line, column: mark.column), text)
        case let .duplicatedKeysInMapping(duplicates, context):
            let mapping = SourceLocation(line: context.mark.line, column: context.mark.column)
            return (secondOccurrence(of: duplicates.first ?? "", in: text, mapping: mapping) ?? mapping,
                    "duplicate key " + duplicates.map { JSONWriter.quoted($0) }.joined(separator: ", ") + " in one mapping")
        case let .reader(problem, _, _, _):
            return (nil, "cannot read the file: \(problem)")
        default:
            return (nil, "\(yamlError)")
        }
    }
}
