import Testing
@testable import RoleWizardCore

/// The JSON report is written straight to bytes, in pieces; it must be exactly what the tree
/// `FindingsRenderer.json` builds reads as.
@Suite struct FindingsRendererTests {
    static func report(findings count: Int) -> LintReport {
        var report = LintReport()
        report.files = ["b.json", "a \"quoted\".json", "ünï.yaml"]
        let checks = LintCheck.allCases
        for index in 0..<count {
            var finding = Finding(checks[index % checks.count], "message \(index) with \"quotes\", a `tick`, a tab\tand é",
                                  path: FieldPath.root / "Statement" / (index % 3) / "Action" / index,
                                  statement: index % 4 == 0 ? nil : index % 3, sid: index % 5 == 0 ? "Sid\(index)" : nil)
            finding.location = index % 7 == 0 ? nil : SourceLocation(line: (index * 37) % 101 + 1, column: index % 13 + 1)
            report.entries.append(LintReport.Entry(file: report.files[index % 3], location: finding.location, finding: finding,
                                                   context: index % 6 == 0 ? "role app, inline policy p\(index)" : nil))
        }
        return report
    }

    @Test func severitiesRankInTheOrderTheyAreListed() {
        #expect(Severity.allCases.map(\.rank) == Array(Severity.allCases.indices))
        #expect(Severity.allCases.sorted(by: >) == Severity.allCases)
    }

    @Test func pathsAreWrittenAsTheirDescription() {
        let paths: [FieldPath] = [.root, .root / "", .root / "" / "x", .root / "Statement" / 0 / "Action" / 12, .root / 3 / "a\"b" / "",
                                  .root / "ünï" / "`tick`" / 7, FieldPath([.key(""), .index(0), .key("")])]
        for path in paths {
            var out: [UInt8] = []
            FindingsRenderer.writePath(path, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == JSONWriter.quoted(path.description), "\(path.components)")
        }
    }

    @Test(arguments: [0, 1, 5, 2_000])
    func jsonIsTheTreeWritten(count: Int) {
        let report = Self.report(findings: count)
        var pieces: [[UInt8]] = []
        FindingsRenderer.render(report, as: .json, toolVersion: "1") { pieces.append($0) }
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == JSONWriter.pretty(FindingsRenderer.json(report)))
        #expect(FindingsRenderer.render(report, as: .json, toolVersion: "1") == JSONWriter.pretty(FindingsRenderer.json(report)))
        if count == 2_000 { #expect(pieces.count > 1) }
    }

    @Test(arguments: [0, 1, 5, 2_000])
    func jsonPutTogetherFromEachFilesFindingsIsTheSame(count: Int) {
        let report = Self.report(findings: count)
        let fileFindings = report.files.map { file in FindingsRenderer.jsonFindings(report.entries.filter { $0.file == file }) }
        var out: [UInt8] = []
        #expect(FindingsRenderer.renderJSON(report, fileFindings: fileFindings) { out += $0 } != nil)
        #expect(String(decoding: out, as: UTF8.self) == JSONWriter.pretty(FindingsRenderer.json(report)))

        var twice = report
        twice.files.append(report.files[0])
        #expect(FindingsRenderer.renderJSON(twice, fileFindings: fileFindings + [[]]) { _ in } == nil)
    }
}
