import Testing
@testable import RoleWizardCore

/// Repeated and covered Action entries, found without regard to case, in short statements
/// (compared pairwise) and long ones (looked up in `FirstEntries`).
@Suite struct RedundantActionTests {
    static let linter = PolicyLinter()

    /// The messages of the REDUNDANT_ACTION findings for a statement with these actions.
    static func redundant(_ actions: [String]) throws -> [String] {
        let list = actions.map { "\"\($0)\"" }.joined(separator: ", ")
        let text = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [\#(list)], "Resource": "*"}]}"#
        return linter.lint(try LocatedJSON.parse(text), use: .identity).filter { $0.code == "REDUNDANT_ACTION" }.map(\.message)
    }

    /// Twenty distinct S3 actions: enough for a statement to count as long.
    static let filler = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetBucketPolicy",
                         "s3:PutBucketPolicy", "s3:GetBucketAcl", "s3:PutBucketAcl", "s3:GetObjectAcl", "s3:PutObjectAcl",
                         "s3:GetBucketTagging", "s3:PutBucketTagging", "s3:GetObjectTagging", "s3:PutObjectTagging",
                         "s3:GetBucketLocation", "s3:GetBucketVersioning", "s3:PutBucketVersioning",
                         "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:AbortMultipartUpload"]

    @Test(arguments: [false, true])
    func repeatsAreFoundInAnyCase(long: Bool) throws {
        let actions = (long ? Self.filler : []) + ["sqs:SendMessage", "SQS:sendmessage", "Sqs:SendMessage"]
        #expect(try Self.redundant(actions) == [
            #""SQS:sendmessage" is listed twice (also as "sqs:SendMessage")"#,
            #""Sqs:SendMessage" is listed twice (also as "sqs:SendMessage")"#,
        ])
    }

    @Test(arguments: [false, true])
    func repeatsBesideAWildcardAreFoundInAnyCase(long: Bool) throws {
        // Of the filler's service, so that the long statement's S3 entries are a long group.
        let actions = (long ? Self.filler : []) + ["s3:ListAllMy*", "S3:LISTALLMY*", "s3:ListAllMyBuckets"]
        #expect(try Self.redundant(actions) == [
            #""S3:LISTALLMY*" is listed twice (also as "s3:ListAllMy*")"#,
            #""s3:ListAllMyBuckets" is already allowed by "s3:ListAllMy*" in the same statement"#,
        ])
    }

    @Test(arguments: [false, true])
    func textsThatAreNotASCIIAreNotRepeats(long: Bool) throws {
        // Not actions (reported as such), so not compared.
        let actions = (long ? Self.filler : []) + ["sqs:SendMessage", "sqs:SendMessagé", "sqs:SendMessage\u{037E}"]
        #expect(try Self.redundant(actions).isEmpty)
    }

    static func key(_ text: String) -> CaseFolded {
        CaseFolded(ActionMeaning(text, spelling: ActionSpelling(text), lookup: .action, actions: []))
    }

    @Test func caseFoldedIsStringEqualityOfTheLowerCaseTexts() {
        #expect(Self.key("S3:GetObject") == Self.key("s3:getobject"))
        #expect(Self.key("s3:GetObject") != Self.key("s3:GetObjects"))
        #expect(Self.key("S3:GETOBJECTÉ") == Self.key("s3:getobjecté"))
        // Canonically equivalent: U+037E GREEK QUESTION MARK is ";".
        #expect(Self.key("s3:Get;") == Self.key("s3:get\u{037E}"))
    }

    @Test func firstEntriesFindsTheFirstEqualKey() {
        for texts in [["s3:A", "s3:B", "S3:a", "s3:b", "s3:C", "s3:a"],
                      ["s3:A;", "s3:B", "s3:a\u{037E}", "S3:b", "s3:é", "s3:É"]] {
            var entries = FirstEntries(texts.map(Self.key))
            #expect(texts.indices.map { entries.first(equalTo: $0) } == [nil, nil, 0, 1, nil, texts[0] == "s3:A" ? 0 : 4])
        }
    }
}
