#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a whole input: a regular file with one open, fstat and read (`Data(contentsOf:)` and
/// the copy into an array cost several times as much, which adds up over a folder of a thousand
/// policies), or a pipe, a device or standard input to its end: `lint <(aws iam ...)` reads a
/// pipe, which Foundation refuses to read as a file.
enum FileBytes {
    /// A policy or a spec is kilobytes; more than this is not one (and `/dev/zero` never ends).
    static let limit = 32 << 20

    enum Failure: Error, Equatable {
        /// `strerror`'s words: "No such file or directory", "Permission denied"…
        case cannotOpen(String)
        case isFolder
        case tooLarge
    }

    /// What a command says when it cannot read a file: "cannot be read (no such file)".
    static func describe(_ failure: Failure) -> String {
        switch failure {
        case let .cannotOpen(reason): return "cannot be read (\(reason))"
        case .isFolder: return "is a folder, not a file"
        case .tooLarge: return "is larger than \(limit >> 20) MB, too large for a policy or spec"
        }
    }

    /// The bytes of the file at `path`, or of standard input for "-".
    static func contents(of path: String) -> Result<[UInt8], Failure> {
        if path == "-" { return readToEnd(STDIN_FILENO) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotOpen(reason(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.cannotOpen(reason(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .failure(.isFolder)
        case S_IFREG: return readRegular(descriptor, size: Int(status.st_size))
        default: return readToEnd(descriptor)
        }
    }

    /// "No such file or directory" reads better in lower case, in a sentence: "no such file".
    static func reason(_ code: Int32) -> String {
        if code == ENOENT { return "no such file" }
        return String(cString: strerror(code)).lowercased()
    }

    private static func readRegular(_ descriptor: Int32, size: Int) -> Result<[UInt8], Failure> {
        guard size <= limit else { return .failure(.tooLarge) }
        var failure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            // The size fstat gave; a file that shrinks meanwhile ends early, as cat would read it.
            while count < buffer.count {
                let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = .cannotOpen(reason(errno)) }
                guard got > 0 else { return }
                count += got
            }
        }
        return failure.map { .failure($0) } ?? .success(bytes)
    }

    private static func readToEnd(_ descriptor: Int32) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { return .failure(.cannotOpen(reason(errno))) }
            if got == 0 { return .success(bytes) }
            guard bytes.count + got <= limit else { return .failure(.tooLarge) }
            bytes += chunk[..<got]
        }
    }

    /// Whether the bytes are UTF-8 text. ASCII (every AWS managed policy) is, without decoding.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        let isASCII = bytes.withUnsafeBufferPointer { $0.reduce(0, |) < 0x80 }
        return isASCII || String(validating: bytes, as: UTF8.self) != nil
    }
}

enum Folder {
    /// The names in a folder that holds nothing but regular files, in no particular order; nil
    /// for a folder that holds anything else (a subfolder, a link…), for a link to a folder, and
    /// when the folder cannot be listed. For such a folder FileManager's enumerator lists
    /// exactly these names, but makes a URL of each, at several times the cost.
    static func regularFileNames(in path: String) -> [String]? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(validatingCString: $0)
                }
            }
            guard let name else { return nil }
            if name == "." || name == ".." { continue }
            guard entry.pointee.d_type == UInt8(DT_REG) else { return nil }
            names.append(name)
        }
        return errno == 0 ? names : nil
    }
}

extension Folder {
    /// Whether the path is a regular file, or a link to one.
    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }
}

enum StandardOutput {
    /// Asks for a 1 MB pipe when standard output is one (Linux allows that much without
    /// privileges): a lint's JSON report of the managed policies is 3 MB, and with the default
    /// 64 KB the writer waits for the reader at every piece. Anything else is left as it is.
    static func widenPipe() {
        #if os(Linux)
        var status = stat()
        guard fstat(STDOUT_FILENO, &status) == 0, status.st_mode & S_IFMT == S_IFIFO else { return }
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ in <fcntl.h>, which needs _GNU_SOURCE
        _ = fcntl(STDOUT_FILENO, setPipeSize, 1 << 20)
        #endif
    }
}
