import Testing
@testable import RoleWizardCore

/// `AdmittedTable` keeps what a Dictionary would, through growing, with key 0 and the first
/// verdict kept for a key.
@Suite struct AdmittedTableTests {
    @Test func keepsWhatADictionaryKeeps() {
        var table = AdmittedTable()
        var reference: [UInt64: Bool] = [:]
        var state: UInt64 = 17
        for step in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let key = UInt64(state >> 52) << 32 | (state >> 20 & 0xFFF)
            let verdict = step % 3 == 0
            if reference[key] == nil { reference[key] = verdict }
            table[key] = verdict
            #expect(table[key] == reference[key])
        }
        table[0] = true
        table[0] = false
        #expect(table[0] == true)
        for (key, verdict) in reference { #expect(table[key] == verdict) }
        #expect(table[UInt64(1) << 40] == nil)
    }
}
