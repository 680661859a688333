/// Closest-name suggestions and fuzzy matching, shared by the catalogs and the spec reader.
public enum Suggest {
    /// Edit distance (insertions, deletions, substitutions), case-insensitive.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        return distance(x, y)
    }

    static func distance<Element: Equatable>(_ x: [Element], _ y: [Element]) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = x[i - 1] == y[j - 1]
                    ? previous[j - 1]
                    : 1 + min(previous[j - 1], previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Up to `limit` candidates close to `name`, closest first. Compared as ASCII-lowered
    /// bytes: the linter asks this for every unknown action among a service's hundreds.
    public static func closest(_ name: String, among candidates: [String], limit: Int = 3) -> [String] {
        closest(name, among: Candidates(candidates), limit: limit)
    }

    /// Candidate names with their lowered bytes, made once for asking `closest` about many
    /// names among the same candidates.
    struct Candidates: Sendable {
        let names: [String]
        /// Every name's ASCII-lowered bytes, one after another: name `i`'s are
        /// `lowered[starts[i]..<starts[i + 1]]` (one array rather than one per name).
        let lowered: [UInt8]
        let starts: [Int]
        let masks: [UInt64]

        init(_ names: [String]) {
            self.names = names
            var lowered: [UInt8] = [], starts = [0], masks: [UInt64] = []
            starts.reserveCapacity(names.count + 1)
            masks.reserveCapacity(names.count)
            for name in names {
                lowered.append(contentsOf: name.utf8)
                starts.append(lowered.count)
            }
            // Lowered and masked in the buffer, after all the names are in: indexing the array
            // checked its bounds and its sharing at every byte (~25 instructions a byte; the
            // linter makes candidates of every action of each service an unknown name is of).
            lowered.withUnsafeMutableBytes(WordBytes.lowerASCII)
            lowered.withUnsafeBufferPointer { bytes in
                for name in names.indices {
                    var mask: UInt64 = 0
                    for index in starts[name]..<starts[name + 1] { mask |= 1 << UInt64(bytes[index] & 63) }
                    masks.append(mask)
                }
            }
            self.lowered = lowered
            self.starts = starts
            self.masks = masks
        }
    }

    /// Which bytes a string holds, a bit each (folded to 64): a byte string can hold another
    /// only if its mask covers the other's, and one edit changes a mask in at most two bits,
    /// so two strings whose masks differ in `d` bits are at least `d / 2` edits apart. Both
    /// let `closest` pass over most candidates without comparing them byte by byte.
    static func byteMask(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0) { $0 | 1 << UInt64($1 & 63) }
    }

    /// A candidate's score: 0 for the name itself (ignoring case), then one that holds the
    /// name or is held in it, then the edit distance + 1. Lower is closer.
    static func closest(_ name: String, among candidates: Candidates, limit: Int = 3) -> [String] {
        let lowered = lowercasedBytes(name)
        let mask = byteMask(lowered)
        var best = Best(limit: limit, names: candidates.names)
        var rows = DistanceRows()
        let pattern = BitParallelPattern(lowered)
        lowered.withUnsafeBufferPointer { lowered in
            candidates.lowered.withUnsafeBufferPointer { all in
                for index in candidates.names.indices {
                    let other = UnsafeBufferPointer(rebasing: all[candidates.starts[index]..<candidates.starts[index + 1]])
                    let otherMask = candidates.masks[index]
                    let lengthDifference = abs(other.count - lowered.count)
                    if lengthDifference == 0 && mask == otherMask && other.elementsEqual(lowered) {
                        best.offer(index, score: 0)
                        continue
                    }
                    // No score that could be kept can come of a candidate whose length is too
                    // different: held in one another costs a quarter of the difference, an
                    // edit distance all of it.
                    if 1 + lengthDifference / 4 > best.worstKeptScore { continue }
                    let contained = (mask & ~otherMask == 0 && firstIndex(of: lowered, in: other) != nil)
                        || (otherMask & ~mask == 0 && firstIndex(of: other, in: lowered) != nil)
                    if contained {
                        best.offer(index, score: 1 + lengthDifference / 4)
                        continue
                    }
                    // The distance is at least the difference in length, and at least half the
                    // bytes one holds and the other does not: skip the far ones cheaply. Once
                    // `limit` candidates are kept, only a distance that can match the worst of
                    // them is worth finding.
                    let allowed = min(max(2, min(lowered.count, other.count) / 3), best.worstKeptScore - 1)
                    if lengthDifference > allowed || (mask ^ otherMask).nonzeroBitCount > 2 * allowed { continue }
                    let distance = pattern.map { $0.distance(to: other, atMost: allowed) }
                        ?? rows.distance(Array(lowered), Array(other), atMost: allowed)
                    if let distance { best.offer(index, score: distance + 1) }
                }
            }
        }
        return best.names()
    }

    /// The `limit` best candidates offered so far, by score and then by name: what sorting
    /// every scored candidate and taking the first `limit` would give, without keeping the rest.
    private struct Best {
        let limit: Int
        let candidateNames: [String]
        /// Candidate positions and scores, best first.
        private var kept: [(index: Int, score: Int)] = []

        init(limit: Int, names: [String]) {
            self.limit = max(0, limit)
            candidateNames = names
            kept.reserveCapacity(self.limit + 1)
        }

        /// The highest score that can still be kept (a score equal to the worst kept one
        /// displaces it when its name sorts first); Int.max until `limit` are kept.
        var worstKeptScore: Int {
            if kept.count < limit { return Int.max }
            return kept.last?.score ?? -1
        }

        mutating func offer(_ index: Int, score: Int) {
            func precedes(_ a: (index: Int, score: Int), _ b: (index: Int, score: Int)) -> Bool {
                a.score != b.score ? a.score < b.score : candidateNames[a.index] < candidateNames[b.index]
            }
            let candidate = (index: index, score: score)
            // After the equal ones already kept, as a stable sort would place it.
            let place = kept.firstIndex { precedes(candidate, $0) } ?? kept.count
            guard place < limit else { return }
            kept.insert(candidate, at: place)
            if kept.count > limit { kept.removeLast() }
        }

        func names() -> [String] { kept.map { candidateNames[$0.index] } }
    }

    /// The edit distance from one byte string of at most 64 bytes to others, a column of the
    /// distance table at a time in the bits of a word (Myers' algorithm, as Hyyrö explains
    /// it): a few word operations per byte of the other string instead of a row of the table.
    struct BitParallelPattern {
        private let count: Int
        /// For each byte value, the positions of the pattern that hold it.
        private var positions = [UInt64](repeating: 0, count: 256)

        init?(_ pattern: [UInt8]) {
            guard !pattern.isEmpty, pattern.count <= 64 else { return nil }
            count = pattern.count
            for (index, byte) in pattern.enumerated() { positions[Int(byte)] |= 1 << UInt64(index) }
        }

        func distance(to text: [UInt8]) -> Int {
            text.withUnsafeBufferPointer { distance(to: $0, atMost: Int.max) }!
        }

        /// The edit distance to `text` when it is at most `limit`, nil when it is more. Stops
        /// once the distance so far, less what the rest of the text could take back (one a
        /// byte), is over the limit.
        func distance(to text: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Int? {
            positions.withUnsafeBufferPointer { positions in
                let last: UInt64 = 1 << UInt64(count - 1)
                var plusVertical: UInt64 = ~0, minusVertical: UInt64 = 0
                var score = count
                for offset in text.indices {
                    let equal = positions[Int(text[offset])]
                    let xv = equal | minusVertical
                    let xh = (((equal & plusVertical) &+ plusVertical) ^ plusVertical) | equal
                    var plusHorizontal = minusVertical | ~(xh | plusVertical)
                    var minusHorizontal = plusVertical & xh
                    if plusHorizontal & last != 0 { score += 1 } else if minusHorizontal & last != 0 { score -= 1 }
                    if score - (text.count - 1 - offset) > limit { return nil }
                    // The table's top row counts up by one a column: a +1 comes in at the bottom bit.
                    plusHorizontal = (plusHorizontal << 1) | 1
                    minusHorizontal <<= 1
                    plusVertical = minusHorizontal | ~(xv | plusHorizontal)
                    minusVertical = plusHorizontal & xv
                }
                return score <= limit ? score : nil
            }
        }
    }

    /// Two rows of the edit distance's table, kept from one candidate to the next.
    struct DistanceRows {
        private var previous: [Int] = []
        private var current: [Int] = []

        /// The edit distance of two byte strings when it is at most `limit`, nil when it is
        /// more. Stops as soon as a whole row is over the limit (a row's least value never
        /// decreases), which is early for the many candidates that are nothing like the name.
        mutating func distance(_ x: [UInt8], _ y: [UInt8], atMost limit: Int) -> Int? {
            if x.isEmpty || y.isEmpty { return max(x.count, y.count) <= limit ? max(x.count, y.count) : nil }
            previous.removeAll(keepingCapacity: true)
            previous.append(contentsOf: 0...y.count)
            current.removeAll(keepingCapacity: true)
            current.append(contentsOf: repeatElement(0, count: y.count + 1))
            for i in 1...x.count {
                current[0] = i
                var least = i
                for j in 1...y.count {
                    current[j] = x[i - 1] == y[j - 1]
                        ? previous[j - 1]
                        : 1 + min(previous[j - 1], previous[j], current[j - 1])
                    least = min(least, current[j])
                }
                if least > limit { return nil }
                swap(&previous, &current)
            }
            return previous[y.count] <= limit ? previous[y.count] : nil
        }
    }

    /// "; did you mean X?" or "".
    public static func didYouMean(_ name: String, among candidates: [String]) -> String {
        let near = closest(name, among: candidates)
        if near.isEmpty { return "" }
        return "; did you mean " + near.map { JSONWriter.quoted($0) }.joined(separator: " or ") + "?"
    }

    public static func firstDuplicate(_ items: [String], caseInsensitive: Bool = false) -> String? {
        var seen = Set<String>()
        for item in items {
            let key = caseInsensitive ? item.lowercased() : item
            if !seen.insert(key).inserted { return item }
        }
        return nil
    }

    /// A fuzzy match score of `query` against `text`: nil when the query's characters do not
    /// all appear in order; higher is better. Substring matches beat scattered ones, and
    /// matches at word starts and the beginning beat matches inside words.
    public static func fuzzyScore(_ query: String, _ text: String) -> Int? {
        let t = Array(text.utf8)
        return fuzzyScore(lowered: lowercasedBytes(query), in: t, lowered: lowercasedBytes(text))
    }

    /// ASCII lower case, as bytes: what the fast path below compares.
    static func lowercasedBytes(_ text: String) -> [UInt8] {
        Glob.lowered(text)
    }

    /// `fuzzyScore` with the query and the text already in bytes (the catalog keeps its names
    /// that way, so filtering 1,500 names per key allocates nothing).
    static func fuzzyScore(lowered q: [UInt8], in t: [UInt8], lowered: [UInt8]) -> Int? {
        if q.isEmpty { return 0 }
        if let start = firstIndex(of: q, in: lowered) {
            var score = 1000 - start - (t.count - q.count)
            if start == 0 { score += 500 }
            if t.count == q.count { score += 1000 }
            return score
        }
        var score = 0, ti = 0, previous = -2
        for qc in q {
            while ti < lowered.count && lowered[ti] != qc { ti += 1 }
            if ti == lowered.count { return nil }
            if ti == previous + 1 { score += 5 }
            if ti == 0 || isBoundary(t, at: ti) { score += 10 }
            previous = ti
            ti += 1
        }
        return score - t.count / 4
    }

    private static func isBoundary(_ t: [UInt8], at index: Int) -> Bool {
        let before = t[index - 1], here = t[index]
        let upper = here >= 65 && here <= 90, lowerBefore = before >= 97 && before <= 122
        return (upper && lowerBefore) || before == 45 || before == 95 || before == 47 || before == 58
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        needle.withUnsafeBufferPointer { needle in haystack.withUnsafeBufferPointer { firstIndex(of: needle, in: $0) } }
    }

    private static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard needle.count <= haystack.count else { return nil }
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in 0..<needle.count where haystack[start + offset] != needle[offset] { continue outer }
            return start
        }
        return nil
    }
}
