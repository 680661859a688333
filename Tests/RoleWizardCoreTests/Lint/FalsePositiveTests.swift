import Testing
@testable import RoleWizardCore

/// Documents from AWS's own managed policies that the linter once flagged wrongly (found by
/// comparing with parliament, docs/lint-vs-parliament.md): each must stay quiet.
@Suite struct FalsePositiveTests {
    static func codes(_ text: String) throws -> [String] {
        PolicyLinter().lint(try LocatedJSON.parse(text), use: .identity).map(\.code)
    }

    @Test func aKeyOfAnotherServiceThatTheActionTakes() throws {
        let marketplace = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"aws-marketplace:StartChangeSet","Resource":"arn:aws:aws-marketplace:us-east-1:111122223333:AWSMarketplace/ChangeSet/*","Condition":{"StringEquals":{"catalog:ChangeType":"AssociateAudience"}}}]}"#
        #expect(try !Self.codes(marketplace).contains("CONDITION_KEY_NOT_FOR_ACTIONS"))
        let assumeRole = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/*","Condition":{"StringEquals":{"iam:ResourceTag/project":"orders"}}}]}"#
        #expect(try !Self.codes(assumeRole).contains("CONDITION_KEY_NOT_FOR_ACTIONS"))
        // A key no action of the statement takes is still reported.
        let unrelated = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:orders","Condition":{"StringEquals":{"catalog:ChangeType":"AssociateAudience"}}}]}"#
        #expect(try Self.codes(unrelated).contains("CONDITION_KEY_NOT_FOR_ACTIONS"))
    }

    @Test func aTagKeyWrittenAsPlainText() throws {
        let secrets = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:orders-*","Condition":{"StringEquals":{"secretsmanager:ResourceTag/team":"orders"}}}]}"#
        #expect(try !Self.codes(secrets).contains("UNKNOWN_SERVICE_CONDITION_KEY"))
    }

    @Test func batchGetSecretValueTakesNoResource() throws {
        let batch = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:BatchGetSecretValue","Resource":"*"}]}"#
        #expect(try !Self.codes(batch).contains("SECRETS_READABLE_ON_ALL_RESOURCES"))
    }
}
