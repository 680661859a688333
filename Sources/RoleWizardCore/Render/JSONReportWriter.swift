/// A JSON report (`FindingsRenderer.render(_:as: .json)`) written while the files are still
/// being linted: the document's start, then each file's `FindingsRenderer.jsonFindings` as it
/// comes, in the files' order, then the summary. The bytes are handed to `write` in pieces of
/// about 64 KB, as `render` hands them.
///
/// Only for a report that names each file once: the findings of a file named twice are sorted
/// together, which `render` does.
public struct JSONReportWriter {
    private var out: [UInt8] = []
    private let write: ([UInt8]) -> Void
    private var wroteFinding = false

    public init(write: @escaping ([UInt8]) -> Void) {
        self.write = write
        out.reserveCapacity((1 << 16) + 4096)
        out += FindingsRenderer.reportStart
    }

    /// One file's findings, as `FindingsRenderer.jsonFindings` rendered them.
    public mutating func append(fileFindings findings: [UInt8]) {
        guard !findings.isEmpty else { return }
        // The first finding's separator is only the line break.
        out += wroteFinding ? findings[...] : findings.dropFirst()
        wroteFinding = true
        if out.count >= 1 << 16 {
            write(out)
            out.removeAll(keepingCapacity: true)
        }
    }

    /// Ends the document with the summary of `report`, which holds every file and finding.
    public mutating func finish(_ report: LintReport) {
        FindingsRenderer.writeReportEnd(report, afterFindings: wroteFinding, into: &out)
        write(out)
        out = []
    }
}
