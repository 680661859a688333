import Foundation

extension StringProtocol {
    /// `contains(needle)` as the checks have always asked it (Foundation's search, which
    /// compares composed characters), but a byte search when the text is ASCII, where the
    /// answers agree (the needles are ASCII): Foundation's costs about a microsecond a call,
    /// which the linter would pay for every resource and condition key it reads.
    func containsText(_ needle: StaticString) -> Bool {
        let quick: Bool?? = utf8.withContiguousStorageIfAvailable { text in
            needle.withUTF8Buffer { needle -> Bool? in
                guard !needle.isEmpty, text.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard needle.count <= text.count else { return false }
                return (0...(text.count - needle.count)).contains { start in
                    text[start] == needle[0] && UnsafeBufferPointer(rebasing: text[start..<(start + needle.count)]).elementsEqual(needle)
                }
            }
        }
        return (quick ?? nil) ?? contains(needle.description)
    }
}

extension StringProtocol {
    /// Exactly "*": comparing a long string with "*" is a call into the runtime, this is two loads.
    var isStar: Bool { utf8.count == 1 && utf8.first == UInt8(ascii: "*") }

    /// Every byte ASCII, read as one buffer where the text is contiguous (String.UTF8View's
    /// iterator costs several instructions a byte).
    var isAllASCII: Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}

extension String {
    /// `hasPrefix(prefix)` for a prefix of printable ASCII, answered from the text's first bytes
    /// where they settle it (`hasPrefix` compares characters, a call into the runtime that cost
    /// ~250 instructions for each resource the linter reads).
    func hasASCIIPrefix(_ prefix: StaticString) -> Bool {
        asciiAffixAnswer(prefix, atEnd: false) ?? hasPrefix(prefix.description)
    }

    /// `hasSuffix(suffix)` for a suffix of printable ASCII, as `hasASCIIPrefix`.
    func hasASCIISuffix(_ suffix: StaticString) -> Bool {
        asciiAffixAnswer(suffix, atEnd: true) ?? hasSuffix(suffix.description)
    }

    /// The answer from the bytes at one end, nil when they do not settle it. An ASCII byte is a
    /// character equivalent only to itself, and is one of its own unless a character beyond
    /// ASCII joins it (a combining mark after it, a prepended one before): so ASCII bytes that
    /// differ from the affix's answer no, and equal ones with ASCII (or nothing) next to them
    /// answer yes.
    private func asciiAffixAnswer(_ affix: StaticString, atEnd: Bool) -> Bool? {
        let answer: Bool?? = utf8.withContiguousStorageIfAvailable { text in
            let count = affix.utf8CodeUnitCount
            guard text.count >= count else { return text.allSatisfy { $0 < 0x80 } ? false : nil }
            let start = atEnd ? text.count - count : 0
            var differs = false
            for offset in 0..<count {
                let byte = text[start + offset]
                if byte >= 0x80 { return nil }
                if byte != affix.utf8Start[offset] { differs = true }
            }
            if differs { return false }
            let neighbor = atEnd ? start - 1 : count
            return neighbor < 0 || neighbor >= text.count || text[neighbor] < 0x80 ? true : nil
        }
        return answer ?? nil
    }
}
