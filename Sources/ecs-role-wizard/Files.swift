#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a whole regular file with one open, fstat and read: `Data(contentsOf:)` and the copy
/// into an array cost several times as much, which adds up over a folder of a thousand policies.
enum FileBytes {
    /// The file's bytes; nil when it is not a regular file or cannot be read for any reason
    /// (the caller then reads it the slow way, to say why).
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            // The size fstat gave, as Data(contentsOf:) reads it.
            while count < buffer.count {
                let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { complete = got == 0 && count == size; return }
                count += got
            }
        }
        return complete ? bytes : nil
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

enum Memory {
    /// Has the C allocator grow its heaps 32 MB at a time rather than a page or so: a lint of
    /// many files grows them thousands of times (a system call each) otherwise. For a batch
    /// command only; untouched pages cost nothing.
    static func growInLargeSteps() {
        #if canImport(Glibc)
        // glibc's mallopt, which its Swift module leaves out; RTLD_DEFAULT is a null handle.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let topPad: Int32 = -2  // M_TOP_PAD in <malloc.h>
        if let symbol = dlsym(nil, "mallopt") {
            _ = unsafeBitCast(symbol, to: Mallopt.self)(topPad, 32 << 20)
        }
        #endif
    }
}
