import Foundation
import Testing
@testable import RoleWizardCore

/// A plan that uses every spec key survives writing and reading, in YAML and in JSON.
@Suite struct SpecRoundTripTests {
    static let everything = Plan(
        account: "012345678901", region: "eu-central-1", partition: .aws,
        roles: [
            Role(name: "app-task", kind: .task,
                 description: "line one\nline \"two\" with $(not a command) and `ticks`\ttab",
                 path: "/ecs/app/", maxSessionDuration: 7200,
                 permissionsBoundary: "PowerUserAccess",
                 tags: [Tag("team", "payments"), Tag("cost center", "1234"), Tag("city", "Zürich"), Tag("empty", "")],
                 trust: TrustSettings(confusedDeputyProtection: false, services: ["ecs-tasks.amazonaws.com"],
                                      accounts: ["210987654321"]),
                 managedPolicies: ["AmazonS3ReadOnlyAccess"],
                 inlinePolicies: [
                     InlinePolicy(name: "exec", source: .template(name: "ecs-exec", parameters: BlockParameters())),
                     InlinePolicy(name: "metrics", source: .template(name: "cloudwatch-metrics",
                                                                     parameters: BlockParameters([("namespaces", .list(["true", "123", "2012-10-17"]))]))),
                     InlinePolicy(name: "custom", source: .statements([
                         Statement(sid: "Read", effect: .allow, action: ["s3:GetObject"], resource: "arn:aws:s3:::b/*",
                                   condition: ConditionBlock([
                                       .init(operator: "Bool", entries: [.init(key: "aws:SecureTransport", values: ConditionValues([.bool(true)]))]),
                                       .init(operator: "NumericLessThan", entries: [.init(key: "s3:max-keys", values: ConditionValues([.number("10")]))]),
                                       .init(operator: "StringEquals", entries: [.init(key: "aws:PrincipalTag/x", values: ConditionValues([.string("true"), .string("007")]))]),
                                   ])),
                         Statement(effect: .deny, notAction: "iam:*", notResource: ["*"]),
                     ])),
                 ]),
            Role(name: "host", kind: .instance, trust: TrustSettings(document: PolicyDocument(
                version: "2012-10-17", id: "trust",
                statements: [Statement(principal: .service(["ec2.amazonaws.com"]), action: "sts:AssumeRole")],
                statementIsList: false))),
        ],
        customerManagedPolicies: [
            CustomerManagedPolicy(name: "shared", description: "d", path: "/p/",
                                  source: .document(PolicyDocument(statements: [Statement(action: "sqs:SendMessage", resource: "*")])),
                                  attachTo: ["app-task"]),
        ])

    @Test(arguments: [SpecWriter.Format.yaml, .json])
    func everyKeyRoundTrips(_ format: SpecWriter.Format) {
        let text = SpecWriter.text(Self.everything, format: format)
        let read = SpecReader.read(text: text)
        #expect(read.problems.isEmpty, "\(read.problems)\n\(text)")
        #expect(read.plan == Self.everything, "\(text)")
    }

    @Test func theJSONSpecIsJSON() throws {
        let text = SpecWriter.text(Self.everything, format: .json)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["account"] as? String == "012345678901")
        #expect((object?["roles"] as? [Any])?.count == 2)
    }

    @Test func yamlQuotesWhatYAMLWouldReadAsAnotherType() {
        let text = SpecWriter.text(Self.everything, format: .yaml)
        #expect(text.contains("account: \"012345678901\""))
        #expect(text.contains("- \"true\""))
        #expect(text.contains("- \"2012-10-17\""))
        #expect(text.contains("aws:SecureTransport: true"))
    }
}
