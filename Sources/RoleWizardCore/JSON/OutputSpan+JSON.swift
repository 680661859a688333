/// JSON text written into memory reserved beforehand (`Array.append(addingCapacity:initializingWith:)`):
/// a byte costs a store and a check against the reserved end, a run of bytes one copy, where
/// `Array.append` checks uniqueness and capacity at each call and copies a `String`'s bytes
/// through its UTF-8 view (the lint report writes 3 MB a few bytes at a time).
///
/// Each writer traps when the reserved memory is too small; `JSONWriter.escapedCapacity`
/// says how much a string may need.
extension OutputSpan<UInt8> {
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(copying: UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A `String`'s UTF-8 bytes as they are (text known to need no escape).
    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(copying: UnsafeRawBufferPointer($0)) }) == nil {
            var copy = text
            copy.withUTF8 { append(copying: UnsafeRawBufferPointer($0)) }
        }
    }

    @inline(__always)
    mutating func append(copying bytes: UnsafeRawBufferPointer) {
        withUnsafeMutableBufferPointer { buffer, count in
            precondition(bytes.count <= buffer.count - count, "OutputSpan capacity overflow")
            guard let from = bytes.baseAddress, let start = buffer.baseAddress else { return }
            UnsafeMutableRawPointer(start + count).copyMemory(from: from, byteCount: bytes.count)
            count += bytes.count
        }
    }

    /// `String(value)`'s digits.
    mutating func appendDigits(_ value: Int) {
        if value >= 0 && value < 10 { return append(UInt8(ascii: "0") + UInt8(value)) }
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude, digits = 1, rest = magnitude / 10
        while rest > 0 { digits += 1; rest /= 10 }
        withUnsafeMutableBufferPointer { buffer, count in
            precondition(digits <= buffer.count - count, "OutputSpan capacity overflow")
            // Written from the last digit back.
            var position = count + digits
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            count += digits
        }
    }

    /// A string's JSON form without its quotes, as `JSONWriter.writeEscapedContent` writes it.
    mutating func appendEscaped(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            var copy = text
            copy.withUTF8 { appendEscaped($0) }
        }
    }

    /// `bytes` (UTF-8) as the content of a JSON string. Every byte of a character beyond ASCII
    /// is written as it is, but for U+2028 and U+2029 (E2 80 A8, E2 80 A9), which JSON allows
    /// raw and JavaScript does not.
    mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        withUnsafeMutableBufferPointer { buffer, count in
            precondition(JSONWriter.escapedCapacity(bytes.count) <= buffer.count - count, "OutputSpan capacity overflow")
            guard let input = bytes.baseAddress, let start = buffer.baseAddress else { return }
            let output = UnsafeMutableRawPointer(start + count)
            let end = bytes.count
            var index = 0, written = 0
            while index < end {
                if index + 8 <= end {
                    // Eight bytes copied at once, and as many of them kept as are plain (the
                    // store fits: six bytes are reserved for each one read).
                    let raw = UnsafeRawPointer(input).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let plain = WordBytes.plainJSONTextCount(UInt64(littleEndian: raw))
                    output.storeBytes(of: raw, toByteOffset: written, as: UInt64.self)
                    index += plain
                    written += plain
                    if plain == 8 { continue }
                }
                let byte = input[index]
                if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "`") {
                    output.storeBytes(of: byte, toByteOffset: written, as: UInt8.self)
                    index += 1
                    written += 1
                } else if byte >= 0x80 {
                    if byte == 0xE2, index + 2 < end, input[index + 1] == 0x80, input[index + 2] & 0xFE == 0xA8 {
                        written += Self.writeUnicodeEscape(input[index + 2] == 0xA8 ? 0x2028 : 0x2029, at: output + written)
                        index += 3
                    } else {
                        output.storeBytes(of: byte, toByteOffset: written, as: UInt8.self)
                        index += 1
                        written += 1
                    }
                } else {
                    written += Self.writeEscape(of: byte, at: output + written)
                    index += 1
                }
            }
            count += written
        }
    }

    /// An ASCII byte's escape: two bytes for the usual ones, `\uXXXX` for the others.
    private static func writeEscape(of byte: UInt8, at output: UnsafeMutableRawPointer) -> Int {
        let letter: UInt8
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): letter = byte
        case UInt8(ascii: "\n"): letter = UInt8(ascii: "n")
        case UInt8(ascii: "\r"): letter = UInt8(ascii: "r")
        case UInt8(ascii: "\t"): letter = UInt8(ascii: "t")
        default: return writeUnicodeEscape(UInt16(byte), at: output)
        }
        output.storeBytes(of: UInt8(ascii: "\\"), as: UInt8.self)
        output.storeBytes(of: letter, toByteOffset: 1, as: UInt8.self)
        return 2
    }

    /// `\u` and four lower-case hex digits.
    private static func writeUnicodeEscape(_ value: UInt16, at output: UnsafeMutableRawPointer) -> Int {
        let hex: StaticString = "0123456789abcdef"
        output.storeBytes(of: UInt8(ascii: "\\"), as: UInt8.self)
        output.storeBytes(of: UInt8(ascii: "u"), toByteOffset: 1, as: UInt8.self)
        for position in 0..<4 {
            let digit = Int(value >> (12 - 4 * position) & 0xF)
            output.storeBytes(of: hex.utf8Start[digit], toByteOffset: 2 + position, as: UInt8.self)
        }
        return 6
    }
}
