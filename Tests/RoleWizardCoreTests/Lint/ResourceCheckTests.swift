import Testing
@testable import RoleWizardCore

/// Resource types against the catalog's ARN formats: the least-privilege shapes people get
/// wrong, and the forms that are right.
@Suite struct ResourceCheckTests {
    static let linter = PolicyLinter()

    static func codes(_ action: String, _ resources: [String]) throws -> [String] {
        let list = resources.map { "\"\($0)\"" }.joined(separator: ", ")
        let text = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "\#(action)", "Resource": [\#(list)]}]}"#
        return linter.lint(try LocatedJSON.parse(text), use: .identity).map(\.code)
    }

    @Test(arguments: [
        ("s3:ListBucket", ["arn:aws:s3:::orders/*"]),
        ("s3:GetObject", ["arn:aws:s3:::orders"]),
        ("ssm:GetParametersByPath", ["arn:aws:ssm:us-east-1:111122223333:parameter/application/orders/*"]),
        ("ssmmessages:OpenDataChannel", ["arn:aws:ssm:us-east-1:111122223333:parameter/x"]),
        ("s3:Get*", ["arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]),
        ("kms:Decrypt", ["arn:aws:kms:us-east-1:111122223333:alias/orders"]),
    ])
    func mismatchedTypesAreFound(_ action: String, _ resources: [String]) throws {
        #expect(try Self.codes(action, resources).contains("RESOURCE_TYPE_MISMATCH"))
    }

    @Test(arguments: [
        ("s3:ListBucket", ["arn:aws:s3:::orders"]),
        ("s3:GetObject", ["arn:aws:s3:::orders/*"]),
        ("s3:GetObject", ["arn:aws:s3:::orders/home/${aws:username}/*"]),
        ("s3:Get*", ["arn:aws:s3:::orders/*"]),
        ("ssm:GetParametersByPath", ["arn:aws:ssm:us-east-1:111122223333:parameter/application/orders", "arn:aws:ssm:us-east-1:111122223333:parameter/application/orders/*"]),
        ("ssm:GetParameters", ["arn:aws:ssm:us-east-1:111122223333:parameter/application/orders/*"]),
        ("ssmmessages:OpenDataChannel", ["*"]),
        ("kms:Decrypt", ["arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]),
        ("kms:Decrypt", ["arn:aws:kms:*:${aws:PrincipalAccount}:key/*"]),
        ("logs:PutLogEvents", ["arn:aws:logs:us-east-1:111122223333:log-group:/ecs/orders:log-stream:*"]),
        ("iam:PassRole", ["arn:aws:iam::111122223333:role/service-role/orders-task"]),
        ("iam:PassRole", ["arn:aws:iam::{{AccountId}}:role/orders-task"]),
    ])
    func matchingTypesPass(_ action: String, _ resources: [String]) throws {
        let codes = try Self.codes(action, resources)
        #expect(!codes.contains("RESOURCE_TYPE_MISMATCH") && !codes.contains("ARN_SERVICE_MISMATCH")
                && !codes.contains("INVALID_ARN") && !codes.contains("INVALID_ACCOUNT_ID"), "\(codes)")
    }
}
