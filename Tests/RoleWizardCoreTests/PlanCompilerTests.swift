import Testing
@testable import RoleWizardCore

/// `PlanCompiler`: every plan-level rule reports one problem at the right field, and the
/// trust policies, ARNs and attachments it builds.
@Suite struct PlanCompilerTests {
    static let compiler = PlanCompiler(catalog: .bundled)

    static func compile(_ plan: Plan) -> CompiledPlan { compiler.compile(plan) }

    /// A plan of one role (in account 123456789012, us-east-1 unless told otherwise).
    static func plan(_ role: Role, account: String? = "123456789012", region: String? = "us-east-1",
                     customerManagedPolicies: [CustomerManagedPolicy] = []) -> Plan {
        Plan(account: account, region: region, roles: [role], customerManagedPolicies: customerManagedPolicies)
    }

    static func paths(_ plan: Plan) -> [String] { compile(plan).problems.map(\.path.description) }

    static func s3(_ buckets: [String]) -> PolicySource {
        .template(name: "s3-read-only", parameters: BlockParameters([("buckets", .list(buckets))]))
    }

    static let validPlan = Plan(
        account: "123456789012", region: "us-east-1",
        roles: [
            Role(name: "app-task", kind: .task, description: "Runs the app; café ok\n", path: "/ecs/",
                 maxSessionDuration: 43200, permissionsBoundary: "PowerUserAccess",
                 tags: [Tag("team", "payments"), Tag("Cost Center", "")],
                 inlinePolicies: [
                     InlinePolicy(name: "config", source: s3(["my-app-config"])),
                     InlinePolicy(name: "custom", source: .statements([
                         Statement(sid: "Read", action: ["s3:GetObject"], resource: "arn:aws:s3:::b/*"),
                     ])),
                     InlinePolicy(name: "doc", source: .document(PolicyDocument(statements: [
                         Statement(action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:123456789012:queue"),
                     ]))),
                 ]),
            Role(name: "app-execution", kind: .execution, inlinePolicies: [
                InlinePolicy(name: "secrets", source: .template(name: "secrets-read", parameters: BlockParameters([("secrets", .list(["prod/db"]))]))),
            ]),
            Role(name: "ecs-instance", kind: .instance, path: "/ecs/"),
        ],
        customerManagedPolicies: [
            CustomerManagedPolicy(name: "shared-logs", description: "logs", path: "/team/",
                                  source: .template(name: "logs-write", parameters: BlockParameters([("logGroups", .list(["/ecs/app"]))])),
                                  attachTo: ["app-task", "app-execution"]),
        ])

    @Test func aValidPlanHasNoProblems() {
        let compiled = Self.compile(Self.validPlan)
        #expect(compiled.problems.isEmpty, "\(compiled.problems)")
        #expect(compiled.isValid)
        #expect(compiled.roles.map(\.name) == ["app-task", "app-execution", "ecs-instance"])
        #expect(compiled.roles[0].inlinePolicies.map(\.name) == ["config", "custom", "doc"])
        #expect(compiled.roles[0].inlinePolicies[0].document.statements.count == 2)
        #expect(compiled.roles[0].permissionsBoundaryARN == "arn:aws:iam::aws:policy/PowerUserAccess")
        #expect(compiled.customerManagedPolicies.map(\.arn) == ["arn:aws:iam::123456789012:policy/team/shared-logs"])
        #expect(!compiled.needsAccount)
        #expect(!compiled.needsRegion)
    }

    // MARK: Plan-level rules

    @Test func duplicateRoleNamesDifferingByCase() throws {
        let plan = Plan(account: "123456789012", region: "us-east-1",
                        roles: [Role(name: "App", kind: .task), Role(name: "other", kind: .task), Role(name: "app", kind: .execution)])
        let problems = Self.compile(plan).problems
        #expect(problems.map(\.path.description) == ["roles[2].name"])
        #expect(problems.first?.message.contains("roles[0]") == true)
    }

    @Test func badAccount() {
        #expect(Self.paths(Self.plan(Role(name: "a", kind: .task), account: "12345678901")) == ["account"])
        #expect(Self.paths(Self.plan(Role(name: "a", kind: .task), account: "abcdefghijkl")) == ["account"])
        #expect(Self.paths(Self.plan(Role(name: "a", kind: .task), account: nil)) == [])
    }

    @Test func badRegion() {
        #expect(Self.paths(Self.plan(Role(name: "a", kind: .task), region: "us-east")) == ["region"])
        #expect(Self.paths(Self.plan(Role(name: "a", kind: .task), region: "US-EAST-1")) == ["region"])
        #expect(Self.paths(Self.plan(Role(name: "a", kind: .task), region: nil)) == [])
    }

    @Test func noRoles() {
        let compiled = Self.compile(Plan(account: "123456789012"))
        #expect(compiled.problems.map(\.path.description) == ["roles"])
        #expect(compiled.problems.first?.message == "a plan needs at least one role")
    }

    @Test func roleFields() {
        let role = Role(name: "bad name", kind: .task, description: "emoji 🚀", path: "ecs", maxSessionDuration: 3599)
        #expect(Self.paths(Self.plan(role)) == ["roles[0].name", "roles[0].path", "roles[0].description", "roles[0].maxSessionDuration"])
    }

    @Test func elevenManagedPoliciesExceedTheQuota() throws {
        let eleven = ["AmazonS3ReadOnlyAccess", "AmazonSSMReadOnlyAccess", "CloudWatchReadOnlyAccess",
                      "AmazonDynamoDBReadOnlyAccess", "AmazonSQSReadOnlyAccess", "AmazonSNSReadOnlyAccess",
                      "AmazonEC2ReadOnlyAccess", "AmazonRDSReadOnlyAccess", "IAMReadOnlyAccess",
                      "AmazonKinesisReadOnlyAccess", "AWSXrayWriteOnlyAccess"]
        let ten = Self.compile(Self.plan(Role(name: "a", kind: .task, managedPolicies: Array(eleven.prefix(10)))))
        #expect(ten.problems.isEmpty, "\(ten.problems)")
        #expect(ten.roles[0].managedPolicyARNs.count == 10)

        let compiled = Self.compile(Self.plan(Role(name: "a", kind: .task, managedPolicies: eleven)))
        #expect(compiled.problems.map(\.path.description) == ["roles[0].managedPolicies"])
        #expect(compiled.problems.first?.message.contains("11 managed policies") == true)
    }

    @Test func customerPoliciesCountTowardsTheQuota() {
        let ten = ["AmazonS3ReadOnlyAccess", "AmazonSSMReadOnlyAccess", "CloudWatchReadOnlyAccess",
                   "AmazonDynamoDBReadOnlyAccess", "AmazonSQSReadOnlyAccess", "AmazonSNSReadOnlyAccess",
                   "AmazonEC2ReadOnlyAccess", "AmazonRDSReadOnlyAccess", "IAMReadOnlyAccess", "AmazonKinesisReadOnlyAccess"]
        let plan = Self.plan(Role(name: "a", kind: .task, managedPolicies: ten), customerManagedPolicies: [
            CustomerManagedPolicy(name: "mine", source: Self.s3(["abc"]), attachTo: ["a"]),
        ])
        #expect(Self.paths(plan) == ["roles[0].managedPolicies"])
    }

    @Test func duplicateAttachment() throws {
        let role = Role(name: "a", kind: .task, managedPolicies: ["AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"])
        let compiled = Self.compile(Self.plan(role))
        #expect(compiled.problems.map(\.path.description) == ["roles[0].managedPolicies[1]"])
        #expect(compiled.problems.first?.message == "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess is attached twice")
        #expect(compiled.roles[0].managedPolicyARNs == ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"])
    }

    @Test func unknownManagedPolicy() throws {
        let role = Role(name: "a", kind: .task, managedPolicies: ["AmazonS3ReadOnlyAccess", "AmazonS3ReadOnlyAcess"])
        let compiled = Self.compile(Self.plan(role))
        #expect(compiled.problems.map(\.path.description) == ["roles[0].managedPolicies[1]"])
        #expect(compiled.problems.first?.message.contains("did you mean \"AmazonS3ReadOnlyAccess\"") == true)
    }

    @Test func aPolicyThePlanCreatesIsAttachedWithAttachTo() {
        let plan = Self.plan(Role(name: "a", kind: .task, managedPolicies: ["mine"]), customerManagedPolicies: [
            CustomerManagedPolicy(name: "mine", source: Self.s3(["abc"])),
        ])
        let compiled = Self.compile(plan)
        #expect(compiled.problems.map(\.path.description) == ["roles[0].managedPolicies[0]"])
        #expect(compiled.problems.first?.message.contains("list the role in its attachTo") == true)
    }

    @Test func duplicateInlinePolicyNames() {
        let role = Role(name: "a", kind: .task, inlinePolicies: [
            InlinePolicy(name: "read", source: Self.s3(["abc"])),
            InlinePolicy(name: "other", source: Self.s3(["abc"])),
            InlinePolicy(name: "Read", source: Self.s3(["def"])),
        ])
        let compiled = Self.compile(Self.plan(role))
        #expect(compiled.problems.map(\.path.description) == ["roles[0].inlinePolicies[2].name"])
        #expect(compiled.problems.first?.message.contains("inlinePolicies[0]") == true)
    }

    @Test func inlinePolicyNameRules() {
        let role = Role(name: "a", kind: .task, inlinePolicies: [
            InlinePolicy(name: "", source: Self.s3(["abc"])),
            InlinePolicy(name: String(repeating: "n", count: 129), source: Self.s3(["abc"])),
        ])
        #expect(Self.paths(Self.plan(role)) == ["roles[0].inlinePolicies[0].name", "roles[0].inlinePolicies[1].name"])
    }

    @Test func blockAndStatementProblemsAreUnderThePolicy() throws {
        let role = Role(name: "a", kind: .task, inlinePolicies: [
            InlinePolicy(name: "s3", source: Self.s3(["good-bucket", "My_Bucket"])),
            InlinePolicy(name: "typo", source: .template(name: "s3-read-onyl", parameters: BlockParameters())),
            InlinePolicy(name: "own", source: .statements([Statement(action: ["s3:GetObject"])])),
            InlinePolicy(name: "doc", source: .document(PolicyDocument(statements: [Statement(action: "s3GetObject", resource: "*")], statementIsList: false))),
        ])
        let compiled = Self.compile(Self.plan(role))
        #expect(compiled.problems.map(\.path.description) == [
            "roles[0].inlinePolicies[0].parameters.buckets[1]",
            "roles[0].inlinePolicies[1].template",
            "roles[0].inlinePolicies[2].statements[0]",
            "roles[0].inlinePolicies[3].document.Statement.Action",
        ])
        #expect(compiled.problems[1].message.contains("did you mean \"s3-read-only\""))
        // A block with problems contributes no statements.
        #expect(compiled.roles[0].inlinePolicies[0].document.statements.isEmpty)
    }

    @Test func trustPolicyOver2048Characters() throws {
        let fewAccounts = (0..<10).map { String(100_000_000_000 + $0) }
        let few = Self.compile(Self.plan(Role(name: "a", kind: .task, trust: TrustSettings(accounts: fewAccounts))))
        #expect(few.problems.isEmpty)
        #expect(few.roles[0].trustPolicySize < 2048)

        let accounts = (0..<80).map { String(100_000_000_000 + $0) }
        let compiled = Self.compile(Self.plan(Role(name: "a", kind: .task, trust: TrustSettings(accounts: accounts))))
        #expect(compiled.roles[0].trustPolicySize > 2048)
        #expect(compiled.problems.map(\.path.description) == ["roles[0].trust"])
        #expect(compiled.problems.first?.message.contains("the default quota is 2048") == true)
    }

    @Test func inlinePoliciesOver10240TogetherButNotAlone() throws {
        func buckets(_ policy: Int) -> [String] { (0..<30).map { "app-bucket-\(policy)-number-\(1000 + $0)" } }
        let three = Role(name: "a", kind: .task, inlinePolicies: (0..<3).map { InlinePolicy(name: "p\($0)", source: Self.s3(buckets($0))) })
        let threeCompiled = Self.compile(Self.plan(three))
        #expect(threeCompiled.problems.isEmpty)
        #expect(threeCompiled.roles[0].inlinePoliciesSize < 10240)

        let five = Role(name: "a", kind: .task, inlinePolicies: (0..<5).map { InlinePolicy(name: "p\($0)", source: Self.s3(buckets($0))) })
        let compiled = Self.compile(Self.plan(five))
        #expect(compiled.roles[0].inlinePoliciesSize > 10240)
        #expect(compiled.problems.map(\.path.description) == ["roles[0].inlinePolicies"])
    }

    @Test func customerManagedPolicyOver6144() throws {
        let buckets = (0..<100).map { "app-bucket-number-\(1000 + $0)" }
        let plan = Self.plan(Role(name: "a", kind: .task), customerManagedPolicies: [
            CustomerManagedPolicy(name: "small", source: Self.s3(["abc"]), attachTo: ["a"]),
            CustomerManagedPolicy(name: "big", source: Self.s3(buckets), attachTo: ["a"]),
        ])
        let compiled = Self.compile(plan)
        #expect(compiled.customerManagedPolicies[1].size > 6144)
        #expect(compiled.problems.map(\.path.description) == ["customerManagedPolicies[1]"])
        #expect(compiled.problems.first?.message.contains("at most 6144") == true)
    }

    @Test func customerManagedPolicyRules() {
        let plan = Self.plan(Role(name: "app-task", kind: .task), customerManagedPolicies: [
            CustomerManagedPolicy(name: "one", source: Self.s3(["abc"]), attachTo: ["app-tsk"]),
            CustomerManagedPolicy(name: "ONE", description: "\u{1}", path: "team", source: Self.s3(["abc"]), attachTo: ["app-task", "app-task"]),
        ])
        let compiled = Self.compile(plan)
        #expect(compiled.problems.map(\.path.description) == [
            "customerManagedPolicies[0].attachTo[0]",
            "customerManagedPolicies[1].name",
            "customerManagedPolicies[1].path",
            "customerManagedPolicies[1].description",
            "customerManagedPolicies[1].attachTo",
        ])
        #expect(compiled.problems.first?.message == "no role named \"app-tsk\" in this plan; did you mean \"app-task\"?")
    }

    @Test func confusedDeputyProtectionOnAnInstanceRole() {
        let role = Role(name: "a", kind: .instance, trust: TrustSettings(confusedDeputyProtection: true))
        let compiled = Self.compile(Self.plan(role))
        #expect(compiled.problems.map(\.path.description) == ["roles[0].trust.confusedDeputyProtection"])
        #expect(compiled.roles[0].trustPolicy.statements.allSatisfy { $0.condition == nil })
        // And on a task role that does not trust ECS tasks.
        let lambda = Role(name: "a", kind: .task, trust: TrustSettings(confusedDeputyProtection: true, services: ["lambda.amazonaws.com"]))
        #expect(Self.paths(Self.plan(lambda)) == ["roles[0].trust.confusedDeputyProtection"])
    }

    @Test func trustWithNobody() {
        let role = Role(name: "a", kind: .task, trust: TrustSettings(services: [], accounts: []))
        let compiled = Self.compile(Self.plan(role))
        #expect(compiled.problems.map(\.path.description) == ["roles[0].trust"])
        #expect(compiled.problems.first?.message.contains("nobody could assume this role") == true)
    }

    @Test func trustServicesAndAccountsProblems() {
        let role = Role(name: "a", kind: .task, trust: TrustSettings(
            services: ["ecs-tasks.amazonaws.com", "ecs-tasks", "ecs-tasks.amazonaws.com"],
            accounts: ["12345", "arn:aws:iam::123456789012:role/ci", "arn:aws:s3:::bucket"]))
        #expect(Self.paths(Self.plan(role)) == [
            "roles[0].trust.services[1]", "roles[0].trust.services", "roles[0].trust.accounts[0]", "roles[0].trust.accounts[2]",
        ])
    }

    @Test func fiftyOneTags() {
        let fifty = (0..<50).map { Tag("key\($0)", "v") }
        #expect(Self.paths(Self.plan(Role(name: "a", kind: .task, tags: fifty))) == [])
        let fiftyOne = (0..<51).map { Tag("key\($0)", "v") }
        let compiled = Self.compile(Self.plan(Role(name: "a", kind: .task, tags: fiftyOne)))
        #expect(compiled.problems.map(\.path.description) == ["roles[0].tags"])
        #expect(compiled.problems.first?.message.contains("51 tags") == true)
    }

    @Test func duplicateTagKeysByCase() {
        let role = Role(name: "a", kind: .task, tags: [Tag("Team", "a"), Tag("team", "b")])
        let compiled = Self.compile(Self.plan(role))
        #expect(compiled.problems.map(\.path.description) == ["roles[0].tags[1].key"])
        let bad = Role(name: "a", kind: .task, tags: [Tag("aws:x", "a"), Tag("ok", "$(x)")])
        #expect(Self.paths(Self.plan(bad)) == ["roles[0].tags[0].key", "roles[0].tags[1].value"])
    }

    @Test func permissionsBoundary() {
        let own = Self.compile(Self.plan(Role(name: "a", kind: .task, permissionsBoundary: "boundary"), customerManagedPolicies: [
            CustomerManagedPolicy(name: "boundary", source: Self.s3(["abc"])),
        ]))
        #expect(own.problems.isEmpty)
        #expect(own.roles[0].permissionsBoundaryARN == "arn:aws:iam::123456789012:policy/boundary")
        let unknown = Self.compile(Self.plan(Role(name: "a", kind: .task, permissionsBoundary: "NoSuchPolicyAnywhere")))
        #expect(unknown.problems.map(\.path.description) == ["roles[0].permissionsBoundary"])
    }

    // MARK: Trust policy contents

    @Test func taskRoleTrustHasTheConfusedDeputyConditions() {
        let compiled = Self.compile(Self.plan(Role(name: "app", kind: .task)))
        #expect(compiled.problems.isEmpty)
        #expect(compiled.roles[0].trustPolicy.prettyText == """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": {
                "Service": "ecs-tasks.amazonaws.com"
              },
              "Action": "sts:AssumeRole",
              "Condition": {
                "ArnLike": {
                  "aws:SourceArn": "arn:aws:ecs:us-east-1:123456789012:*"
                },
                "StringEquals": {
                  "aws:SourceAccount": "123456789012"
                }
              }
            }
          ]
        }

        """)
        let execution = Self.compile(Self.plan(Role(name: "exec", kind: .execution)))
        #expect(execution.roles[0].trustPolicy == compiled.roles[0].trustPolicy)
    }

    static let plainTaskTrust = """
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {
            "Service": "ecs-tasks.amazonaws.com"
          },
          "Action": "sts:AssumeRole"
        }
      ]
    }

    """

    @Test func withoutAccountOrRegionProtectionIsOffByDefault() {
        for (account, region) in [(nil, nil), ("123456789012", nil), (nil, "us-east-1")] as [(String?, String?)] {
            let compiled = Self.compile(Self.plan(Role(name: "app", kind: .task), account: account, region: region))
            #expect(compiled.problems.isEmpty)
            #expect(compiled.roles[0].trustPolicy.prettyText == Self.plainTaskTrust, "account \(account ?? "-") region \(region ?? "-")")
        }
        let off = Self.compile(Self.plan(Role(name: "app", kind: .task, trust: TrustSettings(confusedDeputyProtection: false))))
        #expect(off.roles[0].trustPolicy.prettyText == Self.plainTaskTrust)
    }

    @Test func explicitProtectionWithoutAccountUsesPlaceholders() throws {
        let role = Role(name: "app", kind: .task, trust: TrustSettings(confusedDeputyProtection: true))
        let compiled = Self.compile(Self.plan(role, account: nil, region: nil))
        #expect(compiled.problems.isEmpty)
        let condition = try #require(compiled.roles[0].trustPolicy.statements.first?.condition)
        #expect(condition == ConditionBlock([
            .init(operator: "ArnLike", entries: [.init(key: "aws:SourceArn", values: ConditionValues([.string("arn:aws:ecs:{{Region}}:{{AccountId}}:*")]))]),
            .init(operator: "StringEquals", entries: [.init(key: "aws:SourceAccount", values: ConditionValues([.string("{{AccountId}}")]))]),
        ]))
        #expect(compiled.needsAccount)
        #expect(compiled.needsRegion)
    }

    @Test func instanceRoleTrustsEC2WithoutConditions() {
        let compiled = Self.compile(Self.plan(Role(name: "inst", kind: .instance)))
        #expect(compiled.problems.isEmpty)
        #expect(compiled.roles[0].trustPolicy.prettyText == """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": {
                "Service": "ec2.amazonaws.com"
              },
              "Action": "sts:AssumeRole"
            }
          ]
        }

        """)
    }

    @Test func otherServicesShareOneStatementAndECSKeepsItsOwn() {
        let role = Role(name: "app", kind: .task, trust: TrustSettings(
            services: ["ecs-tasks.amazonaws.com", "lambda.amazonaws.com", "events.amazonaws.com"]))
        let trust = Self.compile(Self.plan(role)).roles[0].trustPolicy
        #expect(trust.statements.count == 2)
        #expect(trust.statements[0].principal == .service(["ecs-tasks.amazonaws.com"]))
        #expect(trust.statements[0].condition != nil)
        #expect(trust.statements[1].principal == .service(["lambda.amazonaws.com", "events.amazonaws.com"]))
        #expect(trust.statements[1].condition == nil)
    }

    @Test func trustedAccountsBecomeRootARNs() {
        let role = Role(name: "app", kind: .task, trust: TrustSettings(
            services: [], accounts: ["210987654321", "arn:aws:iam::111122223333:role/ci"]))
        let compiled = Self.compile(Self.plan(role))
        #expect(compiled.problems.isEmpty)
        #expect(compiled.roles[0].trustPolicy.prettyText == """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": {
                "AWS": [
                  "arn:aws:iam::210987654321:root",
                  "arn:aws:iam::111122223333:role/ci"
                ]
              },
              "Action": "sts:AssumeRole"
            }
          ]
        }

        """)
        let china = Plan(account: "123456789012", region: "cn-north-1", partition: .awsCN,
                         roles: [Role(name: "app", kind: .task, trust: TrustSettings(accounts: ["210987654321"]))])
        let chinaTrust = Self.compile(china).roles[0].trustPolicy
        #expect(chinaTrust.statements.count == 2)
        #expect(chinaTrust.statements[1].principal == .map([(type: .aws, values: StringList(["arn:aws-cn:iam::210987654321:root"], isList: false))]))
        #expect(chinaTrust.statements[0].condition?.clauses.first?.entries.first?.values.values == [.string("arn:aws-cn:ecs:cn-north-1:123456789012:*")])
    }

    @Test func aTrustDocumentIsUsedAsWrittenAndChecked() {
        let document = PolicyDocument(statements: [
            Statement(principal: .service(["ecs-tasks.amazonaws.com"]), action: "sts:AssumeRole", resource: "*"),
        ], statementIsList: false)
        let compiled = Self.compile(Self.plan(Role(name: "app", kind: .task, trust: TrustSettings(document: document))))
        #expect(compiled.roles[0].trustPolicy == document)
        #expect(compiled.problems.map(\.path.description) == ["roles[0].trust.document.Statement.Resource"])
    }

    // MARK: Managed policies and ARNs

    @Test func defaultManagedPoliciesByKind() {
        let plan = Plan(account: "123456789012", region: "us-east-1", roles: [
            Role(name: "t", kind: .task), Role(name: "e", kind: .execution), Role(name: "i", kind: .instance),
        ])
        let compiled = Self.compile(plan)
        #expect(compiled.problems.isEmpty)
        #expect(compiled.roles.map(\.managedPolicyARNs) == [
            [],
            ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"],
            ["arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"],
        ])
    }

    @Test func anExplicitListReplacesTheDefaults() {
        let plan = Plan(account: "123456789012", region: "us-east-1", roles: [
            Role(name: "e", kind: .execution, managedPolicies: ["AmazonSSMReadOnlyAccess"]),
            Role(name: "i", kind: .instance, managedPolicies: []),
        ])
        let compiled = Self.compile(plan)
        #expect(compiled.problems.isEmpty)
        #expect(compiled.roles.map(\.managedPolicyARNs) == [["arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess"], []])
    }

    @Test func customerPoliciesAreAttachedAfterTheListedOnes() {
        let compiled = Self.compile(Self.validPlan)
        #expect(compiled.roles[0].managedPolicyARNs == ["arn:aws:iam::123456789012:policy/team/shared-logs"])
        #expect(compiled.roles[1].managedPolicyARNs == [
            "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
            "arn:aws:iam::123456789012:policy/team/shared-logs",
        ])
        #expect(compiled.roles[2].managedPolicyARNs == ["arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"])
    }

    @Test func roleAndInstanceProfileARNs() {
        let compiled = Self.compile(Self.validPlan)
        #expect(compiled.roles.map(\.arn) == [
            "arn:aws:iam::123456789012:role/ecs/app-task",
            "arn:aws:iam::123456789012:role/app-execution",
            "arn:aws:iam::123456789012:role/ecs/ecs-instance",
        ])
        #expect(compiled.roles.map(\.instanceProfileARN) == [nil, nil, "arn:aws:iam::123456789012:instance-profile/ecs/ecs-instance"])

        let noAccount = Self.compile(Plan(partition: .awsUSGov, roles: [Role(name: "i", kind: .instance)]))
        #expect(noAccount.roles[0].arn == "arn:aws-us-gov:iam::{{AccountId}}:role/i")
        #expect(noAccount.roles[0].instanceProfileARN == "arn:aws-us-gov:iam::{{AccountId}}:instance-profile/i")
    }

    @Test func needsAccountWhenAnARNHoldsThePlaceholder() {
        // CompiledPlan.needsAccount: "True when some document or ARN still holds {{AccountId}}".
        let compiled = Self.compile(Plan(roles: [Role(name: "i", kind: .instance)]))
        #expect(compiled.roles[0].arn.contains(Placeholder.account))
        #expect(compiled.needsAccount)
    }
}
