/// Every action's full name (`kms:Decrypt`) hashed ignoring case, to the position of its A line:
/// what `IAMCatalog.action(_:)` uses, a lint's hot path. Built by the catalog's load scan, which
/// meets every name anyway (~0.5 ms of its ~4), so that lookups need no lock to reach it.
///
/// Measured on a 2-core VM, where a cache miss is dear: two binary searches (service, then
/// action) took ~450 ns a lookup; this takes one hash and, for a name that exists, one
/// comparison with names the caller is about to use anyway.
final class IAMActionTable: Sendable {
    /// Position + 1 of the action whose name hashes here (open addressing, linear probing; 0 is
    /// empty), beside 32 other bits of its hash so that most misses never look at a name.
    private let slots: [(position: Int32, check: UInt32)]
    private let mask: Int
    /// A slot is the hash's top bits: FNV-1a's low bits mix poorly (bit 0 is the XOR of the
    /// bytes' bit 0), and taking them made chains of hundreds of slots.
    private let shift: UInt64

    /// `names` are the A lines' name ranges in `buffer`, in file order; service `s` owns
    /// `firstAction[s]..<firstAction[s + 1]` of them.
    init(_ buffer: UnsafeBufferPointer<UInt8>, prefixes: [Range<Int>], firstAction: [Int], names: [Range<Int>]) {
        var capacity = 1, bits: UInt64 = 0
        while capacity < names.count * 2 {
            capacity <<= 1
            bits += 1
        }
        var slots = [(position: Int32, check: UInt32)](repeating: (0, 0), count: capacity)
        let mask = capacity - 1, shift = 64 - bits
        for service in prefixes.indices {
            let seed = Self.hash(of: IAMCatalogFile.colon, after: Self.hash(UnsafeBufferPointer(rebasing: buffer[prefixes[service]])))
            for position in firstAction[service]..<firstAction[service + 1] {
                let hash = Self.hash(UnsafeBufferPointer(rebasing: buffer[names[position]]), seed: seed)
                var slot = Int(hash >> shift)
                while slots[slot].position != 0 { slot = (slot + 1) & mask }
                slots[slot] = (Int32(position + 1), UInt32(truncatingIfNeeded: hash))
            }
        }
        self.slots = slots
        self.mask = mask
        self.shift = shift
    }

    /// Each position whose name hashes like `fullName` until `isMatch` accepts one; nil if none.
    func position(of fullName: UnsafeBufferPointer<UInt8>, isMatch: (Int) -> Bool) -> Int? {
        let hash = Self.hash(fullName), check = UInt32(truncatingIfNeeded: hash)
        var slot = Int(hash >> shift)
        while slots[slot].position != 0 {
            if slots[slot].check == check, isMatch(Int(slots[slot].position) - 1) { return Int(slots[slot].position) - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a over the bytes in lower case.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes { hash = Self.hash(of: byte, after: hash) }
        return hash
    }

    @inline(__always)
    static func hash(of byte: UInt8, after hash: UInt64) -> UInt64 {
        (hash ^ UInt64(IAMNameMatching.folded(byte))) &* 0x100_0000_01b3
    }
}
