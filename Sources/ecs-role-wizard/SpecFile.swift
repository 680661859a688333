import ArgumentParser
import Foundation
import RoleWizardCore

/// Reading a spec from disk for the commands: a readable file and a clean plan, or the
/// problems printed as FILE:LINE:COLUMN lines and exit status 1.
enum SpecFile {
    /// `argument` "-" reads standard input, named `<stdin>` in messages.
    static func load(_ argument: String) throws -> CompiledPlan {
        let (path, text) = try read(argument)
        let loaded = SpecLoader.load(text: text, file: path)
        guard loaded.diagnostics.isEmpty, let compiled = loaded.compiled else {
            throw ValidationFailure(loaded.diagnostics.map(\.description))
        }
        return compiled
    }

    /// The spec's name for messages and its text; "-" is standard input, named `<stdin>`.
    static func read(_ argument: String) throws -> (path: String, text: String) {
        let path = argument == "-" ? "<stdin>" : argument
        switch FileBytes.contents(of: argument) {
        case let .failure(.cannotOpen(why)):
            throw ValidationFailure(["\(path): cannot read the file (\(why))"])
        case let .failure(failure):
            throw ValidationFailure(["\(path): " + FileBytes.describe(failure)])
        case let .success(bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ValidationFailure(["\(path): the file is not UTF-8 text"])
            }
            return (path, text)
        }
    }
}

/// Problems to print, one per line on standard error, before exiting with status 1.
struct ValidationFailure: Error {
    var lines: [String]
    init(_ lines: [String]) { self.lines = lines }
}

extension ParsableCommand {
    /// Runs `body`, turning a `ValidationFailure` into its lines on stderr and exit status 1.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as ValidationFailure {
            for line in failure.lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            throw ExitCode(1)
        } catch let failure as BundleWriter.Failure {
            FileHandle.standardError.write(Data("ecs-role-wizard: \(failure)\n".utf8))
            throw ExitCode(1)
        }
    }
}
