/// Tests on eight bytes at once (a word loaded from a buffer), for the loops that read and
/// write JSON text a word at a time while its bytes are plain, and the lowering of action texts.
/// These are the classic tests for a zero byte and for a byte below a bound: exact as yes-or-no
/// answers.
enum WordBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is `byte`.
    @inline(__always)
    static func contains(_ byte: UInt8, in word: UInt64) -> Bool { marks(byte, in: word) != 0 }

    /// Whether some byte of `word` is below `bound` (at most 0x80).
    @inline(__always)
    static func containsByte(below bound: UInt8, in word: UInt64) -> Bool { marksBytes(below: bound, in: word) != 0 }

    /// The high bit of each byte of `word` that is `byte`. The lowest mark is exact; marks above
    /// it may be wrong (a borrow carries into the next byte), so only the lowest can be trusted.
    @inline(__always)
    private static func marks(_ byte: UInt8, in word: UInt64) -> UInt64 {
        let value = word ^ (ones &* UInt64(byte))
        return (value &- ones) & ~value & highs
    }

    /// The high bit of each byte of `word` below `bound` (at most 0x80); as `marks`, the lowest
    /// mark is exact.
    @inline(__always)
    private static func marksBytes(below bound: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(bound)) & ~word & highs
    }

    /// How many of `word`'s bytes, lowest first (the order in memory of a little-endian load),
    /// are plain as `isPlainJSONText(_:from: 0x20)` has them before the first that is not: 8
    /// when all are. Each test's lowest mark is exact, so the lowest of all of them is.
    @inline(__always)
    static func plainJSONTextCount(_ word: UInt64) -> Int {
        let special = word & highs | marksBytes(below: 0x20, in: word) | marks(0x7F, in: word)
            | marks(UInt8(ascii: "\""), in: word) | marks(UInt8(ascii: "\\"), in: word) | marks(UInt8(ascii: "`"), in: word)
        return special.trailingZeroBitCount >> 3
    }

    /// Whether every byte of `word` is ASCII from `lowest` up to `~`, and none is `"`, `\` or
    /// `` ` ``: text that `JSONWriter` writes as it is (`lowest` 0x20), or that counts one
    /// character each in IAM's size, where spaces count none (`lowest` 0x21).
    @inline(__always)
    static func isPlainJSONText(_ word: UInt64, from lowest: UInt8) -> Bool {
        word & highs == 0 && !containsByte(below: lowest, in: word) && !contains(0x7F, in: word)
            && !contains(UInt8(ascii: "\""), in: word) && !contains(UInt8(ascii: "\\"), in: word) && !contains(UInt8(ascii: "`"), in: word)
    }

    /// The offset of the first `byte` in `word`, whose first byte in memory is its lowest
    /// (`UInt64(littleEndian:)` of a loaded word); nil when there is none. The test for a zero
    /// byte can flag a byte above a true zero as well, never one below it, so its lowest flag
    /// is exact.
    @inline(__always)
    static func firstOffset(of byte: UInt8, in word: UInt64) -> Int? {
        let value = word ^ (ones &* UInt64(byte))
        let flags = (value &- ones) & ~value & highs
        return flags == 0 ? nil : flags.trailingZeroBitCount / 8
    }

    /// `word` (in memory order, as `firstOffset` reads it) with its bytes from `offset` on
    /// replaced by `filler`.
    @inline(__always)
    static func replacing(from offset: Int, in word: UInt64, with filler: UInt8) -> UInt64 {
        let kept: UInt64 = offset >= 8 ? ~0 : (1 << (8 * UInt64(offset))) &- 1
        return word & kept | (ones &* UInt64(filler)) & ~kept
    }

    /// Whether two byte ranges hold the same bytes, compared a word at a time (the generic
    /// `elementsEqual` steps through iterators, several instructions a byte).
    static func equal(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        guard first.count == second.count else { return false }
        var offset = 0
        while offset + 8 <= first.count {
            if first.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != second.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                return false
            }
            offset += 8
        }
        while offset < first.count {
            if first[offset] != second[offset] { return false }
            offset += 1
        }
        return true
    }

    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        text.withUTF8Buffer { equal(UnsafeRawBufferPointer(bytes), UnsafeRawBufferPointer($0)) }
    }

    /// Lowers the ASCII letters of `bytes` in place, eight at a step (`loweredASCII`); other
    /// bytes stay as they are.
    static func lowerASCII(_ bytes: UnsafeMutableRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            bytes.storeBytes(of: loweredASCII(word), toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        for index in offset..<bytes.count where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] += 0x20 }
    }

    /// `word` with each byte from `A` to `Z` lowered; other bytes (non-ASCII ones too) as they
    /// are. Each byte's low seven bits plus 0x3F reach the top bit from `A` up, plus 0x25 from
    /// `[` up, and neither sum carries into the next byte.
    @inline(__always)
    static func loweredASCII(_ word: UInt64) -> UInt64 {
        let sevenBits = word & 0x7F7F_7F7F_7F7F_7F7F
        let fromA = sevenBits &+ 0x3F3F_3F3F_3F3F_3F3F, pastZ = sevenBits &+ 0x2525_2525_2525_2525
        let upper = fromA & ~pastZ & ~word & highs
        return word | upper >> 2
    }
}
