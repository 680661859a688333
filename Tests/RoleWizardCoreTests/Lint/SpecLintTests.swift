import Testing
@testable import RoleWizardCore

/// Linting a spec: findings in generated documents are placed at the spec field that causes
/// them, with that field's line and column.
@Suite struct SpecLintTests {
    typealias Location = RoleWizardCore.SourceLocation

    static let spec = """
    version: 1
    account: "111122223333"
    region: us-east-1
    roles:
      - name: orders-task
        kind: task
        inlinePolicies:
          - name: app
            statements:
              - Effect: Allow
                Action:
                  - s3:GetObject
                  - s3:GetObjcet
                Resource: arn:aws:s3:::orders-config/*
          - name: exec
            template: ecs-exec
            parameters:
              operatorActions: true
              cluster: orders
      - name: orders-execution
        kind: execution
        managedPolicies: []
    """

    static func entries() -> [LintReport.Entry] {
        FileLinter().lint(bytes: Array(spec.utf8), file: "roles.yaml")
    }

    @Test func aCustomStatementFindingIsAtItsElement() throws {
        let unknown = try #require(Self.entries().first { $0.finding.check == .unknownAction })
        #expect(unknown.finding.path.description == "roles[0].inlinePolicies[0].statements[0].Action[1]")
        #expect(unknown.location == Location(line: 13, column: 17))
        #expect(unknown.context == "role orders-task, inline policy app")
    }

    @Test func aBuildingBlockFindingIsAtItsInlinePolicy() throws {
        let execute = try #require(Self.entries().first { $0.finding.check == .executeCommandInTaskRole })
        #expect(execute.finding.path.description == "roles[0].inlinePolicies[1]")
        #expect(execute.location == Location(line: 15, column: 9))
    }

    @Test func aRoleFindingIsAtTheRoleField() throws {
        let incomplete = try #require(Self.entries().first { $0.finding.check == .executionRoleIncomplete })
        #expect(incomplete.finding.path.description == "roles[1].managedPolicies")
        #expect(incomplete.location == Location(line: 22, column: 22))
        #expect(incomplete.context == "role orders-execution")
    }

    static let trustSpec = """
    version: 1
    account: "111122223333"
    region: us-east-1
    roles:
      - name: app
        kind: task
        trust:
          confusedDeputyProtection: false
          services: [ecs-tasks.amazonaws.com, lambda.amazonaws.com]
          accounts: ["444455556666"]
      - name: app
        kind: task
        trust:
          confusedDeputyProtection: false
    """

    /// A generated trust policy's finding goes to the setting that changes it, so that the
    /// wizard's Enter lands on it: the checkbox, the service, the accounts.
    @Test func aGeneratedTrustFindingIsAtTheSettingThatChangesIt() throws {
        let entries = FileLinter().lint(bytes: Array(Self.trustSpec.utf8), file: "roles.yaml")
        let deputy = entries.filter { $0.finding.check == .missingConfusedDeputyCondition }
        #expect(deputy.map(\.finding.path.description) == [
            "roles[0].trust.confusedDeputyProtection", "roles[0].trust.services[1]", "roles[1].trust.confusedDeputyProtection",
        ])
        #expect(deputy.first?.location == Location(line: 8, column: 33))
        #expect(deputy.dropFirst().first?.location == Location(line: 9, column: 43))
        let account = try #require(entries.first { $0.finding.check == .trustAllowsWholeAccount })
        #expect(account.finding.path.description == "roles[0].trust.accounts")
    }

    /// Two roles with one name (the compiler reports that as an error) keep their own findings.
    @Test func rolesWithTheSameNameKeepTheirOwnFindings() {
        let entries = FileLinter().lint(bytes: Array(Self.trustSpec.utf8), file: "roles.yaml")
        let roles = Set(entries.compactMap { entry -> String? in
            guard case let .index(role)? = entry.finding.path.components.dropFirst().first else { return nil }
            return "\(role)"
        })
        #expect(roles == ["0", "1"])
    }

    @Test func textOutputNamesFileLineAndColumn() {
        var report = LintReport()
        report.files = ["roles.yaml"]
        report.entries = Self.entries()
        let lines = FindingsRenderer.text(report).split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("roles.yaml:13:17: ERROR UNKNOWN_ACTION: role orders-task, inline policy app: s3 has no action \"GetObjcet\"") })
    }
}
