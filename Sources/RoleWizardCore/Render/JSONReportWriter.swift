/// A JSON report (`FindingsRenderer.render(_:as: .json)`) written as it goes: the document's
/// start, then the findings (whole files of them as `FindingsRenderer.jsonFindings` rendered
/// them, while later files are still being linted, or one at a time), then the summary. The
/// bytes are handed to `write` in pieces of about 64 KB.
///
/// Files' findings as rendered apart are only for a report that names each file once
/// (`namesEachFileOnce`): the findings of a file named twice are sorted together.
public struct JSONReportWriter {
    private var out: [UInt8] = []
    private let write: ([UInt8]) -> Void
    private var wroteFinding = false

    public init(write: @escaping ([UInt8]) -> Void) {
        self.write = write
        out.reserveCapacity((1 << 16) + 4096)
        out += "{\n  \"findings\": [".utf8
    }

    /// Whether files' findings rendered apart can make the report of `files`.
    public static func namesEachFileOnce(_ files: [String]) -> Bool {
        Set(files).count == files.count
    }

    /// One file's findings, as `FindingsRenderer.jsonFindings` rendered them.
    public mutating func append(fileFindings findings: [UInt8]) {
        guard !findings.isEmpty else { return }
        // The first finding's separator is only the line break.
        out += wroteFinding ? findings[...] : findings.dropFirst()
        wroteFinding = true
        flushIfFull()
    }

    /// One finding, the next in the report's order.
    mutating func append(finding entry: LintReport.Entry) {
        FindingsRenderer.writeJSON(entry, first: !wroteFinding, into: &out)
        wroteFinding = true
        flushIfFull()
    }

    /// Ends the document with the summary of `report`, which holds every file and finding.
    public mutating func finish(_ report: LintReport) {
        if wroteFinding { JSONWriter.newline(into: &out, indent: 1) }
        out.append(UInt8(ascii: "]"))
        out += ",\n  \"summary\": ".utf8
        JSONWriter.write(FindingsRenderer.summary(report), into: &out, indent: 1, pretty: true)
        out += "\n}\n".utf8
        write(out)
        out = []
    }

    private mutating func flushIfFull() {
        guard out.count >= 1 << 16 else { return }
        write(out)
        out.removeAll(keepingCapacity: true)
    }
}
