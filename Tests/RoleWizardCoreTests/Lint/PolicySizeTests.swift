import Testing
@testable import RoleWizardCore

/// The size check counts bytes (eight at a time when they are plain); it must agree with
/// what JSONWriter writes, scalar by scalar, whitespace not counted.
@Suite struct PolicySizeTests {
    static func written(_ text: String) -> Int {
        JSONWriter.quoted(text).unicodeScalars.count - 2 - text.unicodeScalars.filter { $0 == " " }.count
    }

    @Test func escapedSizeIsWhatJSONWriterWrites() {
        var state: UInt64 = 9
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let pieces = ["a", "Z", "0", ":", "*", " ", "\"", "\\", "`", "\u{7F}", "\u{1}", "\n", "\t", "é", "\u{2028}", "\u{2029}",
                      "\u{2027}", "€", "😀", "/", "${aws:username}", "arn:aws:s3:::bucket/*"]
        for _ in 0..<2_000 {
            let text = (0..<Int(next() % 40)).map { _ in pieces[Int(next()) % pieces.count] }.joined()
            #expect(LocatedJSON.escapedSize(text) == Self.written(text), "\(text.debugDescription)")
        }
        for text in ["", "plain-ascii-longer-than-eight", "tab\there", "sixteen chars!!!", String(repeating: "`", count: 17)] {
            #expect(LocatedJSON.escapedSize(text) == Self.written(text))
        }
    }
}
