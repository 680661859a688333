import Foundation

/// Sorted names in lower case, packed end to end: what lookups binary-search. Searching the
/// names where they lie in the 1.7 MB catalog costs a cache miss per step (~500 ns a lookup);
/// packed, a service's names fit in a few kilobytes and a lookup takes a small fraction of that.
struct IAMPackedNames: Sendable {
    private let bytes: [UInt8]
    /// Where each name ends in `bytes` (it starts where the one before it ends).
    private let ends: [Int32]

    /// `names` must be sorted ignoring case, as the catalog file is.
    init(_ buffer: UnsafeBufferPointer<UInt8>, _ names: some Collection<Range<Int>>) {
        var ends: [Int32] = []
        ends.reserveCapacity(names.count)
        // Copied name by name, then folded in one loop over all of them: appending byte by
        // byte checked the array's room for every byte, and the one loop runs many bytes a step.
        self.bytes = [UInt8](unsafeUninitializedCapacity: names.reduce(0) { $0 + $1.count }) { packed, count in
            for name in names {
                _ = UnsafeMutableBufferPointer(rebasing: packed[count..<(count + name.count)]).initialize(from: buffer[name])
                count += name.count
                ends.append(Int32(count))
            }
            for index in 0..<count { packed[index] = IAMNameMatching.folded(packed[index]) }
        }
        self.ends = ends
    }

    var count: Int { ends.count }

    /// The position of `key` (in any case), or nil.
    func position(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !key.isEmpty else { return nil }
        // Fold the key once, on the stack, so that each step is a memcmp.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: key.count) { folded in
            for index in key.indices { folded[index] = IAMNameMatching.folded(key[index]) }
            return bytes.withUnsafeBufferPointer { packed in
                ends.withUnsafeBufferPointer { ends in
                    var low = 0, high = ends.count
                    while low < high {
                        let middle = (low + high) / 2
                        let start = middle == 0 ? 0 : Int(ends[middle - 1]), count = Int(ends[middle]) - start
                        // The first byte decides most steps (service prefixes mostly differ
                        // there), and comparing it here is much cheaper than calling memcmp.
                        var order = count == 0 ? -1 : Int(packed[start]) - Int(folded[0])
                        if order == 0 { order = Int(memcmp(packed.baseAddress! + start, folded.baseAddress!, min(count, key.count))) }
                        if order == 0 { order = count - key.count }
                        if order == 0 { return middle }
                        if order < 0 { low = middle + 1 } else { high = middle }
                    }
                    return nil
                }
            }
        }
    }

    /// The positions of the names that start with `prefix` (lower case): a run, since the
    /// names are sorted.
    func positions(withPrefix prefix: ArraySlice<UInt8>) -> Range<Int> {
        bytes.withUnsafeBufferPointer { packed in
            prefix.withUnsafeBufferPointer { prefix in
                // The first name not ordered before the prefix; a name that starts with the
                // prefix compares equal on the prefix's bytes.
                func order(_ position: Int) -> Int {
                    let start = position == 0 ? 0 : Int(ends[position - 1]), count = Int(ends[position]) - start
                    let compared = Int(memcmp(packed.baseAddress! + start, prefix.baseAddress!, min(count, prefix.count)))
                    return compared != 0 ? compared : (count < prefix.count ? -1 : 0)
                }
                guard !prefix.isEmpty else { return 0..<ends.count }
                var low = 0, high = ends.count
                while low < high {
                    let middle = (low + high) / 2
                    if order(middle) < 0 { low = middle + 1 } else { high = middle }
                }
                var end = low
                while end < ends.count && order(end) == 0 { end += 1 }
                return low..<end
            }
        }
    }

    /// The `position`th name, in lower case.
    func withName<R>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { packed in
            let start = position == 0 ? 0 : Int(ends[position - 1])
            return body(UnsafeBufferPointer(rebasing: packed[start..<Int(ends[position])]))
        }
    }
}
