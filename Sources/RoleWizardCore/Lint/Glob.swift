/// IAM's wildcards, `*` (any run) and `?` (any one character), over bytes.
enum Glob {
    /// The text's bytes with ASCII letters lowered; from its buffer where it has one (a
    /// byte at a time from its UTF-8 view cost ~1,500 instructions a name, and the linter lowers
    /// every action a wildcard matches).
    static func lowered(_ text: some StringProtocol) -> [UInt8] {
        text.utf8.withContiguousStorageIfAvailable(lowered) ?? lowered(bytes: text.utf8)
    }

    /// A copy of the bytes, lowered in place eight at a step (`[UInt8](unsafeUninitializedCapacity:)`
    /// is not specialized here, and would look up the array's metadata at every call).
    static func lowered(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var lowered = Array(bytes)
        lowered.withUnsafeMutableBytes(WordBytes.lowerASCII)
        return lowered
    }

    static func lowered(bytes: some Sequence<UInt8>) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }

    static func hasWildcard(_ text: some StringProtocol) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
    }

    /// Whether `pattern` (with wildcards) matches `text` (literal). Iterative, with one
    /// backtrack point: linear for the patterns policies hold.
    static func matches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count && (pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t]) {
                p += 1; t += 1
            } else if p < pattern.count && pattern[p] == UInt8(ascii: "*") {
                star = p; mark = t; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }

    /// One element of a pattern when two patterns are compared.
    enum Token: Equatable {
        case byte(UInt8)
        case any          // ?
        case run          // *: zero or more of anything
        case segment      // zero or more of anything but "/"
    }

    static func isByte(_ token: Token) -> Bool {
        if case .byte = token { return true }
        return false
    }

    /// A byte of a pattern as a token: `*` and `?` are wildcards, others stand for themselves.
    static func token(_ byte: UInt8) -> Token {
        switch byte {
        case UInt8(ascii: "*"): return .run
        case UInt8(ascii: "?"): return .any
        default: return .byte(byte)
        }
    }

    static func tokens(_ text: some StringProtocol) -> [Token] {
        return text.utf8.withContiguousStorageIfAvailable { $0.map(token) } ?? text.utf8.map(token)
    }

    /// Whether some string matches both patterns: can a resource written with wildcards
    /// (`arn:aws:s3:::bucket/*`) name something of a format (`arn:aws:s3:::${BucketName}`)?
    static func intersects(_ a: [Token], _ b: [Token]) -> Bool {
        // Quick answers for most of an ARN's fields: a lone `*` (a format's `${Region}`) meets
        // every pattern, and two patterns without wildcards meet when they are equal.
        if a == [.run] || b == [.run] { return true }
        if a.allSatisfy(isByte) && b.allSatisfy(isByte) { return a == b }
        // Two literal bytes that differ where both patterns start (or end) with literals:
        // no string begins (or ends) with both.
        for (x, y) in zip(a, b) {
            guard case let .byte(p) = x, case let .byte(q) = y else { break }
            if p != q { return false }
        }
        for (x, y) in zip(a.reversed(), b.reversed()) {
            guard case let .byte(p) = x, case let .byte(q) = y else { break }
            if p != q { return false }
        }
        let m = a.count, n = b.count
        // The table on the stack: the linter asks this of thousands of pairs of fields.
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: (m + 1) * (n + 1)) { reachable in
            reachable.initialize(repeating: false)
            return intersects(a, b, reachable: reachable)
        }
    }

    private static func intersects(_ a: [Token], _ b: [Token], reachable: UnsafeMutableBufferPointer<Bool>) -> Bool {
        let m = a.count, n = b.count
        reachable[0] = true
        func absorbs(_ star: Token, _ other: Token) -> Bool {
            switch (star, other) {
            case (.segment, .byte(UInt8(ascii: "/"))): return false
            default: return true
            }
        }
        func isStar(_ token: Token) -> Bool { token == .run || token == .segment }
        for i in 0...m {
            for j in 0...n where reachable[i * (n + 1) + j] {
                func mark(_ x: Int, _ y: Int) { reachable[x * (n + 1) + y] = true }
                if i < m && isStar(a[i]) { mark(i + 1, j) }
                if j < n && isStar(b[j]) { mark(i, j + 1) }
                guard i < m || j < n else { continue }
                if i < m, j < n {
                    switch (a[i], b[j]) {
                    case let (.byte(x), .byte(y)) where x == y: mark(i + 1, j + 1)
                    case (.any, .byte), (.byte, .any), (.any, .any): mark(i + 1, j + 1)
                    default: break
                    }
                    // A star on one side takes one character of the other and stays.
                    if isStar(a[i]), !isStar(b[j]), absorbs(a[i], b[j]) { mark(i, j + 1) }
                    if isStar(b[j]), !isStar(a[i]), absorbs(b[j], a[i]) { mark(i + 1, j) }
                }
            }
        }
        return reachable[m * (n + 1) + n]
    }
}
