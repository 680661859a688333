import Foundation

/// The catalog file's line format (written by scripts/build-iam-catalog.py):
///
///     S <TAB> prefix <TAB> service name
///     C <TAB> condition key <TAB> type
///     R <TAB> resource type <TAB> ARN format <TAB> condition keys
///     A <TAB> action <TAB> access level <TAB> resource types <TAB> condition keys <TAB> dependent actions
///
/// C, R and A lines belong to the S line before them and come in that order. Lists are comma
/// separated; a resource type ending in `*` is required. Services are sorted by prefix, a
/// service's condition keys and actions by lower-case name and its resource types by name, so
/// lookups binary-search them.
enum IAMCatalogFile {
    static let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t"), comma = UInt8(ascii: ",")
    static let hash = UInt8(ascii: "#"), colon = UInt8(ascii: ":")
    static let service = UInt8(ascii: "S"), condition = UInt8(ascii: "C")
    static let resource = UInt8(ascii: "R"), action = UInt8(ascii: "A")

    /// How many tabs each kind of line holds.
    static func tabs(of kind: UInt8) -> Int? {
        switch kind {
        case service, condition: 2
        case resource: 3
        case action: 5
        default: nil
        }
    }

    /// Where each kind of line may come within a service: C, then R, then A.
    static func stage(of kind: UInt8) -> Int {
        switch kind {
        case condition: 0
        case resource: 1
        default: 2
        }
    }

    /// The position of the first `byte` in `range` of `buffer`, or `range.upperBound` if there is
    /// none. memchr looks at a word or more per step where a Swift loop looks at one byte: the
    /// catalog's lines average ~60 bytes and hold at most five tabs.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard !range.isEmpty, let base = buffer.baseAddress,
              let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return range.upperBound }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// How many times `byte` occurs in `range` of `buffer`.
    @inline(__always)
    static func count(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where buffer[index] == byte { count += 1 }
        return count
    }

    /// The comma-separated items of `field`.
    @inline(__always)
    static func forEachItem(_ buffer: UnsafeBufferPointer<UInt8>, _ field: Range<Int>, _ body: (Range<Int>) -> Void) {
        guard !field.isEmpty else { return }
        var start = field.lowerBound
        for index in field where buffer[index] == comma {
            body(start..<index)
            start = index + 1
        }
        body(start..<field.upperBound)
    }

    @inline(__always)
    static func string(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
}
