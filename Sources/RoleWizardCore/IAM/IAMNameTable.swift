/// Names hashed ignoring case, to their position: what the catalog's hot lookups use. Every
/// action's full name (`kms:Decrypt`) for `IAMCatalog.action(_:)`, and every service prefix for
/// `serviceIndex`. Built by the catalog's load scan, which meets every name anyway, so that
/// lookups need no lock to reach it.
///
/// Measured on a 2-core VM, where a cache miss is dear: two binary searches (service, then
/// action) took ~450 ns an action lookup; this takes one hash and, for a name that exists, one
/// comparison with names the caller is about to use anyway. A prefix took ~500 instructions
/// by binary search (a lint asks ~17,000 times); this takes about a fifth of that.
final class IAMNameTable: Sendable {
    /// Position + 1 of the name that hashes here (open addressing, linear probing; 0 is
    /// empty), beside 32 other bits of its hash so that most misses never look at a name.
    private let slots: [(position: Int32, check: UInt32)]
    private let mask: Int
    /// A slot is the hash's top bits (with FNV-1a, which this table used first, the low bits
    /// mixed poorly and made chains of hundreds of slots).
    private let shift: UInt64

    /// `hashes[position]` is `hash(_:)` of the name at `position`.
    init(hashes: [UInt64]) {
        var capacity = 1, bits: UInt64 = 0
        while capacity < hashes.count * 2 {
            capacity <<= 1
            bits += 1
        }
        var slots = [(position: Int32, check: UInt32)](repeating: (0, 0), count: capacity)
        let mask = capacity - 1, shift = 64 - bits
        for (position, hash) in hashes.enumerated() {
            var slot = Int(hash >> shift)
            while slots[slot].position != 0 { slot = (slot + 1) & mask }
            slots[slot] = (Int32(position + 1), UInt32(truncatingIfNeeded: hash))
        }
        self.slots = slots
        self.mask = mask
        self.shift = shift
    }

    /// The hashes of the A lines' full names (`prefix:name`), in file order. `names` are the
    /// A lines' name ranges in `buffer`; service `s` owns `firstAction[s]..<firstAction[s + 1]`
    /// of them, and its names' hashes start from `seeds[s]`.
    static func actionHashes(_ buffer: UnsafeBufferPointer<UInt8>, seeds: [UInt64], firstAction: [Int], names: [Range<Int>]) -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(names.count)
        for service in seeds.indices {
            for position in firstAction[service]..<firstAction[service + 1] {
                hashes.append(hash(UnsafeBufferPointer(rebasing: buffer[names[position]]), seed: seeds[service]))
            }
        }
        return hashes
    }

    /// The hash the hashes of a service's full action names start from: its prefix's.
    static func actionHashSeed(prefix: UnsafeBufferPointer<UInt8>) -> UInt64 { hash(prefix) }

    /// Each position whose name hashes like `name` until `isMatch` accepts one; nil if none.
    func position(of name: UnsafeBufferPointer<UInt8>, isMatch: (Int) -> Bool) -> Int? {
        position(hash: Self.hash(name), isMatch: isMatch)
    }

    /// Each position whose name has this `hash(_:)` until `isMatch` accepts one; nil if none.
    func position(hash: UInt64, isMatch: (Int) -> Bool) -> Int? {
        let check = UInt32(truncatingIfNeeded: hash)
        var slot = Int(hash >> shift)
        while slots[slot].position != 0 {
            if slots[slot].check == check, isMatch(Int(slots[slot].position) - 1) { return Int(slots[slot].position) - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// A multiply-and-rotate hash of the bytes in ASCII lower case, eight a step, lowered a
    /// word at a time (FNV-1a a byte at a time cost ~10 instructions a byte, for every name
    /// the load hashes and every action the linter looks up). The finish spreads every bit
    /// into the top ones, which pick the slot, and the bottom ones, which are the check.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = (seed ^ UInt64(truncatingIfNeeded: bytes.count)) &* 0xC2B2_AE3D_27D4_EB4F
        var offset = 0
        while offset < bytes.count {
            hash = ((hash ^ WordBytes.loweredASCII(IAMNameMatching.word(bytes, at: offset))) &* 0x9E37_79B9_7F4A_7C15).rotated(by: 29)
            offset += 8
        }
        hash ^= hash >> 31
        hash &*= 0xBF58_476D_1CE4_E5B9
        return hash ^ hash >> 32
    }
}
