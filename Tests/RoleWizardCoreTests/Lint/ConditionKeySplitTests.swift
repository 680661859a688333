import Testing
@testable import RoleWizardCore

/// `ConditionChecks.splitKey` splits and lowers as `split(separator:maxSplits:)` and
/// `lowercased()` do, for ASCII keys by bytes and for others by characters.
@Suite struct ConditionKeySplitTests {
    @Test func splitKeyIsTheCharacterSplit() {
        let keys = ["aws:SourceAccount", "AWS:PrincipalTag/team", "s3:x-amz-acl", "S3:ExistingObjectTag/a:b", "noColon", ":", "a:", ":b", "",
                    "accounts.google.com:aud", "SAML:sub", "ÉC2:Région", "e\u{301}c2:x", "s3:\u{301}name", "ec2\r\n:x", "Kelvin\u{212A}:k"]
        for key in keys {
            let parts = key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let split = ConditionChecks.splitKey(key)
            if parts.count == 2 {
                #expect(split?.prefix == parts[0], "\(key)")
                #expect(split?.loweredPrefix == parts[0].lowercased(), "\(key)")
                #expect(split?.name == parts[1], "\(key)")
            } else {
                #expect(split == nil, "\(key)")
            }
        }
    }
}
