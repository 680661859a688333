import Foundation
import RoleWizardCore
import Screens

/// Signals that end the wizard (SIGTERM, SIGHUP, SIGINT). A handler may only set a flag; the
/// loop notices it within one read timeout and restores the terminal.
nonisolated(unsafe) private var pendingSignal: Int32 = 0

/// Runs the wizard: reads events, updates the model, draws frames, and runs the effects
/// `Wizard.update` returns (files, the editor, the draft).
final class AppLoop {
    private var model: WizardModel
    private let terminal: Terminal
    private let drafts: DraftStore
    private var keepDraft = true

    init(model: WizardModel, terminal: Terminal, drafts: DraftStore) {
        self.model = model
        self.terminal = terminal
        self.drafts = drafts
    }

    /// Until the person quits or a signal arrives. Returns the exit status.
    func run() -> Int32 {
        for signalNumber in [SIGTERM, SIGHUP, SIGINT] {
            signal(signalNumber) { number in pendingSignal = number }
        }
        let size = terminal.size
        model.size = size
        terminal.draw(Wizard.render(model))
        // The catalogs load after the first frame, so the wizard shows at once: the managed
        // policies first (steps 3 and 6 wait for them), then the IAM catalog the findings and
        // the action completion need.
        if dispatch(.catalogLoaded(ManagedPolicyCatalog.bundled)) { return finish(0) }
        if dispatch(.iamCatalogLoaded(IAMCatalog.bundled)) { return finish(0) }
        while true {
            if pendingSignal != 0 { return finish(128 + pendingSignal) }
            guard let event = terminal.read() else { continue }
            if dispatch(event) { return finish(0) }
        }
    }

    /// Updates, runs effects (which may produce more events), redraws. True when quitting.
    private func dispatch(_ event: Event) -> Bool {
        var queue = [event]
        while !queue.isEmpty {
            let effects = Wizard.update(&model, queue.removeFirst())
            for effect in effects {
                switch perform(effect) {
                case .quit: return true
                case let .event(next)?: queue.append(next)
                case nil: break
                }
            }
        }
        terminal.draw(Wizard.render(model))
        return false
    }

    private enum Outcome {
        case quit
        case event(Event)
    }

    private func perform(_ effect: Screens.Effect) -> Outcome? {
        switch effect {
        case let .saveDraft(plan):
            do { try drafts.save(plan) } catch {
                return .event(.effectFailed(EffectFailure("cannot save the draft at \(drafts.url.path): \(error.localizedDescription)")))
            }
            return nil
        case let .export(request):
            return .event(.exportFinished(Exporter.write(request, catalog: model.catalog ?? .bundled)))
        case let .openEditor(text, target):
            return .event(.editorFinished(text: terminal.suspended { Editor.edit(text) }, target: target))
        case let .loadSpec(path):
            // A pipe or a device would hold the screen until it ends; a typed path names a file.
            if FileManager.default.fileExists(atPath: path) && !Folder.isRegularFile(path) {
                return .event(.specLoaded(path: path, .failure(EffectFailure("is not a regular file"))))
            }
            switch FileBytes.contents(of: path) {
            case let .failure(.cannotOpen(why)):
                return .event(.specLoaded(path: path, .failure(EffectFailure("cannot read it (\(why))"))))
            case let .failure(failure):
                return .event(.specLoaded(path: path, .failure(EffectFailure(FileBytes.describe(failure)))))
            case let .success(bytes):
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    return .event(.specLoaded(path: path, .failure(EffectFailure("is not UTF-8 text"))))
                }
                return .event(.specLoaded(path: path, .success(text)))
            }
        case let .quit(keep):
            keepDraft = keep
            return .quit
        }
    }

    private func finish(_ status: Int32) -> Int32 {
        terminal.stop()
        if keepDraft {
            if !model.plan.roles.isEmpty { print("ecs-role-wizard: your plan is kept as a draft in \(drafts.url.path); run ecs-role-wizard to resume it") }
        } else {
            drafts.delete()
        }
        return status
    }
}

/// Writing an export through the core.
enum Exporter {
    static func write(_ request: ExportRequest, catalog: ManagedPolicyCatalog) -> Result<[String], EffectFailure> {
        let compiled = PlanCompiler(catalog: catalog).compile(request.plan)
        guard compiled.isValid else { return .failure(EffectFailure("the plan has \(compiled.problems.count) problems")) }
        var bundle = OutputBundle()
        for format in request.formats { bundle.merge(format.render(compiled)) }
        do {
            try BundleWriter.write(bundle, to: URL(fileURLWithPath: request.folder), force: request.force)
            return .success(bundle.files.map(\.path))
        } catch BundleWriter.Failure.exists {
            return .failure(EffectFailure("\(request.folder) exists", folderExists: true))
        } catch {
            return .failure(EffectFailure("\(error)"))
        }
    }
}

/// `$VISUAL`, then `$EDITOR`, then `vi`, on a temporary file.
enum Editor {
    static func edit(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ecs-role-wizard-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data(text.utf8).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // The editor command may carry arguments ("code --wait"); the file is passed as $1.
            process.arguments = ["-c", editor + " \"$1\"", "sh", file.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            return nil
        }
    }
}
