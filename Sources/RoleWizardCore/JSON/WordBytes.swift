/// Tests on eight bytes at once (a word loaded from a buffer), for the loops that read and
/// write JSON text a word at a time while its bytes are plain, and the lowering of action texts.
/// These are the classic tests for a zero byte and for a byte below a bound: exact as yes-or-no
/// answers.
enum WordBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is `byte`.
    @inline(__always)
    static func contains(_ byte: UInt8, in word: UInt64) -> Bool {
        let value = word ^ (ones &* UInt64(byte))
        return (value &- ones) & ~value & highs != 0
    }

    /// Whether some byte of `word` is below `bound` (at most 0x80).
    @inline(__always)
    static func containsByte(below bound: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(bound)) & ~word & highs != 0
    }

    /// Whether every byte of `word` is ASCII from `lowest` up to `~`, and none is `"`, `\` or
    /// `` ` ``: text that `JSONWriter` writes as it is (`lowest` 0x20), or that counts one
    /// character each in IAM's size, where spaces count none (`lowest` 0x21).
    @inline(__always)
    static func isPlainJSONText(_ word: UInt64, from lowest: UInt8) -> Bool {
        word & highs == 0 && !containsByte(below: lowest, in: word) && !contains(0x7F, in: word)
            && !contains(UInt8(ascii: "\""), in: word) && !contains(UInt8(ascii: "\\"), in: word) && !contains(UInt8(ascii: "`"), in: word)
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
