/// Writes a lint report as text (one line per finding), JSON, or SARIF 2.1.0 for code-scanning tools.
public enum FindingsFormat: String, Sendable, CaseIterable {
    case text, json, sarif
}

public enum FindingsRenderer {
    public static func render(_ report: LintReport, as format: FindingsFormat, toolVersion: String) -> String {
        switch format {
        case .text: return text(report)
        case .json: return JSONWriter.pretty(json(report))
        case .sarif: return JSONWriter.pretty(sarif(report, toolVersion: toolVersion))
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
        let order = Dictionary(report.files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return report.entries.enumerated().sorted { lhs, rhs in
            let l = lhs.element, r = rhs.element
            let lf = order[l.file] ?? Int.max, rf = order[r.file] ?? Int.max
            if lf != rf { return lf < rf }
            let ll = l.location.map { ($0.line, $0.column) } ?? (0, 0), rl = r.location.map { ($0.line, $0.column) } ?? (0, 0)
            if ll != rl { return ll < rl }
            if l.finding.severity != r.finding.severity { return l.finding.severity > r.finding.severity }
            return lhs.offset < rhs.offset
        }.map(\.element)
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
        let summary: [(key: String, value: JSONValue)] = [("files", .number(String(report.files.count)))]
            + Severity.allCases.map { ($0.rawValue, JSONValue.number(String(report.count($0)))) }
        return .object([("findings", .array(findings)), ("summary", .object(summary))])
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
