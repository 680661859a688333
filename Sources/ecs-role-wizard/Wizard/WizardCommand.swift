import ArgumentParser
import Foundation
import RoleWizardCore
import Screens

struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "Open the interactive wizard (the default).",
        discussion: "Walks through roles, trust, managed and inline policies, names, review and export. Needs a terminal; without one, use `generate`.")

    @Argument(help: "A spec file to edit.")
    var spec: String?

    @Option(help: "Start from this preset.")
    var preset: String?

    func validate() throws {
        if let preset, Presets.named(preset) == nil {
            throw ValidationError("no preset named '\(preset)'; presets: " + Presets.all.map(\.name).joined(separator: ", "))
        }
        if spec != nil && preset != nil { throw ValidationError("give a spec file or --preset, not both") }
        if spec == "-" { throw ValidationError("the wizard reads its keys from standard input; name the spec file instead of -") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let term = environment["TERM"] ?? ""
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, !term.isEmpty, term != "dumb" else {
            FileHandle.standardError.write(Data("""
            ecs-role-wizard: the wizard needs a terminal (standard input and output a TTY, TERM set and not dumb).
            Without one, write a spec (ecs-role-wizard init --preset NAME -o roles.yaml) and run:
              ecs-role-wizard generate roles.yaml --format aws-cli --out DIR

            """.utf8))
            throw ExitCode(2)
        }
        var plan = Plan()
        var step = Step.start
        if let spec {
            try reportingFailures {
                let (path, text) = try SpecFile.read(spec)
                let read = SpecReader.read(text: text)
                guard let loaded = read.plan, read.problems.isEmpty else {
                    throw ValidationFailure(SpecLoader.load(text: text, file: path).diagnostics.map(\.description))
                }
                plan = loaded
                step = .roles
            }
        } else if let preset {
            plan = Presets.named(preset)!.plan()
            step = .roles
        }
        setlocale(LC_ALL, "")
        let drafts = DraftStore.standard()
        let draft = step == .start ? drafts.load() : nil
        let terminal = try Terminal(color: environment["NO_COLOR"].map(\.isEmpty) ?? true)
        let model = WizardModel(plan: plan, step: step, glyphs: Terminal.localeIsUTF8 ? .unicode : .ascii,
                                draft: draft, workingDirectory: FileManager.default.currentDirectoryPath)
        let status = AppLoop(model: model, terminal: terminal, drafts: drafts).run()
        if status != 0 { throw ExitCode(status) }
    }
}
