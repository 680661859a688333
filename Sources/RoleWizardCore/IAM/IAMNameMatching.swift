/// Comparing and matching IAM names as ASCII bytes, ignoring case: what lookups in the catalog
/// do hundreds of thousands of times per lint, so nothing here allocates per comparison.
enum IAMNameMatching {
    typealias Bytes = UnsafeBufferPointer<UInt8>
    static let star = UInt8(ascii: "*"), question = UInt8(ascii: "?")

    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8 { (byte >= 65 && byte <= 90) ? byte + 32 : byte }

    /// Negative, zero or positive as `a` sorts before, with or after `b`, ignoring ASCII case:
    /// the order the build script sorts names in (Python's `str.lower()` on ASCII).
    static func compareFolded(_ a: Bytes, _ b: Bytes) -> Int {
        let count = min(a.count, b.count)
        var index = 0
        while index < count {
            // Equal bytes fold equal, so only bytes that differ are folded: the catalog's load
            // compares each name with the one before it, and those share long starts.
            if a[index] != b[index] {
                let x = folded(a[index]), y = folded(b[index])
                if x != y { return Int(x) - Int(y) }
            }
            index += 1
        }
        return a.count - b.count
    }

    /// Whether `text` is `lowercased` (a name already in lower case, as packed names are),
    /// ignoring the case of `text`. Quicker than `compareFolded(...) == 0` on the lookup path:
    /// names of another length are told apart at once, and only one side is folded.
    /// Eight bytes a step (a byte at a time took ~11 instructions a byte).
    static func equalsFolded(_ text: Bytes, lowercased: Bytes) -> Bool {
        guard text.count == lowercased.count else { return false }
        var offset = 0
        while offset < text.count {
            if WordBytes.loweredASCII(word(text, at: offset)) != word(lowercased, at: offset) { return false }
            offset += 8
        }
        return true
    }

    /// The eight bytes of `bytes` from `offset` as a word, the first byte lowest; past the end,
    /// zero bytes (nothing is read beyond the buffer).
    @inline(__always)
    static func word(_ bytes: Bytes, at offset: Int) -> UInt64 {
        if offset + 8 <= bytes.count {
            return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
        }
        var word: UInt64 = 0
        var index = bytes.count
        while index > offset {
            index -= 1
            word = word << 8 | UInt64(bytes[index])
        }
        return word
    }

    /// Negative, zero or positive as `a` sorts before, with or after `b`, byte by byte.
    static func compareExact(_ a: Bytes, _ b: Bytes) -> Int {
        let count = min(a.count, b.count)
        var index = 0
        while index < count {
            if a[index] != b[index] { return Int(a[index]) - Int(b[index]) }
            index += 1
        }
        return a.count - b.count
    }

    /// The position of `key` among names sorted by `compare`, each found as a range of
    /// `buffer`; nil if absent. For building; lookups go through `IAMPackedNames`.
    static func binarySearch(_ key: Bytes, in buffer: Bytes, _ names: [Range<Int>],
                             compare: (Bytes, Bytes) -> Int = compareFolded) -> Int? {
        var low = 0, high = names.count
        while low < high {
            let middle = (low + high) / 2
            let order = compare(Bytes(rebasing: buffer[names[middle]]), key)
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The string's UTF-8 bytes for the length of `body`; a native string is not copied.
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (Bytes) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return try copy.withUTF8(body)
    }

    static func hasWildcard(_ text: some StringProtocol) -> Bool {
        text.utf8.contains { $0 == star || $0 == question }
    }

    /// IAM's wildcard match: `*` is any run of characters (also none), `?` any one character;
    /// `pattern` is in lower case, `text` is compared ignoring case.
    static func matches(_ pattern: [UInt8], _ text: String) -> Bool {
        withBytes(text) { matches(pattern, $0) }
    }

    /// Matched a piece at a time: the pattern is its pieces between stars, the first of which
    /// must start the text, the last of which must end it, and each other of which is found at
    /// its first place after the one before (taking the first place leaves the most room for
    /// the rest, and a piece has a fixed length, `?` standing for one byte). Backtracking
    /// character by character cost ~600 instructions a name for `*Feature*`.
    static func matches(_ pattern: [UInt8], _ text: Bytes) -> Bool {
        pattern.withUnsafeBufferPointer { pattern in
            /// Whether `piece` matches the text at `start` (where it fits).
            func piece(_ piece: Range<Int>, matchesAt start: Int) -> Bool {
                for offset in 0..<piece.count {
                    let expected = pattern[piece.lowerBound + offset]
                    if expected != question && expected != folded(text[start + offset]) { return false }
                }
                return true
            }
            var pieceStart = 0, textStart = 0
            while true {
                let pieceEnd = pattern[pieceStart...].firstIndex(of: star) ?? pattern.count
                let current = pieceStart..<pieceEnd
                if pieceStart == 0 {
                    // Before the first star (or the whole pattern): the text's start.
                    guard current.count <= text.count, piece(current, matchesAt: 0) else { return false }
                    if pieceEnd == pattern.count { return current.count == text.count }
                    textStart = current.count
                } else if pieceEnd == pattern.count {
                    // After the last star: the text's end, after what the other pieces took.
                    return text.count - textStart >= current.count && piece(current, matchesAt: text.count - current.count)
                } else {
                    guard text.count - current.count >= textStart,
                          let found = (textStart...(text.count - current.count)).first(where: { piece(current, matchesAt: $0) }) else { return false }
                    textStart = found + current.count
                }
                pieceStart = pieceEnd + 1
            }
        }
    }

    /// Whether a condition key as a catalog lists it (maybe templated) names `key`, ignoring case.
    static func keyMatches(_ listed: String, _ key: String) -> Bool {
        if let pattern = templatePattern(listed) { return matches(pattern, key) }
        return listed.utf8.count == key.utf8.count && listed.lowercased() == key.lowercased()
    }

    /// Whether `text` ends with `suffix` (in lower case), ignoring case. Compares bytes where
    /// `lowercased()` would make a string: each service's condition keys come through here
    /// when the service is parsed.
    static func hasSuffix(_ text: String, lowercased suffix: String) -> Bool {
        withBytes(text) { text in
            withBytes(suffix) { suffix in
                guard text.count >= suffix.count else { return false }
                let start = text.count - suffix.count
                for index in suffix.indices where folded(text[start + index]) != suffix[index] { return false }
                return true
            }
        }
    }

    /// A templated condition key (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`,
    /// `codebuild:secondarySources/${sourceIdentifier}.location`) as a wildcard pattern in
    /// which each placeholder stands for one or more characters (`?*`); nil for a plain key.
    /// Condition keys hold no `*` or `?` of their own, so the pattern cannot mean more.
    static func templatePattern(_ key: String) -> [UInt8]? {
        // Some services write the tag placeholder as plain text: `secretsmanager:ResourceTag/tag-key`.
        if hasSuffix(key, lowercased: "tag/tag-key") {
            return templatePattern(String(key.dropLast("tag-key".count)) + "${TagKey}")
        }
        // Read in place, and built by appends: each service's condition keys come through here
        // when it is parsed, and searching the string's UTF-8 view and copying it to an array
        // cost more than the rest.
        return withBytes(key) { bytes -> [UInt8]? in
            guard bytes.contains(UInt8(ascii: "$")) || bytes.contains(UInt8(ascii: "<")) else { return nil }
            var pattern: [UInt8] = []
            pattern.reserveCapacity(bytes.count)
            var index = 0, templated = false
            while index < bytes.count {
                let byte = bytes[index]
                let close: UInt8? = byte == UInt8(ascii: "$") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "{")
                    ? UInt8(ascii: "}") : byte == UInt8(ascii: "<") ? UInt8(ascii: ">") : nil
                if let close, let end = bytes[index...].firstIndex(of: close) {
                    pattern.append(question)
                    pattern.append(star)
                    templated = true
                    index = end + 1
                } else {
                    pattern.append(folded(byte))
                    index += 1
                }
            }
            return templated ? pattern : nil
        }
    }
}
