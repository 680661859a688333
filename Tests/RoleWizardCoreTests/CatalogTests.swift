import Testing
@testable import RoleWizardCore

@Suite struct ManagedPolicyCatalogTests {
    let catalog = ManagedPolicyCatalog.bundled

    @Test func holdsEveryPolicyWithItsRealPath() throws {
        #expect(catalog.policies.count > 1400)
        #expect(catalog.source.hasPrefix("moto "))
        let execution = try #require(catalog.named("AmazonECSTaskExecutionRolePolicy"))
        #expect(execution.path == "/service-role/")
        #expect(execution.arn() == "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
        #expect(catalog.named("AmazonEC2ContainerServiceforEC2Role")?.path == "/service-role/")
        #expect(catalog.named("AmazonSSMReadOnlyAccess")?.path == "/")
    }

    @Test func everyECSSummaryNamesARealPolicy() {
        for name in ECSPolicySummaries.byName.keys {
            #expect(catalog.named(name)?.name == name, "summary for \(name), which the catalog does not hold")
        }
    }

    @Test func documentsParse() throws {
        let policy = try #require(catalog.named("AmazonECSTaskExecutionRolePolicy"))
        let document = try #require(catalog.document(of: policy))
        let actions = document.statements.flatMap { $0.action?.values ?? [] }
        #expect(actions.contains("ecr:GetAuthorizationToken"))
        #expect(actions.contains("logs:PutLogEvents"))
    }

    @Test func resolvesNamesPathsAndARNs() throws {
        let expected = ManagedPolicyReference.aws(name: "AmazonECSTaskExecutionRolePolicy",
                                                  arn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
        #expect(try catalog.resolve("AmazonECSTaskExecutionRolePolicy", partition: .aws).get() == expected)
        #expect(try catalog.resolve("service-role/AmazonECSTaskExecutionRolePolicy", partition: .aws).get() == expected)
        #expect(try catalog.resolve(expected.arn, partition: .aws).get() == expected)
        #expect(try catalog.resolve("AmazonSSMReadOnlyAccess", partition: .awsCN).get().arn
            == "arn:aws-cn:iam::aws:policy/AmazonSSMReadOnlyAccess")
        #expect(try catalog.resolve("arn:aws:iam::123456789012:policy/team/Mine", partition: .aws).get()
            == .customer(arn: "arn:aws:iam::123456789012:policy/team/Mine"))
    }

    @Test func anARNThatLostItsServiceRolePathIsRefusedWithTheRightOne() {
        guard case let .failure(error) = catalog.resolve("arn:aws:iam::aws:policy/AmazonECSTaskExecutionRolePolicy", partition: .aws) else {
            Issue.record("accepted an ARN without service-role/")
            return
        }
        #expect(error.message.contains("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"))
    }

    @Test func aWrongNameSuggestsTheClosest() {
        guard case let .failure(error) = catalog.resolve("AmazonECSTaskExecutionPolicy", partition: .aws) else {
            Issue.record("accepted an unknown name")
            return
        }
        #expect(error.message.contains("did you mean \"AmazonECSTaskExecutionRolePolicy\""))
        guard case let .failure(caseError) = catalog.resolve("amazonssmreadonlyaccess", partition: .aws) else {
            Issue.record("accepted a name in the wrong case")
            return
        }
        #expect(caseError.message.contains("AmazonSSMReadOnlyAccess"))
    }

    @Test func searchRanksSubstringsAndECSPoliciesFirst() {
        let results = catalog.search("TaskExecution", limit: 5).map(\.name)
        #expect(results.first == "AmazonECSTaskExecutionRolePolicy")
        let fuzzy = catalog.search("ecstaskexec", limit: 3).map(\.name)
        #expect(fuzzy.contains("AmazonECSTaskExecutionRolePolicy"))
        #expect(catalog.search("", limit: 1).first?.isECSRelevant == true)
        #expect(catalog.search("zzzzqqqq").isEmpty)
    }
}
