import ArgumentParser
import Foundation
import RoleWizardCore

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
        let linter = FileLinter()
        var report = LintReport()
        let expanded = files.map(expand)
        var unreadable = expanded.contains { $0.isEmpty }
        for file in expanded.joined() {
            let name = file == "-" ? "<stdin>" : file
            report.files.append(name)
            guard let bytes = read(file) else { unreadable = true; continue }
            report.entries += linter.lint(bytes: bytes, file: name, as: kind, roleKind: roleKind)
        }
        let output = FindingsRenderer.render(report, as: format, toolVersion: ECSRoleWizard.version)
        FileHandle.standardOutput.write(Data(output.utf8))
        if unreadable { throw ExitCode(2) }
        if report.reaches(failOn.severity) { throw ExitCode(1) }
    }

    /// A folder stands for its policy and spec files, in name order (none, said on stderr, when
    /// it holds none); anything else for itself.
    func expand(_ argument: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory),
              isDirectory.boolValue else { return [argument] }
        let base = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
        let found = (FileManager.default.enumerator(atPath: argument)?.allObjects as? [String] ?? [])
            .filter { ["json", "yaml", "yml"].contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
            .sorted()
        if found.isEmpty { complain(argument, "holds no .json, .yaml or .yml file") }
        return found.map { base + "/" + $0 }
    }

    /// The file's bytes, or nil after saying on stderr why it cannot be read.
    func read(_ file: String) -> [UInt8]? {
        let data: Data
        do {
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            }
        } catch {
            complain(file, "cannot be read (\(SpecFile.reason(error)))")
            return nil
        }
        let bytes = [UInt8](data)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            complain(file, "is not UTF-8 text")
            return nil
        }
        return bytes
    }

    func complain(_ file: String, _ message: String) {
        FileHandle.standardError.write(Data("ecs-role-wizard lint: \(file == "-" ? "standard input" : file) \(message)\n".utf8))
    }
}
