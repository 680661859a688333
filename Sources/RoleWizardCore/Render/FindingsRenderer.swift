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
        let keys = entries.indices.map { offset in
            SortKey(file: fileOrder(entries[offset].file), location: entries[offset].location,
                    severity: entries[offset].finding.severity, offset: offset)
        }
        return keys.sorted(by: <).map(\.offset)
    }

    /// An entry's place in the report, worked out once rather than at each comparison (a file's
    /// place is a dictionary lookup, comparing entries would copy two of them, a dozen
    /// references, and a large report makes a hundred thousand comparisons).
    struct SortKey: Comparable {
        var file: Int, line: Int, column: Int, severity: Int
        /// The entry's position in the entries sorted.
        var offset: Int

        init(file: Int, location: SourceLocation?, severity: Severity, offset: Int) {
            (self.file, line, column, self.severity, self.offset) = (file, location?.line ?? 0, location?.column ?? 0, severity.rank, offset)
        }

        static func < (l: SortKey, r: SortKey) -> Bool {
            (l.file, l.line, l.column, l.severity, l.offset) < (r.file, r.line, r.column, r.severity, r.offset)
        }
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

    /// `render(report, as: .json)` put together from each file's `jsonFindings`, in the order of
    /// `report.files`; nil when a file is named twice (its findings are then sorted together).
    public static func renderJSON(_ report: LintReport, fileFindings: [[UInt8]], inPieces write: ([UInt8]) -> Void) -> Void? {
        guard JSONReportWriter.namesEachFileOnce(report.files), fileFindings.count == report.files.count else { return nil }
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
        withoutActuallyEscaping(write) { write in
            var writer = JSONReportWriter(write: write)
            for position in sortedPositions(report) { writer.append(finding: report.entries[position]) }
            writer.finish(report)
        }
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
