import ArgumentParser
import Dispatch
import Foundation
import RoleWizardCore
import Synchronization

extension FindingsFormat: ExpressibleByArgument {}
extension LintInputKind: ExpressibleByArgument {}
extension RoleKind: ExpressibleByArgument {}

/// `--fail-on error|security-warning|warning|suggestion`: Severity's names as options are spelled.
enum FailOn: String, CaseIterable, ExpressibleByArgument {
    case error, securityWarning = "security-warning", warning, suggestion

    var severity: Severity {
        switch self {
        case .error: return .error
        case .securityWarning: return .securityWarning
        case .warning: return .warning
        case .suggestion: return .suggestion
        }
    }

    static var allValueDescriptions: [String: String] {
        [
            FailOn.error.rawValue: "fail only on what is invalid or can never take effect",
            FailOn.securityWarning.rawValue: "also on what grants more than it seems to",
            FailOn.warning.rawValue: "also on what is valid but most likely not meant",
            FailOn.suggestion.rawValue: "on any finding",
        ]
    }
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check IAM policy documents and spec files, offline.",
        discussion: """
        Reads policy documents (JSON or YAML) and spec files (everything the spec generates is \
        checked); `-` reads standard input. Each finding has a code, a severity in IAM Access \
        Analyzer's terms (ERROR, SECURITY_WARNING, WARNING, SUGGESTION) and a place. \
        Text output is one line per finding: FILE:LINE:COLUMN: SEVERITY CODE: message.

        Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when a file cannot \
        be read (the others are still checked and reported).
        """)

    @Argument(help: ArgumentHelp("Policy documents or spec files; a folder for every .json, .yaml and .yml file in it and below; - for standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: "text, json or sarif (SARIF 2.1.0).")
    var format: FindingsFormat = .text

    @Option(name: .customLong("fail-on"), help: "The least severe finding that makes the exit status 1.")
    var failOn: FailOn = .securityWarning

    @Option(help: "auto, identity, trust or spec: what the files are. auto decides from each file's content.")
    var kind: LintInputKind = .auto

    @Option(name: .customLong("role-kind"), help: "task, execution or instance: the ECS role the policy documents belong to (enables the ECS checks).")
    var roleKind: RoleKind?

    @Flag(name: .customLong("list-checks"), help: "List every check with its code and severity, and exit.")
    var listChecks = false

    func validate() throws {
        if !listChecks && files.isEmpty { throw ValidationError("name at least one file (or - for standard input)") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        if listChecks {
            for family in LintCheck.Family.allCases {
                print(family.rawValue)
                for check in LintCheck.allCases where check.family == family {
                    print("  " + check.rawValue.padding(toLength: 36, withPad: " ", startingAt: 0)
                          + check.severity.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0) + check.title)
                }
            }
            return
        }
        let expanded = files.map(expand)
        let paths = Array(expanded.joined())
        // A folder with no policy in it is input that cannot be read, like a missing file.
        let sink = ReportSink(unreadable: expanded.contains { $0.isEmpty })
        StandardOutput.widenPipe()
        func write(_ bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }
        // A JSON report is written as the files are linted (each file's findings rendered on the
        // thread that linted it), unless a file is named twice: its findings are then sorted
        // together, once all are in.
        let names = paths.map(Self.name)
        if format == .json && JSONReportWriter.namesEachFileOnce(names) { sink.stream = JSONReportWriter(write: write) }
        lintAll(paths, renderingJSON: sink.stream != nil) { index, outcome in
            sink.report.files.append(names[index])
            switch outcome {
            case let .linted(entries, json):
                sink.report.entries += entries
                sink.stream?.append(fileFindings: json)
            case let .unreadable(why):
                complain(paths[index], why)
                sink.unreadable = true
            }
        }
        let report = sink.report
        if var stream = sink.stream {
            stream.finish(report)
        } else {
            FindingsRenderer.render(report, as: format, toolVersion: ECSRoleWizard.version, inPieces: write)
        }
        // Exit here rather than return: unwinding would free the report and the outcomes (tens
        // of thousands of objects, one by one) just before the process ends anyway.
        Self.exit(withError: ExitCode(sink.unreadable ? 2 : report.reaches(failOn.severity) ? 1 : 0))
    }

    /// What the files' outcomes add up to, as `lintAll` delivers them: changed only by its
    /// deliveries, which come one at a time (`InOrder`), and read once it has returned.
    final class ReportSink: @unchecked Sendable {
        var report = LintReport()
        var stream: JSONReportWriter?
        var unreadable: Bool

        init(unreadable: Bool) { self.unreadable = unreadable }
    }

    /// A file's findings (and, for a JSON report, their JSON, rendered on the thread that
    /// linted the file), or why it could not be read.
    enum Outcome: Sendable {
        case linted([LintReport.Entry], json: [UInt8])
        case unreadable(String)
    }

    static func name(_ file: String) -> String { file == "-" ? "<stdin>" : file }

    /// Reads and lints the files on as many threads as there are cores, each thread taking the
    /// next file when it is done with one, and hands each file's outcome to `deliver` in the
    /// files' order as soon as it and those before it are done (`InOrder`), so the report is
    /// the same as one thread's and is written while the last files are linted. (The linter's
    /// caches are shared, behind locks.)
    func lintAll(_ paths: [String], renderingJSON: Bool, deliver: @escaping @Sendable (Int, Outcome) -> Void) {
        let kind = kind, roleKind = roleKind
        let next = Mutex(0)
        let outcomes = InOrder<Outcome>(count: paths.count, deliver: deliver)
        let threads = max(1, min(ProcessInfo.processInfo.activeProcessorCount, paths.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            Memory.reserveHugePages()
            while true {
                let index = next.withLock { next in
                    defer { next += 1 }
                    return next
                }
                guard index < paths.count else { break }
                let file = paths[index]
                switch Self.read(file) {
                case let .success(bytes):
                    let entries = Self.linter.lint(bytes: bytes, file: Self.name(file), as: kind, roleKind: roleKind)
                    outcomes.put(.linted(entries, json: renderingJSON ? FindingsRenderer.jsonFindings(entries) : []), at: index)
                case let .failure(why):
                    outcomes.put(.unreadable(why.message), at: index)
                }
            }
        }
    }

    /// Kept for the life of the process: freeing the caches of a large lint (~100,000 objects,
    /// one by one) just before the process ends took longer than some whole lints.
    static let linter = FileLinter()

    /// A folder stands for its policy and spec files, its subfolders' included, in name order
    /// (none, said on stderr, when it holds none); anything else for itself. In a folder only
    /// regular files count (or links to them): opening a named pipe would wait for a writer.
    func expand(_ argument: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory),
              isDirectory.boolValue else { return [argument] }
        let base = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
        let found: [String]
        if let names = Folder.regularFileNames(in: argument) {
            found = names.filter(Self.isPolicyFileName).sorted()
        } else {
            let listed = FileManager.default.enumerator(atPath: argument)?.allObjects as? [String] ?? []
            found = listed.filter { Self.isPolicyFileName($0) && Folder.isRegularFile(base + "/" + $0) }.sorted()
        }
        if found.isEmpty { complain(argument, "holds no .json, .yaml or .yml file") }
        return found.map { base + "/" + $0 }
    }

    static func isPolicyFileName(_ name: String) -> Bool {
        switch pathExtension(name).lowercased() {
        case "json", "yaml", "yml": return true
        default: return false
        }
    }

    /// `URL(fileURLWithPath: path).pathExtension` without making a URL, which looks the path up
    /// on disk (a folder of a thousand policies made that a noticeable part of a lint): the last
    /// component's text after its last dot, unless the component starts with "..", ends with a
    /// dot or has its only dot first.
    static func pathExtension(_ path: String) -> String {
        // The last component, found from the end (trailing slashes aside): splitting the whole
        // path made an array per name, a folder of a thousand policies a thousand times.
        var utf8 = path.utf8[...]
        while utf8.last == UInt8(ascii: "/") { utf8 = utf8.dropLast() }
        let component = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8[utf8.index(after: $0)...] } ?? utf8
        guard component.last != UInt8(ascii: "."), !component.starts(with: "..".utf8),
              let dot = component.lastIndex(of: UInt8(ascii: ".")), dot != component.startIndex else { return "" }
        return String(Substring(component[component.index(after: dot)...]))
    }

    /// Why a file cannot be read, as `complain` words it.
    struct Unreadable: Error {
        var message: String
    }

    /// The file's bytes, or why they cannot be read.
    static func read(_ file: String) -> Result<[UInt8], Unreadable> {
        switch FileBytes.contents(of: file) {
        case let .failure(failure):
            return .failure(Unreadable(message: FileBytes.describe(failure)))
        case let .success(bytes):
            guard FileBytes.isUTF8(bytes) else { return .failure(Unreadable(message: "is not UTF-8 text")) }
            return .success(bytes)
        }
    }

    func complain(_ file: String, _ message: String) {
        FileHandle.standardError.write(Data("ecs-role-wizard lint: \(file == "-" ? "standard input" : file) \(message)\n".utf8))
    }
}
