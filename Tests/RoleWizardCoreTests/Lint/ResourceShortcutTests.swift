import Testing
@testable import RoleWizardCore

/// The Resource checks' quick answers agree with the plain ones they stand for.
@Suite struct ResourceShortcutTests {
    static let texts = ["", "a", "ar", "arn", "arn:", "arn:aws:s3:::bucket/*", "ARN:aws:s3:::b", "arn:\u{301}aws", "arn:é", "arné:",
                        "\u{600}arn:x", "xarn:", "/*", "*", "/", "a/*", "a/*\u{301}", "é/*", "\u{600}/*", "b/*/", "b/**",
                        "arn:aws:s3:::b/\u{2A}", "\r\n/*", "/*\r\n", "arn:\r\n", "ＡＲＮ:", "arn\u{301}:x", "arn:aws:ssm:::parameter/x/*"]

    @Test func asciiAffixesAreWhatHasPrefixAndHasSuffixSay() {
        for text in Self.texts {
            #expect(text.hasASCIIPrefix("arn:") == text.hasPrefix("arn:"), "\(text.debugDescription)")
            #expect(text.hasASCIISuffix("/*") == text.hasSuffix("/*"), "\(text.debugDescription)")
            #expect(text.hasASCIIPrefix("/") == text.hasPrefix("/"), "\(text.debugDescription)")
        }
    }

    @Test func pathActionsAreTheLowercasedFullNames() {
        let catalog = IAMCatalog.bundled
        for prefix in catalog.servicePrefixes {
            for action in catalog.service(prefix)?.actions ?? [] {
                #expect(ResourceChecks.isPathAction(action) == (action.fullName.lowercased() == "ssm:getparametersbypath"), "\(action.fullName)")
            }
        }
        #expect(catalog.action("ssm:GetParametersByPath").map(ResourceChecks.isPathAction) == true)
    }

    @Test func sortedUniqueIsTheSetSorted() {
        var state: UInt64 = 5
        for length in 0..<200 {
            let numbers = (0..<length).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int(state >> 58)
            }
            #expect(numbers.sortedUnique() == Set(numbers).sorted())
        }
    }

    @Test func formatVerdictsKeepWhatIsSetWithinTheirRoom() {
        ResourceChecks.FormatVerdicts.withTable(formats: 10) { verdicts in
            #expect(verdicts[3] == nil)
            verdicts[3] = true
            verdicts[4] = false
            verdicts[12] = true  // beyond the room: not kept
            #expect(verdicts[3] == true && verdicts[4] == false && verdicts[5] == nil && verdicts[12] == nil)
        }
    }
}
