/// Each finding of the JSON report written as `JSONWriter.pretty` lays it out, straight into
/// memory reserved for the most it can take: a lint of many files writes thousands of them.
extension FindingsRenderer {
    /// One file's findings as `render(_:as: .json)` lays them out in `findings`, each after the
    /// comma and line break that come before it there: a lint of many files can render each
    /// file on the thread that linted it, and `JSONReportWriter` puts them together. `entries` are the file's, in the order the linter gave them.
    public static func jsonFindings(_ entries: [LintReport.Entry]) -> [UInt8] {
        guard !entries.isEmpty else { return [] }
        var out: [UInt8] = []
        // The entries are read where they are (a copy of one retains a dozen references), and
        // sorted in memory on the stack when there are few: a report sorts each file's.
        entries.withUnsafeBufferPointer { entries in
            let first = entries.baseAddress!
            withUnsafeTemporaryAllocation(of: SortKey.self, capacity: entries.count) { (keys: UnsafeMutableBufferPointer<SortKey>) in
                var keys = keys
                // One file's findings: by position, then most severe first.
                for offset in entries.indices {
                    keys.initializeElement(at: offset, to: SortKey(file: 0, location: entries[offset].location,
                                                                   severity: entries[offset].finding.severity, offset: offset))
                }
                keys.sort()
                // Room for the findings as they would be with nothing to escape, and for the most
                // that escapes could add to any one: each is written into room for its worst case.
                var size = 0, escapes = 0
                for index in entries.indices {
                    let room = capacity(for: first + index)
                    size += room.plain
                    escapes = max(escapes, room.escaped - room.plain)
                }
                out.reserveCapacity(size + escapes)
                var file: (name: String, json: [UInt8])?  // a file's findings name it alike: escaped once
                for key in keys {
                    if file?.name != entries[key.offset].file {
                        let name = entries[key.offset].file
                        file = (name, [UInt8](capacity: JSONWriter.escapedCapacity(name.utf8.count) + 2) { $0.appendString(name) })
                    }
                    writeJSON(first + key.offset, first: false, file: file!.json, into: &out)
                }
                keys.deinitialize()
            }
        }
        return out
    }

    /// One finding of `json(report)`, at its depth in the document (an item of `findings`), after
    /// the comma (unless it is the first) and the line break before it. The keys and the layout
    /// between them are written as whole runs of bytes; `file`, when given, is the file's name
    /// already written as JSON.
    static func writeJSON(_ entry: LintReport.Entry, first: Bool, into out: inout [UInt8]) {
        withUnsafePointer(to: entry) { writeJSON($0, first: first, file: nil, into: &out) }
    }

    private static func writeJSON(_ entry: UnsafePointer<LintReport.Entry>, first: Bool, file: [UInt8]?, into out: inout [UInt8]) {
        out.append(addingCapacity: capacity(for: entry).escaped) { out in
            out.append(first ? Member.firstSeparator : Member.separator)
            out.append(Member.file)
            if let file { file.withUnsafeBytes { out.append(copying: $0) } } else { out.appendString(entry.pointee.file) }
            out.append(Member.line)
            out.appendNumber(entry.pointee.location?.line)
            out.append(Member.column)
            out.appendNumber(entry.pointee.location?.column)
            // A check's severity and code are plain ASCII.
            out.append(Member.severity)
            out.append(UInt8(ascii: "\""))
            out.append(entry.pointee.finding.severity.rawValue)
            out.append(UInt8(ascii: "\""))
            out.append(Member.code)
            out.append(UInt8(ascii: "\""))
            out.append(entry.pointee.finding.code)
            out.append(UInt8(ascii: "\""))
            out.append(Member.message)
            out.appendString(entry.pointee.finding.message)
            out.append(Member.path)
            out.appendPath(entry.pointee.finding.path)
            out.append(Member.statement)
            out.appendNumber(entry.pointee.finding.statement)
            out.append(Member.sid)
            out.appendString(entry.pointee.finding.sid)
            if let context = entry.pointee.context {
                out.append(Member.document)
                out.appendString(context)
            }
            out.append(Member.end)
        }
    }

    /// `path.description` as a JSON string.
    static func writePath(_ path: FieldPath, into out: inout [UInt8]) {
        out.append(addingCapacity: capacity(for: path).escaped) { $0.appendPath(path) }
    }

    /// The bytes `writeJSON` writes for `entry` if no text has a byte to escape, and the most
    /// it can write.
    private static func capacity(for entry: UnsafePointer<LintReport.Entry>) -> (plain: Int, escaped: Int) {
        let texts = entry.pointee.file.utf8.count + entry.pointee.finding.message.utf8.count
            + (entry.pointee.finding.sid?.utf8.count ?? 0) + (entry.pointee.context?.utf8.count ?? 0)
        let path = capacity(for: entry.pointee.finding.path)
        return (Member.layout + texts + path.plain, Member.layout + JSONWriter.escapedCapacity(texts) + path.escaped)
    }

    /// As `capacity(for:)` for an entry, the bytes `writePath` writes.
    static func capacity(for path: FieldPath) -> (plain: Int, escaped: Int) {
        var plain = 2 + 6, keys = 0  // the quotes, and room for `(file)`
        for component in path.components {
            switch component {
            case let .key(name):
                plain += 1
                keys += name.utf8.count
            case .index: plain += 2 + 20
            }
        }
        return (plain + keys, plain + JSONWriter.escapedCapacity(keys))
    }

    /// What `JSONWriter.pretty` writes before each member of a finding (a finding is at depth
    /// 2, its members at depth 3), and after the last.
    private enum Member {
        static let file: StaticString = "{\n      \"file\": "
        static let line: StaticString = ",\n      \"line\": "
        static let column: StaticString = ",\n      \"column\": "
        static let severity: StaticString = ",\n      \"severity\": "
        static let code: StaticString = ",\n      \"code\": "
        static let message: StaticString = ",\n      \"message\": "
        static let path: StaticString = ",\n      \"path\": "
        static let statement: StaticString = ",\n      \"statement\": "
        static let sid: StaticString = ",\n      \"sid\": "
        static let document: StaticString = ",\n      \"document\": "
        static let end: StaticString = "\n    }"
        /// Before each finding but the first: the comma after the one before, and the line break.
        static let separator: StaticString = ",\n    ", firstSeparator: StaticString = "\n    "

        /// The most bytes a finding takes but for its message, path, sid, document and file: the
        /// runs above (the longer separator), the quotes around six texts (`null` for a sid, two
        /// more), three numbers of at most 20 bytes, the longest severity and check code.
        static let layout = [separator, file, line, column, severity, code, message, path, statement, sid, document, end]
            .reduce(0) { $0 + $1.utf8CodeUnitCount } + 2 * 6 + 2 + 3 * 20
            + Severity.allCases.map(\.rawValue.utf8.count).max()! + LintCheck.allCases.map(\.rawValue.utf8.count).max()!
    }
}

extension OutputSpan<UInt8> {
    /// A JSON string, or `null`.
    fileprivate mutating func appendString(_ text: String?) {
        guard let text else { return append("null") }
        append(UInt8(ascii: "\""))
        appendEscaped(text)
        append(UInt8(ascii: "\""))
    }

    /// A JSON number, or `null`.
    fileprivate mutating func appendNumber(_ value: Int?) {
        guard let value else { return append("null") }
        appendDigits(value)
    }

    /// `path.description` as a JSON string: its keys escaped one by one (the dots and brackets
    /// between them need no escape), rather than the description made first.
    fileprivate mutating func appendPath(_ path: FieldPath) {
        append(UInt8(ascii: "\""))
        let start = count
        var first = true
        for component in path.components {
            switch component {
            case let .key(name):
                // As `description`: no dot before the first key, nor after empty keys alone.
                if !first { append(UInt8(ascii: ".")) }
                appendEscaped(name)
                if !name.isEmpty { first = false }
            case let .index(index):
                append(UInt8(ascii: "["))
                appendDigits(index)
                append(UInt8(ascii: "]"))
                first = false
            }
        }
        if count == start { append("(file)") }
        append(UInt8(ascii: "\""))
    }
}
