import Testing
@testable import RoleWizardCore

/// `WordBytes` answers as a byte-by-byte look at the same eight bytes does.
@Suite struct WordBytesTests {
    static func bytes(of word: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) } }

    @Test func answersAsEachByteDoes() {
        var state: UInt64 = 7
        // Words built from bytes near the edges the tests care about, so each answer comes up
        // both ways, and every byte position holds each of them.
        let interesting: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x21, 0x22, 0x40, 0x41, 0x5A, 0x5B, 0x5C, 0x60, 0x7E, 0x7F, 0x80, 0xA8, 0xC1, 0xDA, 0xE2, 0xFF]
        for _ in 0..<50_000 {
            var word: UInt64 = 0
            for position in 0..<8 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let byte = state >> 60 < 12 ? UInt8(ascii: "a") + UInt8(state >> 33 & 15) : interesting[Int(state >> 33) % interesting.count]
                word |= UInt64(byte) << (8 * UInt64(position))
            }
            let bytes = Self.bytes(of: word)
            for byte in [UInt8(0x22), 0x5C, 0x7F, 0x00] {
                #expect(WordBytes.contains(byte, in: word) == bytes.contains(byte))
            }
            #expect(WordBytes.containsByte(below: 0x20, in: word) == bytes.contains { $0 < 0x20 })
            #expect(Self.bytes(of: WordBytes.loweredASCII(word)) == bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 })
            for lowest in [UInt8(0x20), 0x21] {
                let plain = bytes.allSatisfy { $0 >= lowest && $0 <= 0x7E && $0 != 0x22 && $0 != 0x5C && $0 != 0x60 }
                #expect(WordBytes.isPlainJSONText(word, from: lowest) == plain, "\(bytes) from \(lowest)")
            }
            let plainCount = bytes.firstIndex { !($0 >= 0x20 && $0 <= 0x7E && $0 != 0x22 && $0 != 0x5C && $0 != 0x60) } ?? 8
            #expect(WordBytes.plainJSONTextCount(word) == plainCount, "\(bytes)")
        }
    }
}

extension WordBytesTests {
    /// The word-at-a-time comparison against `==` of arrays, for every length around a word and
    /// a difference at every offset.
    @Test func equalBytesAtEveryLengthAndOffset() {
        for count in 0..<20 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: 0x41 + $0) }
            #expect(bytes.withUnsafeBytes { first in bytes.withUnsafeBytes { WordBytes.equal(first, $0) } })
            for offset in 0..<count {
                var other = bytes
                other[offset] ^= 0x20
                #expect(!bytes.withUnsafeBytes { first in other.withUnsafeBytes { WordBytes.equal(first, $0) } }, "\(count) \(offset)")
            }
            let longer = bytes + [0x41]
            #expect(!bytes.withUnsafeBytes { first in longer.withUnsafeBytes { WordBytes.equal(first, $0) } })
        }
    }
}

extension WordBytesTests {
    /// The first offset of a byte, and a word's tail replaced, as the byte-by-byte look finds them.
    @Test func firstOffsetAndReplacedTailAsEachByteDoes() {
        var state: UInt64 = 11
        let interesting: [UInt8] = [0x00, 0x01, 0x21, 0x22, 0x23, 0x5C, 0x80, 0xA2, 0xFF]
        for _ in 0..<20_000 {
            var word: UInt64 = 0
            for position in 0..<8 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                word |= UInt64(interesting[Int(state >> 33) % interesting.count]) << (8 * UInt64(position))
            }
            let bytes = Self.bytes(of: word)
            for byte in [UInt8(0x22), 0x00, 0xFF, 0x23] {
                #expect(WordBytes.firstOffset(of: byte, in: word) == bytes.firstIndex(of: byte), "\(bytes) \(byte)")
            }
            for offset in 0...8 {
                let replaced = Self.bytes(of: WordBytes.replacing(from: offset, in: word, with: 0x61))
                #expect(replaced == Array(bytes.prefix(offset)) + Array(repeating: 0x61, count: 8 - offset))
            }
        }
    }
}

extension WordBytesTests {
    /// `Glob.lowered` (a word at a time) as the byte-by-byte lowering, at every length and for the
    /// bytes around the letters (`@`, `[`, `` ` ``, `{`) and beyond ASCII.
    @Test func globLoweringAsEachByteIs() {
        let pieces = "@AZ[`az{0:*?-_ÄéÉ".map(String.init) + ["s3:GetObject", "ssmmessages:Open*"]
        for text in RandomTexts(of: pieces, count: 2_000, seed: 3) {
            #expect(Glob.lowered(text) == Glob.lowered(bytes: Array(text.utf8)), "\(text)")
            #expect(Glob.lowered(text[...]) == Glob.lowered(bytes: Array(text.utf8)), "\(text)")
        }
    }
}
