import Testing
@testable import RoleWizardCore

/// `SpecLoader.load(text:file:)`: what a bad spec tells its author, and where.
@Suite struct SpecReaderTests {
    static func load(_ text: String) -> SpecLoader.Loaded { SpecLoader.load(text: text, file: "spec.yaml") }

    static func lines(_ text: String) -> [String] { load(text).diagnostics.map(\.description) }

    @Test func aGoodSpecLoadsWithoutDiagnostics() throws {
        let loaded = Self.load("""
        version: 1
        account: "123456789012"
        region: us-east-1
        roles:
          - name: app-task
            kind: task
            path: /ecs/
            tags:
              team: payments
            inlinePolicies:
              - name: config
                template: s3-read-only
                parameters:
                  buckets: [my-app-config]
          - name: app-execution
            kind: execution
        """)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let compiled = try #require(loaded.compiled)
        #expect(compiled.isValid)
        #expect(compiled.plan.roles.map(\.name) == ["app-task", "app-execution"])
        #expect(compiled.plan.roles[0].tags == [Tag("team", "payments")])
        #expect(compiled.roles[0].arn == "arn:aws:iam::123456789012:role/ecs/app-task")
    }

    @Test func syntaxErrorHasLineAndColumn() throws {
        let loaded = Self.load("""
        version: 1
        roles:
          - name: app
           kind: task
        """)
        #expect(loaded.compiled == nil)
        #expect(loaded.diagnostics.map(\.description) == [
            "spec.yaml:4:4: (file): not valid YAML or JSON: while parsing a block collection: did not find expected '-' indicator",
        ])
        let diagnostic = try #require(loaded.diagnostics.first)
        #expect(diagnostic.field == .root)
        #expect(diagnostic.location == SourceLocation(line: 4, column: 4))

        let tab = Self.lines("roles:\n  - name: a\n\tkind: task\n")
        #expect(tab.count == 1)
        #expect(tab.first?.hasPrefix("spec.yaml:3:1: (file): not valid YAML or JSON: ") == true)
        #expect(tab.first?.contains("tab") == true)

        let unclosed = try #require(Self.load("version: 1\nroles:\n  - name: app\n    kind: [task\n").diagnostics.first)
        #expect(unclosed.message.contains("did not find expected ',' or ']'"))
        #expect((unclosed.location?.line ?? 0) >= 4)
    }

    @Test func duplicateKeysAreASyntaxError() throws {
        let diagnostic = try #require(Self.load("""
        version: 1
        region: us-east-1
        region: us-west-2
        roles: []
        """).diagnostics.first)
        #expect(diagnostic.message.contains("duplicate key \"region\""))
        // The repeated key, not the first one (where Yams marks it).
        #expect(diagnostic.location == SourceLocation(line: 3, column: 1))
        let nested = try #require(Self.load("""
        version: 1
        roles:
          - name: a
            kind: task
            name: b
        """).diagnostics.first)
        #expect(nested.location == SourceLocation(line: 5, column: 5))
    }

    @Test func placeholdersAreRefusedInPaths() {
        #expect(IAMRules.checkPath("/team-{{AccountId}}/")?.contains("placeholder") == true)
        #expect(IAMRules.checkPath("/team-{x}/") == nil)
    }

    @Test func aReservedTagKeyIsReportedAtTheKey() {
        let loaded = Self.load("version: 1\nroles:\n  - name: a\n    kind: task\n    tags:\n      aws:reserved: x\n")
        #expect(loaded.diagnostics.map(\.description) == ["spec.yaml:6:7: roles[0].tags[0].key: tag keys starting with \"aws:\" are reserved for AWS"])
    }

    @Test func emptySpec() {
        let loaded = Self.load("")
        #expect(loaded.compiled == nil)
        #expect(loaded.diagnostics.map(\.description) == ["spec.yaml: (file): the spec is empty; start from `ecs-role-wizard init --preset NAME`"])
    }

    @Test func unknownKeySuggestsTheClosest() throws {
        let loaded = Self.load("""
        version: 1
        roles:
          - nmae: app
            kind: task
        """)
        let unknown = try #require(loaded.diagnostics.first { $0.field.description == "roles[0].nmae" })
        #expect(unknown.location == SourceLocation(line: 3, column: 5))
        #expect(unknown.message.hasPrefix("unknown key \"nmae\" in a role; did you mean \"name\"?"))
        #expect(unknown.description.hasPrefix("spec.yaml:3:5: roles[0].nmae: unknown key \"nmae\""))

        let root = Self.lines("""
        version: 1
        acount: "123456789012"
        roles:
          - name: app
            kind: task
        """)
        #expect(root.count == 1)
        #expect(root.first?.hasPrefix("spec.yaml:2:1: acount: unknown key \"acount\" in a spec; did you mean \"account\"?") == true)
    }

    @Test func wrongTypesPointAtTheirValues() {
        let lines = Self.lines("""
        version: 1
        roles:
          - name: app
            kind: task
            maxSessionDuration: twelve hours
            tags: [a, b]
            trust:
              confusedDeputyProtection: yes
        """)
        #expect(lines == [
            "spec.yaml:5:25: roles[0].maxSessionDuration: maxSessionDuration must be a whole number, not \"twelve hours\"",
            "spec.yaml:6:11: roles[0].tags: tags must be a mapping of keys to values, not a list",
            "spec.yaml:8:33: roles[0].trust.confusedDeputyProtection: confusedDeputyProtection must be true or false, not \"yes\"",
        ])
    }

    @Test func moreWrongTypes() {
        let lines = Self.lines("""
        version: "1"
        roles: app
        """)
        #expect(lines == [
            "spec.yaml:1:10: version: version must be a whole number, not \"1\"",
            "spec.yaml:2:8: roles: roles must be a list, not \"app\"",
        ])
        #expect(Self.lines("version: 2\nroles:\n  - {name: a, kind: task}\n")
            == ["spec.yaml:1:10: version: spec version 2 is not supported; this ecs-role-wizard reads version 1"])
        #expect(Self.lines("version: 1\nroles:\n  - {name: a, kind: tusk}\n")
            == ["spec.yaml:3:21: roles[0].kind: kind must be task, execution or instance, not \"tusk\"; did you mean \"task\"?"])
        #expect(Self.lines("version: 1\npartition: aws-eu\nroles:\n  - {name: a, kind: task}\n")
            == ["spec.yaml:2:12: partition: partition must be aws, aws-cn or aws-us-gov, not \"aws-eu\""])
    }

    @Test func compilerProblemsPointAtTheirValues() {
        let lines = Self.lines("""
        version: 1
        account: "123456789012"
        region: us-east
        roles:
          - name: app
            kind: task
            maxSessionDuration: 99
            inlinePolicies:
              - name: read
                template: s3-read-only
                parameters:
                  buckets:
                    - good-bucket
                    - My_Bucket
        """)
        #expect(lines == [
            "spec.yaml:3:9: region: \"us-east\" is not a region name (like us-east-1)",
            "spec.yaml:7:25: roles[0].maxSessionDuration: 99 seconds is outside 3600–43200 (1 to 12 hours)",
            "spec.yaml:14:15: roles[0].inlinePolicies[0].parameters.buckets[1]: \"My_Bucket\" is not an S3 bucket name (3–63 lower-case letters, digits, dots and hyphens)",
        ])
    }

    @Test func aProblemWithoutItsOwnLocationUsesTheNearestField() throws {
        let loaded = Self.load("""
        version: 1
        roles:
          - name: app
            kind: task
            trust:
              services: []
        """)
        // "nobody could assume this role" is about roles[0].trust, written at line 6.
        #expect(loaded.diagnostics.map(\.field.description) == ["roles[0].trust"])
        #expect(loaded.diagnostics.first?.location == SourceLocation(line: 6, column: 7))

        // ecs-exec's missing cluster has no line of its own: the parameters' is used.
        let exec = Self.lines("""
        version: 1
        roles:
          - name: app
            kind: task
            inlinePolicies:
              - name: exec
                template: ecs-exec
                parameters:
                  operatorActions: true
        """)
        #expect(exec == [
            "spec.yaml:9:11: roles[0].inlinePolicies[0].parameters.cluster: operatorActions needs the cluster whose tasks may be exec'd into",
        ])
    }

    @Test func tagKeyProblemsPointAtTheKey() {
        let lines = Self.lines("""
        version: 1
        roles:
          - name: a
            kind: task
            managedPolicies: [AmazonS3ReadOnlyAccess]
          - name: b
            kind: task
            tags: {aws:x: "1", team: "a", Team: "b"}
        """)
        #expect(lines == [
            "spec.yaml:8:12: roles[1].tags[0].key: tag keys starting with \"aws:\" are reserved for AWS",
            "spec.yaml:8:35: roles[1].tags[2].key: tag key \"Team\" is given twice; keys are unique, ignoring case",
        ])
    }

    @Test func columnsCountCharacters() {
        // `ü` is two bytes in UTF-8; the column of `$x` is counted in characters.
        let lines = Self.lines("""
        version: 1
        roles:
          - name: app
            kind: task
            tags: {Zürich: $x}
        """)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("spec.yaml:5:20: roles[0].tags[0].value: tag value \"$x\"") == true)
    }

    @Test func jsonSpecsLoadToo() throws {
        let good = Self.load("""
        {
          "version": 1,
          "account": "123456789012",
          "roles": [
            {"name": "app", "kind": "task", "trust": {"confusedDeputyProtection": false}},
            {"name": "host", "kind": "instance"}
          ]
        }
        """)
        #expect(good.diagnostics.isEmpty)
        let compiled = try #require(good.compiled)
        #expect(compiled.plan.account == "123456789012")
        #expect(compiled.plan.roles.map(\.kind) == [.task, .instance])
        #expect(compiled.plan.roles[0].trust.confusedDeputyProtection == false)

        let bad = Self.lines("""
        {
          "version": 1,
          "region": "us-east",
          "roles": [
            {"name": "app", "kind": "task", "maxSessionDuration": 99}
          ]
        }
        """)
        #expect(bad == [
            "spec.yaml:3:13: region: \"us-east\" is not a region name (like us-east-1)",
            "spec.yaml:5:59: roles[0].maxSessionDuration: 99 seconds is outside 3600–43200 (1 to 12 hours)",
        ])
    }

    @Test func allProblemsAreReportedAtOnce() {
        let loaded = Self.load("""
        version: 1
        acount: "123456789012"
        region: us-east
        roles:
          - name: app
            kind: task
            maxSessionDuration: 99
        """)
        #expect(loaded.diagnostics.count == 3)
        #expect(loaded.diagnostics.map(\.field.description) == ["acount", "region", "roles[0].maxSessionDuration"])
        #expect(loaded.diagnostics.map { $0.location?.line } == [2, 3, 7])
        // The compiled plan is kept for previews, with every problem.
        #expect(loaded.compiled?.problems.count == 3)
        #expect(loaded.compiled?.isValid == false)
    }

    @Test func problemsInSeveralRolesAndPolicies() {
        let lines = Self.lines("""
        version: 1
        roles:
          - name: App
            kind: task
            path: ecs
          - name: app
            kind: execution
        customerManagedPolicies:
          - name: shared
            statements:
              - Effect: Allow
                Action: s3GetObject
                Resource: "*"
            attachTo: [App, nobody]
        """)
        #expect(lines == [
            "spec.yaml:5:11: roles[0].path: \"ecs\" must be \"/\" or start and end with \"/\" (e.g. /ecs/)",
            "spec.yaml:6:11: roles[1].name: role \"app\" has the name of roles[0]; role names are unique in an account, ignoring case",
            "spec.yaml:12:17: customerManagedPolicies[0].statements[0].Action: \"s3GetObject\" is not an action; write SERVICE:Action, e.g. s3:GetObject",
            "spec.yaml:14:21: customerManagedPolicies[0].attachTo[1]: no role named \"nobody\" in this plan",
        ])
    }

    @Test func aTypeErrorIsReportedOnce() {
        // The reader's problem hides the compiler's problem about the same field.
        let region = Self.load("version: 1\nregion: [us-east-1]\nroles:\n  - {name: a, kind: task}\n")
        #expect(region.diagnostics.map(\.description) == ["spec.yaml:2:9: region: region must be a string, not a list"])
        let kind = Self.load("version: 1\nroles:\n  - name: a\n    kind: [task]\n")
        #expect(kind.diagnostics.map(\.field.description) == ["roles[0].kind"])
        let session = Self.load("version: 1\nroles:\n  - name: a\n    kind: task\n    maxSessionDuration: \"7200\"\n")
        #expect(session.diagnostics.map(\.field.description) == ["roles[0].maxSessionDuration"])
        let tags = Self.load("version: 1\nroles:\n  - name: a\n    kind: task\n    tags: {team: [a]}\n")
        #expect(tags.diagnostics.map(\.field.description) == ["roles[0].tags[0].value"])
    }

    @Test func aRoleNameWithATypeErrorIsReportedOnce() {
        let loaded = Self.load("version: 1\nroles:\n  - name: [app]\n    kind: task\n")
        #expect(loaded.diagnostics.map(\.description) == ["spec.yaml:3:11: roles[0].name: name must be a string, not a list"])
        let policy = Self.load("""
        version: 1
        roles:
          - name: app
            kind: task
            inlinePolicies:
              - name: null
                template: s3-read-only
                parameters: {buckets: [abc]}
        """)
        #expect(policy.diagnostics.map(\.field.description) == ["roles[0].inlinePolicies[0].name"])
    }

    @Test func aTrustServicesTypeErrorIsReportedOnce() {
        let loaded = Self.load("""
        version: 1
        roles:
          - name: app
            kind: task
            trust:
              services: ecs-tasks.amazonaws.com
        """)
        #expect(loaded.diagnostics.map(\.description)
            .contains("spec.yaml:6:17: roles[0].trust.services: services must be a list, not \"ecs-tasks.amazonaws.com\""))
        #expect(loaded.diagnostics.map(\.field.description) == ["roles[0].trust.services"])
    }

    @Test func aMissingNameDoesNotHideTheRolesOtherProblems() {
        let loaded = Self.load("""
        version: 1
        roles:
          - kind: task
            path: ecs
            maxSessionDuration: 99
        """)
        #expect(loaded.diagnostics.first?.description == "spec.yaml:3:5: roles[0].name: a role needs a name")
        #expect(loaded.diagnostics.map(\.field.description) == ["roles[0].name", "roles[0].path", "roles[0].maxSessionDuration"])
    }

    @Test func aMissingRolesKeyDoesNotHideOtherProblems() {
        let loaded = Self.load("version: 1\nregion: us-east\n")
        #expect(loaded.diagnostics.contains { $0.message.contains("a spec needs `roles:`") })
        #expect(loaded.diagnostics.contains { $0.field.description == "region" })
    }

    @Test func diagnosticDescriptionFormat() {
        let located = Diagnostic(file: "a/b.yaml", location: SourceLocation(line: 12, column: 7),
                                 field: .root / "roles" / 2 / "name", message: "bad")
        #expect(located.description == "a/b.yaml:12:7: roles[2].name: bad")
        let unlocated = Diagnostic(file: "a/b.yaml", location: nil, field: .root, message: "bad")
        #expect(unlocated.description == "a/b.yaml: (file): bad")
    }

    @Test func diagnosticsAreSortedByPosition() {
        let loaded = Self.load("""
        version: 1
        roles:
          - name: b
            kind: task
            maxSessionDuration: 1
        region: us-east
        account: "1"
        """)
        #expect(loaded.diagnostics.map { $0.location?.line } == [5, 6, 7])
    }
}
