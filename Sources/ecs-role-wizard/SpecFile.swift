import ArgumentParser
import Foundation
import RoleWizardCore

/// Reading a spec from disk for the commands: a readable file and a clean plan, or the
/// problems printed as FILE:LINE:COLUMN lines and exit status 1.
enum SpecFile {
    static func load(_ path: String) throws -> CompiledPlan {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ValidationFailure(["\(path): the file is not UTF-8 text"])
            }
            text = decoded
        } catch let failure as ValidationFailure {
            throw failure
        } catch {
            throw ValidationFailure(["\(path): cannot read the file (\(reason(error)))"])
        }
        let loaded = SpecLoader.load(text: text, file: path)
        guard loaded.diagnostics.isEmpty, let compiled = loaded.compiled else {
            throw ValidationFailure(loaded.diagnostics.map(\.description))
        }
        return compiled
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
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
