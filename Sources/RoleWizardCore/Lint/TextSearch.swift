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
