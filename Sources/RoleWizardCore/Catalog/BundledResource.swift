import Foundation

/// The bytes of a file the package ships as a resource (the catalogs).
enum BundledResource {
    /// Read straight into an array: `Data(contentsOf:)` and then `[UInt8](data)` reads the file
    /// and copies it once more, which was a tenth of a one-file lint's time for the 1.7 MB IAM
    /// catalog. Nil when the resource is missing or cannot be read.
    static func bytes(named name: String, extension fileExtension: String) -> [UInt8]? {
        guard let url = Bundle.module.url(forResource: name, withExtension: fileExtension) else { return nil }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    complete = false
                    return
                }
                count += got
            }
        }
        return complete ? bytes : nil
    }
}
