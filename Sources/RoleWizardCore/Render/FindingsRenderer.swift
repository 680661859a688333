/// Writes a lint report as text (one line per finding), JSON, or SARIF 2.1.0 for code-scanning tools.
public enum FindingsFormat: String, Sendable, CaseIterable {
    case text, json, sarif
}

public enum FindingsRenderer {
    public static func render(_ report: LintReport, as format: FindingsFormat, toolVersion: String) -> String {
        switch format {
        case .text: return text(report)
        case .json, .sarif: return String(decoding: renderBytes(report, as: format, toolVersion: toolVersion), as: UTF8.self)
        }
    }

    /// `render`'s text as UTF-8 bytes, to write out as they are.
    public static func renderBytes(_ report: LintReport, as format: FindingsFormat, toolVersion: String) -> [UInt8] {
        var all: [UInt8] = []
        render(report, as: format, toolVersion: toolVersion) { all += $0 }
        return all
    }

    /// `render`'s text as UTF-8 bytes, handed to `write` in pieces (of about 64 KB for JSON), so
    /// that a large report is written out without being held whole.
    public static func render(_ report: LintReport, as format: FindingsFormat, toolVersion: String,
                              inPieces write: ([UInt8]) -> Void) {
        switch format {
        case .text: write(Array(text(report).utf8))
        case .json: writeJSON(report, inPieces: write)
        case .sarif: write(JSONWriter.prettyBytes(sarif(report, toolVersion: toolVersion)))
        }
    }

    /// `FILE:LINE:COLUMN: SEVERITY CODE: message`, most severe first within each file.
    public static func text(_ report: LintReport) -> String {
        var out = ""
        for entry in sorted(report) {
            out += place(entry) + ": " + entry.finding.severity.rawValue + " " + entry.finding.code + ": "
            if let context = entry.context { out += context + ": " }
            out += entry.finding.message + "\n"
        }
        return out
    }

    static func place(_ entry: LintReport.Entry) -> String {
        guard let location = entry.location else { return entry.file }
        return "\(entry.file):\(location.line):\(location.column)"
    }

    /// Files in the order given; in a file, by position, then most severe first.
    static func sorted(_ report: LintReport) -> [LintReport.Entry] {
        sortedPositions(report).map { report.entries[$0] }
    }

    /// `sorted`, as positions in `report.entries`.
    static func sortedPositions(_ report: LintReport) -> [Int] {
        let order = Dictionary(report.files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return sortedPositions(report.entries) { order[$0] ?? Int.max }
    }

    /// Positions in `entries`, by the place of their file (`fileOrder`), then by position in
    /// the file, most severe first, and in the linter's order.
    static func sortedPositions(_ entries: [LintReport.Entry], fileOrder: (String) -> Int) -> [Int] {
        // Each entry's place worked out once, not at each comparison (a file's place is a
        // dictionary lookup, comparing entries would copy two of them, a dozen references, and a
        // large report makes a hundred thousand comparisons).
        struct Key: Comparable {
            var file: Int, line: Int, column: Int, severity: Int, offset: Int
            static func < (l: Key, r: Key) -> Bool {
                (l.file, l.line, l.column, l.severity, l.offset) < (r.file, r.line, r.column, r.severity, r.offset)
            }
        }
        let keys = entries.indices.map { offset in
            Key(file: fileOrder(entries[offset].file), line: entries[offset].location?.line ?? 0,
                column: entries[offset].location?.column ?? 0, severity: entries[offset].finding.severity.rank, offset: offset)
        }
        return keys.sorted(by: <).map(\.offset)
    }

    public static func json(_ report: LintReport) -> JSONValue {
        let findings: [JSONValue] = sorted(report).map { entry in
            var members: [(key: String, value: JSONValue)] = [
                ("file", .string(entry.file)),
                ("line", entry.location.map { .number(String($0.line)) } ?? .null),
                ("column", entry.location.map { .number(String($0.column)) } ?? .null),
                ("severity", .string(entry.finding.severity.rawValue)),
                ("code", .string(entry.finding.code)),
                ("message", .string(entry.finding.message)),
                ("path", .string(entry.finding.path.description)),
                ("statement", entry.finding.statement.map { .number(String($0)) } ?? .null),
                ("sid", entry.finding.sid.map(JSONValue.string) ?? .null),
            ]
            if let context = entry.context { members.append(("document", .string(context))) }
            return .object(members)
        }
        return .object([("findings", .array(findings)), ("summary", summary(report))])
    }

    static func summary(_ report: LintReport) -> JSONValue {
        .object([("files", .number(String(report.files.count)))]
                + Severity.allCases.map { ($0.rawValue, JSONValue.number(String(report.count($0)))) })
    }

    /// One file's findings as `render(_:as: .json)` lays them out in `findings`, each after the
    /// comma and line break that come before it there: a lint of many files can render each
    /// file on the thread that linted it, and `renderJSON(_:fileFindings:inPieces:)` puts them
    /// together. `entries` are the file's, in the order the linter gave them.
    public static func jsonFindings(_ entries: [LintReport.Entry]) -> [UInt8] {
        // One file's findings: `sortedPositions`' order is by position, then most severe first.
        let positions = sortedPositions(entries) { _ in 0 }
        var out: [UInt8] = []
        out.reserveCapacity(400 * entries.count)
        var files: (name: String, json: [UInt8])?  // a file's findings name it alike: escaped once
        for position in positions {
            out += Member.separator
            let entry = entries[position]
            if files?.name != entry.file {
                var json: [UInt8] = []
                JSONWriter.writeString(entry.file, into: &json)
                files = (entry.file, json)
            }
            writeJSON(entry, file: files!.json, into: &out)
        }
        return out
    }

    /// `render(report, as: .json)` put together from each file's `jsonFindings`, in the order of
    /// `report.files`; nil when a file is named twice (its findings are then sorted together).
    public static func renderJSON(_ report: LintReport, fileFindings: [[UInt8]], inPieces write: ([UInt8]) -> Void) -> Void? {
        guard Set(report.files).count == report.files.count, fileFindings.count == report.files.count else { return nil }
        withoutActuallyEscaping(write) { write in
            var writer = JSONReportWriter(write: write)
            for findings in fileFindings { writer.append(fileFindings: findings) }
            writer.finish(report)
        }
        return ()
    }

    /// `JSONWriter.pretty(json(report))`, written as it goes rather than built as a tree of a
    /// dozen values per finding first.
    static func writeJSON(_ report: LintReport, inPieces write: ([UInt8]) -> Void) {
        let positions = sortedPositions(report)
        writeReport(report, inPieces: write) { pieces in
            for (index, position) in positions.enumerated() {
                if index > 0 { pieces.out.append(UInt8(ascii: ",")) }
                JSONWriter.newline(into: &pieces.out, indent: 2)
                writeJSON(report.entries[position], into: &pieces.out)
                pieces.flushIfFull()
            }
            return !positions.isEmpty
        }
    }

    /// Bytes handed on in pieces of about 64 KB.
    struct Pieces {
        var out: [UInt8] = []
        let write: ([UInt8]) -> Void

        mutating func flushIfFull() {
            guard out.count >= 1 << 16 else { return }
            write(out)
            out.removeAll(keepingCapacity: true)
        }
    }

    /// The JSON report around its findings, `{"findings": [...], "summary": {...}}`: `findings`
    /// appends each finding with the separator before it, and says whether there was any.
    static func writeReport(_ report: LintReport, inPieces write: ([UInt8]) -> Void,
                            findings: (inout Pieces) -> Bool) {
        // `Pieces` only holds `write` while this call runs.
        withoutActuallyEscaping(write) { write in
            var pieces = Pieces(write: write)
            pieces.out.reserveCapacity((1 << 16) + 4096)
            pieces.out += reportStart
            writeReportEnd(report, afterFindings: findings(&pieces), into: &pieces.out)
            write(pieces.out)
        }
    }

    /// A JSON report's start, up to its first finding.
    static let reportStart = Array("{\n  \"findings\": [".utf8)

    /// A JSON report's end: the list of findings closed, and the summary.
    static func writeReportEnd(_ report: LintReport, afterFindings hasFindings: Bool, into out: inout [UInt8]) {
        if hasFindings { JSONWriter.newline(into: &out, indent: 1) }
        out.append(UInt8(ascii: "]"))
        out += ",\n  \"summary\": ".utf8
        JSONWriter.write(summary(report), into: &out, indent: 1, pretty: true)
        out += "\n}\n".utf8
    }

    /// One finding of `json(report)`, at its depth in the document (an item of `findings`). The
    /// keys and the layout between them are written as whole runs of bytes; `file`, when
    /// given, is the file's name already written as JSON.
    static func writeJSON(_ entry: LintReport.Entry, file: [UInt8]? = nil, into out: inout [UInt8]) {
        func string(_ value: String?) {
            if let value { JSONWriter.writeString(value, into: &out) } else { out += Member.null }
        }
        func number(_ value: Int?) {
            if let value { JSONWriter.writeDigits(value, into: &out) } else { out += Member.null }
        }
        let finding = entry.finding
        out += Member.file
        if let file { out += file } else { string(entry.file) }
        out += Member.line
        number(entry.location?.line)
        out += Member.column
        number(entry.location?.column)
        // A check's severity and code are plain ASCII.
        out += Member.severity
        out.append(UInt8(ascii: "\""))
        out += finding.severity.rawValue.utf8
        out.append(UInt8(ascii: "\""))
        out += Member.code
        out.append(UInt8(ascii: "\""))
        out += finding.code.utf8
        out.append(UInt8(ascii: "\""))
        out += Member.message
        string(finding.message)
        out += Member.path
        writePath(finding.path, into: &out)
        out += Member.statement
        number(finding.statement)
        out += Member.sid
        string(finding.sid)
        if let context = entry.context {
            out += Member.document
            string(context)
        }
        out += Member.end
    }

    /// `path.description` as a JSON string: its keys escaped one by one (the dots and brackets
    /// between them need no escape), rather than the description made first.
    static func writePath(_ path: FieldPath, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let start = out.count
        var first = true
        for component in path.components {
            switch component {
            case let .key(name):
                // As `description`: no dot before the first key, nor after empty keys alone.
                if !first { out.append(UInt8(ascii: ".")) }
                JSONWriter.writeEscapedContent(name, into: &out)
                if !name.isEmpty { first = false }
            case let .index(index):
                out.append(UInt8(ascii: "["))
                JSONWriter.writeDigits(index, into: &out)
                out.append(UInt8(ascii: "]"))
                first = false
            }
        }
        if out.count == start { out += "(file)".utf8 }
        out.append(UInt8(ascii: "\""))
    }

    /// What `JSONWriter.pretty` writes before each member of a finding (a finding is at depth
    /// 2, its members at depth 3), and after the last.
    private enum Member {
        static let file = Array("{\n      \"file\": ".utf8)
        static let line = key("line"), column = key("column"), severity = key("severity"), code = key("code")
        static let message = key("message"), path = key("path"), statement = key("statement"), sid = key("sid")
        static let document = key("document")
        static let end = Array("\n    }".utf8)
        /// Before each finding but the first: the comma after the one before, and the line break.
        static let separator = Array(",\n    ".utf8)
        static let null = Array("null".utf8)

        static func key(_ name: String) -> [UInt8] { Array(",\n      \"\(name)\": ".utf8) }
    }

    static func sarifLevel(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .securityWarning, .warning: return "warning"
        case .suggestion: return "note"
        }
    }

    /// SARIF 2.1.0: one run, one rule per check, one result per finding.
    public static func sarif(_ report: LintReport, toolVersion: String) -> JSONValue {
        let checks = LintCheck.allCases
        let ruleIndex = Dictionary(uniqueKeysWithValues: checks.enumerated().map { ($1, $0) })
        let rules: [JSONValue] = checks.map { check in
            var properties: [(key: String, value: JSONValue)] = [
                ("severity", .string(check.severity.rawValue)), ("family", .string(check.family.rawValue)),
            ]
            // GitHub code scanning ranks security results by this score (CVSS-like, 0-10).
            if check.severity == .securityWarning {
                properties.append(("tags", .array([.string("security")])))
                properties.append(("security-severity", .string("7.0")))
            }
            return .object([
                ("id", .string(check.rawValue)),
                ("name", .string(check.rawValue)),
                ("shortDescription", .object([("text", .string(check.title))])),
                ("defaultConfiguration", .object([("level", .string(sarifLevel(check.severity)))])),
                ("properties", .object(properties)),
            ])
        }
        let results: [JSONValue] = sorted(report).map { entry in
            var region: [(key: String, value: JSONValue)] = []
            if let location = entry.location {
                region = [("startLine", .number(String(location.line))), ("startColumn", .number(String(location.column)))]
            }
            var physical: [(key: String, value: JSONValue)] = [("artifactLocation", .object([("uri", .string(uri(entry.file)))]))]
            if !region.isEmpty { physical.append(("region", .object(region))) }
            var properties: [(key: String, value: JSONValue)] = [
                ("severity", .string(entry.finding.severity.rawValue)), ("path", .string(entry.finding.path.description)),
            ]
            if let statement = entry.finding.statement { properties.append(("statement", .number(String(statement)))) }
            if let sid = entry.finding.sid { properties.append(("sid", .string(sid))) }
            if let context = entry.context { properties.append(("document", .string(context))) }
            let message = (entry.context.map { $0 + ": " } ?? "") + entry.finding.message
            return .object([
                ("ruleId", .string(entry.finding.code)),
                ("ruleIndex", .number(String(ruleIndex[entry.finding.check] ?? 0))),
                ("level", .string(sarifLevel(entry.finding.severity))),
                ("message", .object([("text", .string(message))])),
                ("locations", .array([.object([("physicalLocation", .object(physical))])])),
                ("properties", .object(properties)),
            ])
        }
        let driver: JSONValue = .object([
            ("name", .string("ecs-role-wizard")),
            ("version", .string(toolVersion)),
            ("rules", .array(rules)),
        ])
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([("tool", .object([("driver", driver)])), ("results", .array(results))])])),
        ])
    }

    /// A relative URI reference for a file path (spaces and other reserved bytes escaped).
    static func uri(_ file: String) -> String {
        if file == "-" { return "stdin" }
        var out = ""
        for byte in file.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) || "/-._~".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
