import Foundation

/// Writes an output bundle into a folder all at once: the files go into a fresh folder beside
/// the target, which then takes the target's place by rename. A failure leaves the target as
/// it was.
public enum BundleWriter {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case exists(String)
        case notAFolder(String)
        case io(String)

        public var description: String {
            switch self {
            case let .exists(path): return "\(path) already exists and is not empty; add --force to replace it"
            case let .notAFolder(path): return "\(path) exists and is not a folder"
            case let .io(message): return message
            }
        }
    }

    /// Writes `bundle` to `folder`. An existing non-empty folder is replaced only with `force`.
    public static func write(_ bundle: OutputBundle, to folder: URL, force: Bool) throws {
        let manager = FileManager.default
        let target = folder.standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw Failure.notAFolder(folder.path) }
        let isEmpty = exists ? ((try? manager.contentsOfDirectory(atPath: target.path))?.isEmpty ?? false) : true
        if exists && !isEmpty && !force { throw Failure.exists(folder.path) }

        let parent = target.deletingLastPathComponent()
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(token)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(token)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in bundle.files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
                try manager.setAttributes([.posixPermissions: file.executable ? 0o755 : 0o644], ofItemAtPath: url.path)
            }
            if exists {
                try manager.moveItem(at: target, to: retired)
                do {
                    try manager.moveItem(at: staging, to: target)
                } catch {
                    try? manager.moveItem(at: retired, to: target)
                    throw error
                }
                try? manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch let failure as Failure {
            try? manager.removeItem(at: staging)
            throw failure
        } catch {
            try? manager.removeItem(at: staging)
            throw Failure.io("cannot write \(folder.path): \(error.localizedDescription)")
        }
    }

    /// Writes one file atomically (a temporary file beside it, then rename).
    public static func writeFile(_ contents: String, to url: URL, force: Bool) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: url.path) && !force { throw Failure.exists(url.path) }
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url, options: .atomic)
        } catch {
            throw Failure.io("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
