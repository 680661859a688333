import Testing
@testable import RoleWizardCore

/// `Suggest`'s quick edit distances agree with the plain table.
@Suite struct SuggestTests {
    /// Random byte strings over a small alphabet (so that they share bytes), 1 to 70 long.
    static func strings(count: Int, seed: UInt64) -> [[UInt8]] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        return (0..<count).map { _ in (0..<(1 + Int(next() % 70))).map { _ in UInt8(ascii: "a") + UInt8(next() % 6) } }
    }

    @Test func bitParallelDistanceIsTheTableDistance() throws {
        let words = Self.strings(count: 120, seed: 42)
        for x in words where x.count <= 64 {
            let pattern = try #require(Suggest.BitParallelPattern(x))
            for y in words {
                #expect(pattern.distance(to: y) == Suggest.distance(x, y), "\(x) \(y)")
            }
        }
    }

    @Test func boundedDistanceIsTheTableDistanceWhenWithinTheBound() {
        let words = Self.strings(count: 80, seed: 7)
        var rows = Suggest.DistanceRows()
        for x in words {
            for y in words {
                let full = Suggest.distance(x, y)
                for limit in [0, 2, 5, 20] {
                    #expect(rows.distance(x, y, atMost: limit) == (full <= limit ? full : nil))
                }
            }
        }
    }

    /// `closest` as it was before its quick tests: every candidate lowered and compared in full.
    static func plainClosest(_ name: String, among candidates: [String], limit: Int = 3) -> [String] {
        func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
            guard !needle.isEmpty else { return true }
            guard needle.count <= haystack.count else { return false }
            return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        let lowered = Suggest.lowercasedBytes(name)
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            let other = Suggest.lowercasedBytes(candidate)
            if other == lowered { return (candidate, 0) }
            if contains(other, lowered) || contains(lowered, other) { return (candidate, 1 + abs(other.count - lowered.count) / 4) }
            let allowed = max(2, min(lowered.count, other.count) / 3)
            if abs(lowered.count - other.count) > allowed { return nil }
            let d = Suggest.distance(lowered, other)
            return d <= allowed ? (candidate, d + 1) : nil
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }

    @Test func closestIsThePlainComparison() {
        let names = Self.strings(count: 300, seed: 3).map { String(decoding: $0, as: UTF8.self) }
            + ["GetObject", "GetObjectAcl", "PutObject", "ListBucket", "DeleteObject", "GetBucketPolicy", "HeadObject"]
        let queries = Self.strings(count: 60, seed: 11).map { String(decoding: $0, as: UTF8.self) }
            + ["GetObjcet", "getobject", "PutObj", "Object", "ListBuckets", "zz", "GetBucketPolicyStatus", "", String(repeating: "ab", count: 40)]
        for query in queries {
            #expect(Suggest.closest(query, among: names) == Self.plainClosest(query, among: names), "\(query)")
        }
        #expect(Suggest.closest("GetObjcet", among: names).first == "GetObject")
    }

    /// The kept-best pruning and the bounded distance give what scoring every candidate and
    /// sorting gives, for any limit, with ties in score and names that differ only in case.
    @Test func closestKeepsThePlainOrderForEveryLimit() {
        let words = Self.strings(count: 400, seed: 5).map { String(decoding: $0.prefix(12), as: UTF8.self) }
        let names = words + words.prefix(40).map { $0.uppercased() } + ["Describe", "describe", "DescribeA", "describeb", "aaaa", "AAAA"]
        let candidates = Suggest.Candidates(names)
        let queries = Self.strings(count: 120, seed: 9).map { String(decoding: $0.prefix(14), as: UTF8.self) }
            + words.prefix(30) + ["describe", "DESCRIBE", "describ", "aaa", "aaaaa", ""]
        for query in queries {
            for limit in [0, 1, 2, 3, 5, 8] {
                #expect(Suggest.closest(query, among: candidates, limit: limit) == Self.plainClosest(query, among: names, limit: limit),
                        "\(query) \(limit)")
            }
        }
    }

    @Test func boundedBitParallelDistanceIsTheTableDistanceWhenWithinTheBound() throws {
        let words = Self.strings(count: 80, seed: 13)
        for x in words where x.count <= 64 {
            let pattern = try #require(Suggest.BitParallelPattern(x))
            for y in words {
                let full = Suggest.distance(x, y)
                for limit in [0, 1, 3, 8, 30] {
                    #expect(y.withUnsafeBufferPointer { pattern.distance(to: $0, atMost: limit) } == (full <= limit ? full : nil))
                }
            }
        }
    }
}
