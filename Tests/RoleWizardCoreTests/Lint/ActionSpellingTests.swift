import Testing
@testable import RoleWizardCore

/// `ActionSpelling` reads eight bytes a step; it says what a look at one byte at a time says.
@Suite struct ActionSpellingTests {
    /// The plain reading: each byte in turn.
    static func reference(_ text: String) -> (lowered: [UInt8], colon: Int?, prefixWildcard: Bool, nameWildcard: Bool, isASCII: Bool) {
        let bytes = Array(text.utf8)
        let colon = bytes.firstIndex(of: UInt8(ascii: ":"))
        func hasWildcard(_ part: ArraySlice<UInt8>) -> Bool { part.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") } }
        return (bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, colon,
                hasWildcard(bytes[..<(colon ?? bytes.count)]), colon.map { hasWildcard(bytes[($0 + 1)...]) } ?? false,
                bytes.allSatisfy { $0 < 0x80 })
    }

    @Test func readsAsOneByteAtATime() {
        // Letters at the edges of A-Z and a-z, the bytes it looks for, and characters whose
        // UTF-8 bytes have A-Z in their low seven bits (é is C3 A9, ف is D9 81, ځ is DA 81).
        let pieces = ["@", "A", "M", "Z", "[", "`", "a", "z", "{", ":", "*", "?", "é", "ف", "ځ", "s3", "Get", "Object", "\u{7F}"]
        for text in RandomTexts(of: pieces, count: 20_000) {
            let spelling = ActionSpelling(text), expected = Self.reference(text)
            #expect(spelling.lowered == expected.lowered, "\(text)")
            #expect(spelling.colon == expected.colon, "\(text)")
            #expect(spelling.prefixHasWildcard == expected.prefixWildcard, "\(text)")
            #expect(spelling.nameHasWildcard == expected.nameWildcard, "\(text)")
            #expect(spelling.isASCII == expected.isASCII, "\(text)")
        }
    }
}
