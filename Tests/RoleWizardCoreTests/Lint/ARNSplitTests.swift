import Testing
@testable import RoleWizardCore

/// The byte paths for ASCII ARNs agree with splitting characters.
@Suite struct ARNSplitTests {
    static let texts = ["", ":", "arn", "arn:aws:s3:::bucket/*", "arn:aws:iam::123456789012:role/x:y:z", "a:b:c:d:e:f:g:h",
                        "arn:${AWS::Partition}:s3:::${aws:username}/*", "arn:aws:logs:us-east-1:${aws:PrincipalAccount}:log-group:x",
                        "::::::", "not-an-arn", "arn:aws:s3:::b\u{301}:x", "arn:é:s3::1:x", "arn:aws:ec2:*:*:instance/*"]

    @Test func asciiPartsAreCharacterParts() {
        for text in Self.texts {
            let expected = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            if let parts = ARN.asciiParts(text) { #expect(parts == expected, "\(text)") } else { #expect(!text.isAllASCII) }
        }
    }

    @Test func fieldsFromPartsAreFieldsFromText() {
        for text in Self.texts {
            #expect(ResourceFormat.fields(ofResource: text, parts: ARNFields.split(text)) == ResourceFormat.fields(ofResource: text))
            #expect(ResourceChecks.service(parts: ARNFields.split(text)) == ResourceChecks.service(of: text))
        }
    }
}
