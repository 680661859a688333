/// A JSON syntax error: where it is and what was expected.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public var description: String { "line \(location.line), column \(location.column): \(message)" }
}

extension LocatedJSON {
    /// Reads JSON text (RFC 8259, strict) keeping the position of every value and key.
    ///
    /// Written here rather than taken from a library because none gives what `lint` needs at the
    /// speed it needs: Foundation's `JSONSerialization` drops positions, key order and repeated
    /// keys, and Yams (which has positions) reads the 1,582 AWS managed policies about ten times
    /// slower than this byte scan. Columns count Unicode scalars, from 1.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> LocatedJSON {
        try JSONTree.parse(bytes).tree.located(JSONTree.root)
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> LocatedJSON {
        try parse(Array(text.utf8))
    }
}

extension JSONTree {
    /// Reads JSON text as `LocatedJSON.parse` does, into a flat tree, and gives the document's
    /// `policySize` along with it, counted while reading: each string's bytes are at hand then,
    /// where measuring the document afterwards reads every string a second time.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> (tree: JSONTree, policySize: Int) {
        // Offsets are kept in 32 bits; `lint` reads files of at most 32 MiB.
        guard bytes.count < Int(UInt32.max / 2) else {
            throw JSONSyntaxError(location: SourceLocation(line: 1, column: 1), message: "the file is too large to read")
        }
        // The parser reads the bytes through a buffer pointer, valid for this call: the
        // scanning loops are most of parsing, and an array's subscript checks its bounds.
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            var parser = LocatedJSONParser(bytes: buffer)
            return Result { () throws(JSONSyntaxError) -> LocatedJSONParser in
                try parser.document()
                return parser
            }
        }
        let parser = try parsed.get()
        var text = bytes
        if !parser.decoded.isEmpty { text.append(contentsOf: parser.decoded) }
        return (JSONTree(nodes: parser.nodes, text: text), parser.policySize)
    }
}

struct LocatedJSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var line = 1
    /// Where the current line starts, in bytes; columns are counted from it on demand.
    var lineStart = 0
    /// Nesting limit: a hostile file of a million `[` must not overflow the stack.
    static let maxDepth = 512
    var depth = 0

    /// An ASCII text's columns are byte counts: no scalars to count.
    let isASCII: Bool

    /// IAM's measure of what has been read so far (`LocatedJSON.policySize`): every value
    /// adds what `JSONWriter.compact` would write for it, whitespace not counted: a brace,
    /// bracket, comma or colon 1, a number or literal its text, a string its quotes and
    /// escaped content.
    var policySize = 0

    /// The tree's nodes so far (`JSONTree`).
    var nodes: [JSONTree.Node] = []
    /// The text of strings with escapes, decoded: it follows the document's bytes in the
    /// tree's `text`, so these strings' offsets start at `bytes.count`.
    var decoded: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // About one value for every 24 bytes of pretty-printed policy: most documents need
        // no second buffer.
        nodes.reserveCapacity(bytes.count / 24 + 16)
        isASCII = bytes.reduce(0, |) < 0x80
        // A UTF-8 byte-order mark is allowed and skipped.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
    }

    /// The column of `counted` on the current line: positions only move forward, so columns are
    /// counted from the last one asked for, and a long one-line document costs one pass.
    var counted = 0
    var countedColumn = 1

    mutating func location() -> SourceLocation {
        if isASCII { return SourceLocation(line: line, column: index - lineStart + 1) }
        if counted < lineStart { counted = lineStart; countedColumn = 1 }
        while counted < index {
            if bytes[counted] & 0xC0 != 0x80 { countedColumn += 1 }
            counted += 1
        }
        return SourceLocation(line: line, column: countedColumn)
    }

    mutating func fail(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(location: location(), message: message)
    }

    mutating func document() throws(JSONSyntaxError) {
        skipWhitespace()
        guard index < bytes.count else { throw fail("the file holds no JSON value") }
        try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected \(describeHere()) after the JSON value") }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            // An indentation's spaces a word at a time: XOR with eight spaces leaves a zero byte
            // for each space, so the first other byte is the lowest nonzero one.
            while index + 8 <= bytes.count {
                let others = UInt64(littleEndian: word(at: index)) ^ 0x2020_2020_2020_2020
                index += others.trailingZeroBitCount / 8
                if others != 0 { break }
            }
            guard index < bytes.count else { return }
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    /// The eight bytes at `offset`, for the loops that skip plain runs a word at a time.
    @inline(__always)
    func word(at offset: Int) -> UInt64 {
        UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    func describeHere() -> String {
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "\"\(Character(Unicode.Scalar(byte)))\"" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    /// The position of `index`, as a node keeps it.
    mutating func position() -> LocatedJSON.CompactLocation {
        let location = location()
        return LocatedJSON.CompactLocation(line: UInt32(truncatingIfNeeded: location.line), column: UInt32(truncatingIfNeeded: location.column))
    }

    /// Appends a node whose contents (if any) follow; returns its index.
    mutating func open(_ kind: JSONTree.Kind, at position: LocatedJSON.CompactLocation, start: Int = 0, length: Int = 0) -> Int {
        nodes.append(JSONTree.Node(kind: kind, line: position.line, column: position.column,
                                   start: UInt32(truncatingIfNeeded: start), length: UInt32(truncatingIfNeeded: length),
                                   end: UInt32(truncatingIfNeeded: nodes.count + 1)))
        return nodes.count - 1
    }

    /// Records where a list's or object's contents end, and how many items or members it has.
    mutating func close(_ node: Int, count: Int) {
        nodes[node].length = UInt32(truncatingIfNeeded: count)
        nodes[node].end = UInt32(truncatingIfNeeded: nodes.count)
    }

    mutating func parseValue() throws(JSONSyntaxError) {
        let start = position()
        guard index < bytes.count else { throw fail("a value is missing at the end of the file") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try parseObject(at: start)
        case UInt8(ascii: "["): try parseArray(at: start)
        case UInt8(ascii: "\""): try parseString(at: start)
        case UInt8(ascii: "t"): try literal("true"); _ = open(.true, at: start)
        case UInt8(ascii: "f"): try literal("false"); _ = open(.false, at: start)
        case UInt8(ascii: "n"): try literal("null"); _ = open(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber(at: start)
        default: throw fail("expected a value, found \(describeHere())")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { expected in
            index + count <= bytes.count && bytes[index..<(index + count)].elementsEqual(expected)
        }
        guard matches else { throw fail("expected \(word), found \(describeHere())") }
        index += count
        policySize += count
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw fail("values are nested more than \(Self.maxDepth) deep") }
    }

    mutating func parseObject(at start: LocatedJSON.CompactLocation) throws(JSONSyntaxError) {
        try enter()
        defer { depth -= 1 }
        let node = open(.object, at: start)
        index += 1
        policySize += 2  // the braces
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") { index += 1; close(node, count: 0); return }
        var count = 0
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw fail("expected a key in double quotes, found \(describeHere())")
            }
            let key = nodes.count
            try parseString(at: position())
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                let name = JSONTree(nodes: nodes, text: Array(bytes) + decoded).textOf(key)
                throw fail("expected \":\" after the key \(JSONWriter.quoted(name)), found \(describeHere())")
            }
            index += 1
            policySize += 1
            skipWhitespace()
            try parseValue()
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw fail("the object is not closed with \"}\"") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; policySize += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; close(node, count: count); return }
            throw fail("expected \",\" or \"}\" in an object, found \(describeHere())")
        }
    }

    mutating func parseArray(at start: LocatedJSON.CompactLocation) throws(JSONSyntaxError) {
        try enter()
        defer { depth -= 1 }
        let node = open(.array, at: start)
        index += 1
        policySize += 2  // the brackets
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") { index += 1; close(node, count: 0); return }
        var count = 0
        while true {
            skipWhitespace()
            try parseValue()
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw fail("the list is not closed with \"]\"") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; policySize += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; close(node, count: count); return }
            throw fail("expected \",\" or \"]\" in a list, found \(describeHere())")
        }
    }

    mutating func parseNumber(at position: LocatedJSON.CompactLocation) throws(JSONSyntaxError) {
        let start = index
        func digits(_ parser: inout LocatedJSONParser) -> Int {
            let first = parser.index
            while parser.index < parser.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index]) {
                parser.index += 1
            }
            return parser.index - first
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        if index < bytes.count && bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits(&self) == 0 {
            throw fail("a number needs digits")
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits(&self) == 0 { throw fail("a number needs digits after \".\"") }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            if digits(&self) == 0 { throw fail("a number needs digits in its exponent") }
        }
        policySize += index - start  // ASCII: a byte is a character
        _ = open(.number, at: position, start: start, length: index - start)
    }

    /// A string at `index` (which holds the opening quote); leaves `index` after the closing one.
    /// Its node points at its bytes in the document, or, when it holds escapes, at its decoded
    /// text in `decoded`.
    mutating func parseString(at position: LocatedJSON.CompactLocation) throws(JSONSyntaxError) {
        index += 1
        let start = index
        // Fast path: no escapes, the common case for policy text.
        var allBytes: UInt8 = 0
        // The string's `LocatedJSON.escapedSize`, counted as it is scanned rather than in a
        // second pass: a plain word counts 8, other bytes one by one. Exact for ASCII text;
        // other text (rare in policies) is measured once read, for U+2028 and U+2029.
        var size = 0
        // Eight bytes at a time while none is a quote, a backslash or a control character
        // (the byte loop below deals with the word that holds one).
        var words: UInt64 = 0
        while index + 8 <= bytes.count {
            let word = word(at: index)
            if WordBytes.isPlainJSONText(word, from: 0x21) { size += 8; index += 8; continue }
            // The word that ends the string: when the bytes before its quote are plain, they
            // count one each, and the byte loop below starts at the quote.
            let ordered = UInt64(littleEndian: word)
            if let quote = WordBytes.firstOffset(of: UInt8(ascii: "\""), in: ordered),
               WordBytes.isPlainJSONText(WordBytes.replacing(from: quote, in: ordered, with: UInt8(ascii: "a")), from: 0x21) {
                size += quote
                index += quote
                break
            }
            if WordBytes.contains(UInt8(ascii: "\""), in: word) || WordBytes.contains(UInt8(ascii: "\\"), in: word)
                || WordBytes.containsByte(below: 0x20, in: word) { break }
            words |= word
            for byte in bytes[index..<(index + 8)] { size += LocatedJSON.escapedSize(ofByte: byte) }
            index += 8
        }
        if words & 0x8080_8080_8080_8080 != 0 { allBytes = 0x80 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                // ASCII needs no checking, and most policy text is ASCII.
                if allBytes >= 0x80 && String(validating: bytes[start..<index], as: UTF8.self) == nil {
                    throw fail("the string is not valid UTF-8")
                }
                policySize += 2 + (allBytes < 0x80 ? size : LocatedJSON.escapedSize(UnsafeBufferPointer(rebasing: bytes[start..<index])))
                _ = open(.string, at: position, start: start, length: index - start)
                index += 1
                return
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("a string cannot hold a raw control character (write it as an escape such as \\n)") }
            allBytes |= byte
            size += LocatedJSON.escapedSize(ofByte: byte)
            index += 1
        }
        var scalars = String.UnicodeScalarView()
        guard let prefix = String(validating: bytes[start..<index], as: UTF8.self) else { throw fail("the string is not valid UTF-8") }
        scalars.append(contentsOf: prefix.unicodeScalars)
        var run = index
        func flush(_ parser: inout LocatedJSONParser, into scalars: inout String.UnicodeScalarView) throws(JSONSyntaxError) {
            guard let text = String(validating: parser.bytes[run..<parser.index], as: UTF8.self) else {
                throw parser.fail("the string is not valid UTF-8")
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                try flush(&self, into: &scalars)
                index += 1
                // Measured on what the escapes stand for: JSONWriter writes `\/` as `/`, `\u0041` as `A`.
                let text = String(scalars)
                policySize += 2 + LocatedJSON.escapedSize(text)
                let start = bytes.count + decoded.count
                decoded.append(contentsOf: text.utf8)
                _ = open(.string, at: position, start: start, length: bytes.count + decoded.count - start)
                return
            }
            if byte < 0x20 { throw fail("a string cannot hold a raw control character (write it as an escape such as \\n)") }
            if byte != UInt8(ascii: "\\") { index += 1; continue }
            try flush(&self, into: &scalars)
            index += 1
            guard index < bytes.count else { break }
            switch bytes[index] {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                index += 1
                scalars.append(try unicodeEscape())
                run = index
                continue
            default: throw fail("\\\(describeHere()) is not a JSON escape")
            }
            index += 1
            run = index
        }
        throw fail("the string is not closed with a double quote")
    }

    /// The four hex digits after `\u` (and a following low surrogate's, for a pair).
    mutating func unicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        func hex(_ parser: inout LocatedJSONParser) throws(JSONSyntaxError) -> UInt32 {
            guard parser.index + 4 <= parser.bytes.count,
                  let value = UInt32(String(decoding: parser.bytes[parser.index..<(parser.index + 4)], as: UTF8.self), radix: 16) else {
                throw parser.fail("\\u needs four hexadecimal digits")
            }
            parser.index += 4
            return value
        }
        let high = try hex(&self)
        if (0xD800..<0xDC00).contains(high) {
            guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw fail("a \\u escape of a high surrogate must be followed by its low surrogate")
            }
            index += 2
            let low = try hex(&self)
            guard (0xDC00..<0xE000).contains(low),
                  let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                throw fail("invalid surrogate pair in a \\u escape")
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw fail("\\u escape of a lone surrogate") }
        return scalar
    }
}
