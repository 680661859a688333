/// Texts made of random pieces, the same ones at every run (a fixed linear congruential
/// generator): for tests that check a reader or writer working eight bytes at a time against a
/// plain one working a byte at a time, over pieces chosen around the bytes it tests for.
struct RandomTexts: Sequence, IteratorProtocol {
    let pieces: [String]
    var left: Int
    var state: UInt64

    /// `count` texts of 0 to 31 pieces each.
    init(of pieces: [String], count: Int, seed: UInt64 = 11) {
        self.pieces = pieces
        left = count
        state = seed
    }

    mutating func next() -> String? {
        guard left > 0 else { return nil }
        left -= 1
        var text = ""
        for _ in 0..<Int(step() >> 59) { text += pieces[Int(step() >> 33) % pieces.count] }
        return text
    }

    private mutating func step() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
}
