import Testing
@testable import RoleWizardCore

/// The exact statements every building block writes, and the problems its parameters can have.
@Suite struct BuildingBlockTests {
    static let known = PlanContext(partition: .aws, account: "123456789012", region: "us-east-1")
    static let unknown = PlanContext()
    /// Where a block's parameters live in a plan, as the compiler passes it.
    static let parametersPath = FieldPath.root / "roles" / 0 / "inlinePolicies" / 0 / "parameters"

    static func block(_ name: String) throws -> BuildingBlock {
        try #require(BuildingBlocks.named(name), "no block \(name)")
    }

    /// The block's document as pretty JSON, without the final newline.
    static func text(_ name: String, _ parameters: BlockParameters, _ context: PlanContext) throws -> String {
        let block = try block(name)
        #expect(block.problems(parameters, context: context, at: parametersPath).isEmpty,
                "the parameters for \(name) should be valid")
        let text = block.document(parameters, context: context).prettyText
        #expect(text.hasSuffix("}\n"))
        return String(text.dropLast())
    }

    static func problems(_ name: String, _ parameters: BlockParameters, _ context: PlanContext = known) throws -> [Problem] {
        try block(name).problems(parameters, context: context, at: parametersPath)
    }

    static func path(_ rest: String) -> String { "roles[0].inlinePolicies[0].parameters" + rest }

    @Test func theCatalogOfBlocks() {
        #expect(BuildingBlocks.all.map(\.name) == [
            "ecs-exec", "kms-decrypt", "ssm-parameters", "s3-read-only", "s3-read-write",
            "secrets-read", "logs-write", "cloudwatch-metrics",
        ])
        #expect(BuildingBlocks.named("s3-read-only")?.title == "S3 read-only")
        #expect(BuildingBlocks.named("s3") == nil)
        for block in BuildingBlocks.all {
            #expect(!block.summary.isEmpty && !block.title.isEmpty, "\(block.name)")
            #expect(Set(block.parameters.map(\.name)).count == block.parameters.count, "\(block.name) repeats a parameter")
        }
    }

    // MARK: ecs-exec

    @Test func ecsExecWithoutOperatorActionsIsTheFourChannelActionsOnStar() throws {
        let expected = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": [
                "ssmmessages:CreateControlChannel",
                "ssmmessages:CreateDataChannel",
                "ssmmessages:OpenControlChannel",
                "ssmmessages:OpenDataChannel"
              ],
              "Resource": "*"
            }
          ]
        }
        """
        #expect(try Self.text("ecs-exec", BlockParameters(), Self.known) == expected)
        #expect(try Self.text("ecs-exec", BlockParameters(), Self.unknown) == expected)
        // A cluster alone, or operatorActions: false, adds nothing.
        #expect(try Self.text("ecs-exec", BlockParameters([("operatorActions", .bool(false)), ("cluster", .string("web"))]), Self.known) == expected)
    }

    @Test func ecsExecWithOperatorActionsNamesTheClusterAndItsTasks() throws {
        let parameters = BlockParameters([("operatorActions", .bool(true)), ("cluster", .string("retail-store-ecs-cluster"))])
        let statements = try Self.block("ecs-exec").statements(parameters, context: Self.known)
        #expect(statements.count == 2)
        #expect(statements[0].action?.values.allSatisfy { $0.hasPrefix("ssmmessages:") } == true)
        #expect(statements[0].resource == "*")
        #expect(statements[1].action == StringList(["ecs:ExecuteCommand", "ecs:DescribeTasks"], isList: true))
        #expect(statements[1].resource == StringList([
            "arn:aws:ecs:us-east-1:123456789012:task/retail-store-ecs-cluster/*",
            "arn:aws:ecs:us-east-1:123456789012:cluster/retail-store-ecs-cluster",
        ], isList: true))
        #expect(try Self.text("ecs-exec", parameters, Self.known).hasSuffix("""
            {
              "Effect": "Allow",
              "Action": [
                "ecs:ExecuteCommand",
                "ecs:DescribeTasks"
              ],
              "Resource": [
                "arn:aws:ecs:us-east-1:123456789012:task/retail-store-ecs-cluster/*",
                "arn:aws:ecs:us-east-1:123456789012:cluster/retail-store-ecs-cluster"
              ]
            }
          ]
        }
        """))
    }

    @Test func ecsExecAllClustersAndPlaceholders() throws {
        let parameters = BlockParameters([("operatorActions", .bool(true)), ("cluster", .string("web")), ("allClusters", .bool(true))])
        let statements = try Self.block("ecs-exec").statements(parameters, context: Self.unknown)
        #expect(statements.count == 2)
        #expect(statements[1].resource?.values == [
            "arn:aws:ecs:{{Region}}:{{AccountId}}:task/web/*",
            "arn:aws:ecs:{{Region}}:{{AccountId}}:cluster/*",
        ])
    }

    @Test func ecsExecOperatorActionsNeedACluster() throws {
        let problems = try Self.problems("ecs-exec", BlockParameters([("operatorActions", .bool(true))]))
        #expect(problems.count == 1)
        #expect(problems.first?.path.description == Self.path(".cluster"))
        #expect(problems.first?.message.contains("operatorActions needs the cluster") == true)
    }

    @Test func ecsExecClusterNameAndTypes() throws {
        let space = try Self.problems("ecs-exec", BlockParameters([("operatorActions", .bool(true)), ("cluster", .string("a b"))]))
        #expect(space.map(\.path.description) == [Self.path(".cluster")])
        #expect(space.first?.message.contains("is not an ECS cluster name") == true)

        let wrongType = try Self.problems("ecs-exec", BlockParameters([("operatorActions", .string("true")), ("cluster", .string("web"))]))
        #expect(wrongType.map(\.path.description) == [Self.path(".operatorActions")])
        #expect(wrongType.first?.message == "operatorActions must be true or false")

        let listForString = try Self.problems("ecs-exec", BlockParameters([("cluster", .list(["a", "b"]))]))
        #expect(listForString.map(\.message) == ["cluster must be a string"])

        #expect(try Self.problems("ecs-exec", BlockParameters([("cluster", .string(String(repeating: "c", count: 255)))])).isEmpty)
        #expect(try Self.problems("ecs-exec", BlockParameters([("cluster", .string(String(repeating: "c", count: 256)))])).count == 1)
    }

    @Test func unknownParameterSuggestsTheClosest() throws {
        let problems = try Self.problems("ecs-exec", BlockParameters([("clusterName", .string("web"))]))
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.path.description == Self.path(".clusterName"))
        #expect(problem.message.hasPrefix("ecs-exec has no parameter \"clusterName\"; did you mean \"cluster\""))
        #expect(problem.message.hasSuffix("its parameters are operatorActions, cluster, allClusters"))
    }

    // MARK: kms-decrypt

    @Test func kmsDecryptExpandsKeyIDsToKeyARNs() throws {
        let parameters = BlockParameters([("keys", .list([
            "1234abcd-12ab-34cd-56ef-1234567890ab",
            "arn:aws:kms:eu-west-1:210987654321:key/mrk-1234abcd12ab34cd56ef1234567890ab",
        ]))])
        #expect(try Self.text("kms-decrypt", parameters, Self.known) == """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "kms:Decrypt",
              "Resource": [
                "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:kms:eu-west-1:210987654321:key/mrk-1234abcd12ab34cd56ef1234567890ab"
              ]
            }
          ]
        }
        """)
        let one = BlockParameters([("keys", .list(["1234abcd-12ab-34cd-56ef-1234567890ab"]))])
        #expect(try Self.text("kms-decrypt", one, Self.unknown) == """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "kms:Decrypt",
              "Resource": [
                "arn:aws:kms:{{Region}}:{{AccountId}}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
              ]
            }
          ]
        }
        """)
    }

    @Test func kmsDecryptRefusesAliasesAndOtherARNs() throws {
        let alias = try Self.problems("kms-decrypt", BlockParameters([("keys", .list(["1234abcd-12ab-34cd-56ef-1234567890ab", "alias/my-key"]))]))
        #expect(alias.map(\.path.description) == [Self.path(".keys[1]")])
        #expect(alias.first?.message.contains("is an alias") == true)

        let aliasARN = try Self.problems("kms-decrypt", BlockParameters([("keys", .list(["arn:aws:kms:us-east-1:123456789012:alias/my-key"]))]))
        #expect(aliasARN.map(\.path.description) == [Self.path(".keys[0]")])
        #expect(aliasARN.first?.message.contains("is not a kms key/ ARN") == true)

        let s3ARN = try Self.problems("kms-decrypt", BlockParameters([("keys", .list(["arn:aws:s3:::bucket"]))]))
        #expect(s3ARN.count == 1)
        let star = try Self.problems("kms-decrypt", BlockParameters([("keys", .list(["*"]))]))
        #expect(star.first?.message.contains("is a wildcard") == true)
        let wildARN = try Self.problems("kms-decrypt", BlockParameters([("keys", .list(["arn:aws:kms:*:*:key/*"]))]))
        #expect(wildARN.first?.message.contains("is a wildcard") == true)
    }

    @Test func missingRequiredParameter() throws {
        let problems = try Self.problems("kms-decrypt", BlockParameters())
        #expect(problems.count == 1)
        #expect(problems.first?.path.description == "roles[0].inlinePolicies[0].parameters")
        #expect(problems.first?.message.hasPrefix("kms-decrypt needs the parameter keys") == true)
        for block in BuildingBlocks.all where block.name != "ecs-exec" {
            let problems = block.problems(BlockParameters(), context: Self.known, at: Self.parametersPath)
            #expect(problems.count == 1, "\(block.name) without parameters")
        }
        #expect(try Self.problems("ecs-exec", BlockParameters()).isEmpty)
    }

    // MARK: ssm-parameters

    @Test func ssmParametersSplitsGetParameterAndGetParametersByPath() throws {
        let parameters = BlockParameters([("names", .list(["shared_domain", "app/prod"]))])
        #expect(try Self.text("ssm-parameters", parameters, Self.known) == """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": [
                "ssm:GetParameter",
                "ssm:GetParameters"
              ],
              "Resource": [
                "arn:aws:ssm:us-east-1:123456789012:parameter/application/shared_domain/*",
                "arn:aws:ssm:us-east-1:123456789012:parameter/application/app/prod/*"
              ]
            },
            {
              "Effect": "Allow",
              "Action": "ssm:GetParametersByPath",
              "Resource": [
                "arn:aws:ssm:us-east-1:123456789012:parameter/application/shared_domain",
                "arn:aws:ssm:us-east-1:123456789012:parameter/application/app/prod"
              ]
            }
          ]
        }
        """)
    }

    @Test func ssmParametersPrefix() throws {
        let block = try Self.block("ssm-parameters")
        let custom = block.statements(BlockParameters([("names", .list(["db"])), ("prefix", .string("team/payments"))]), context: Self.unknown)
        #expect(custom.map { $0.resource?.values ?? [] } == [
            ["arn:aws:ssm:{{Region}}:{{AccountId}}:parameter/team/payments/db/*"],
            ["arn:aws:ssm:{{Region}}:{{AccountId}}:parameter/team/payments/db"],
        ])
        let none = block.statements(BlockParameters([("names", .list(["db"])), ("prefix", .string(""))]), context: Self.known)
        #expect(none.map { $0.resource?.values ?? [] } == [
            ["arn:aws:ssm:us-east-1:123456789012:parameter/db/*"],
            ["arn:aws:ssm:us-east-1:123456789012:parameter/db"],
        ])
        #expect(try Self.problems("ssm-parameters", BlockParameters([("names", .list(["db"])), ("prefix", .string(""))])).isEmpty)
        let slashed = try Self.problems("ssm-parameters", BlockParameters([("names", .list(["db"])), ("prefix", .string("/application"))]))
        #expect(slashed.map(\.path.description) == [Self.path(".prefix")])
        let badName = try Self.problems("ssm-parameters", BlockParameters([("names", .list(["ok", "bad//name", "bad name"]))]))
        #expect(badName.map(\.path.description) == [Self.path(".names[1]"), Self.path(".names[2]")])
    }

    // MARK: S3

    @Test func s3ReadOnlyListsOnTheBucketAndReadsOnItsObjects() throws {
        let parameters = BlockParameters([("buckets", .list(["my-app-config", "shared.assets"]))])
        let expected = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": [
                "s3:ListBucket",
                "s3:GetBucketLocation"
              ],
              "Resource": [
                "arn:aws:s3:::my-app-config",
                "arn:aws:s3:::shared.assets"
              ]
            },
            {
              "Effect": "Allow",
              "Action": [
                "s3:GetObject"
              ],
              "Resource": [
                "arn:aws:s3:::my-app-config/*",
                "arn:aws:s3:::shared.assets/*"
              ]
            }
          ]
        }
        """
        #expect(try Self.text("s3-read-only", parameters, Self.known) == expected)
        // S3 ARNs hold neither region nor account, so nothing is left to apply time.
        #expect(try Self.text("s3-read-only", parameters, Self.unknown) == expected)
        let china = try Self.block("s3-read-only").statements(parameters, context: PlanContext(partition: .awsCN))
        #expect(china[0].resource?.values.first == "arn:aws-cn:s3:::my-app-config")
    }

    @Test func s3ReadWriteObjectActions() throws {
        let parameters = BlockParameters([("buckets", .list(["uploads"]))])
        #expect(try Self.text("s3-read-write", parameters, Self.unknown) == """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": [
                "s3:ListBucket",
                "s3:GetBucketLocation",
                "s3:ListBucketMultipartUploads"
              ],
              "Resource": [
                "arn:aws:s3:::uploads"
              ]
            },
            {
              "Effect": "Allow",
              "Action": [
                "s3:GetObject",
                "s3:PutObject",
                "s3:DeleteObject",
                "s3:AbortMultipartUpload",
                "s3:ListMultipartUploadParts"
              ],
              "Resource": [
                "arn:aws:s3:::uploads/*"
              ]
            }
          ]
        }
        """)
    }

    @Test func s3BucketProblems() throws {
        let bad = try Self.problems("s3-read-only", BlockParameters([("buckets", .list(["good-bucket", "My_Bucket"]))]))
        #expect(bad.map(\.path.description) == [Self.path(".buckets[1]")])
        #expect(bad.first?.message.contains("\"My_Bucket\" is not an S3 bucket name") == true)

        let arn = try Self.problems("s3-read-write", BlockParameters([("buckets", .list(["arn:aws:s3:::b"]))]))
        #expect(arn.first?.message.contains("bare bucket name") == true)

        let empty = try Self.problems("s3-read-only", BlockParameters([("buckets", .list([]))]))
        #expect(empty.map(\.path.description) == [Self.path(".buckets")])
        #expect(empty.first?.message == "buckets needs at least one value")

        let twice = try Self.problems("s3-read-only", BlockParameters([("buckets", .list(["abc", "abc"]))]))
        #expect(twice.map(\.path.description) == [Self.path(".buckets")])
        #expect(twice.first?.message.contains("listed twice") == true)

        for name in ["ab", String(repeating: "b", count: 64), "-abc", "abc-", "a..b", "ABC"] {
            #expect(try Self.problems("s3-read-only", BlockParameters([("buckets", .list([name]))])).count == 1, "accepted \(name)")
        }
        for name in ["abc", String(repeating: "b", count: 63), "a.b-c1"] {
            #expect(try Self.problems("s3-read-only", BlockParameters([("buckets", .list([name]))])).isEmpty, "refused \(name)")
        }
    }

    @Test func aSingleStringIsAcceptedForAList() throws {
        let parameters = BlockParameters([("buckets", .string("one-bucket"))])
        #expect(try Self.problems("s3-read-only", parameters).isEmpty)
        let statements = try Self.block("s3-read-only").statements(parameters, context: Self.known)
        #expect(statements[0].resource?.values == ["arn:aws:s3:::one-bucket"])
        let wrong = try Self.problems("s3-read-only", BlockParameters([("buckets", .bool(true))]))
        #expect(wrong.map(\.message).contains("buckets must be a list of strings"))
        #expect(wrong.first?.path.description == Self.path(".buckets"))
    }

    @Test func unknownParameterAndMissingRequiredAreBothReported() throws {
        let problems = try Self.problems("s3-read-only", BlockParameters([("bucket", .list(["abc"]))]))
        #expect(problems.map(\.path.description) == [Self.path(".bucket"), Self.path("")])
        #expect(problems.first?.message.contains("did you mean \"buckets\"?") == true)
    }

    // MARK: secrets-read

    @Test func secretsReadAddsTheRandomSuffixPattern() throws {
        let parameters = BlockParameters([("secrets", .list([
            "prod/app/db-password",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:other-AbCdEf",
        ]))])
        #expect(try Self.text("secrets-read", parameters, Self.known) == """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "secretsmanager:GetSecretValue",
              "Resource": [
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/app/db-password-??????",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:other-AbCdEf"
              ]
            }
          ]
        }
        """)
        let placeholders = try Self.block("secrets-read").statements(BlockParameters([("secrets", .list(["db"]))]), context: Self.unknown)
        #expect(placeholders[0].resource?.values == ["arn:aws:secretsmanager:{{Region}}:{{AccountId}}:secret:db-??????"])
    }

    @Test func secretsReadProblems() throws {
        let bad = try Self.problems("secrets-read", BlockParameters([("secrets", .list(["ok", "no spaces", "arn:aws:ssm:us-east-1:123456789012:parameter/x"]))]))
        #expect(bad.map(\.path.description) == [Self.path(".secrets[1]"), Self.path(".secrets[2]")])
        #expect(bad.last?.message.contains("is not a secretsmanager secret: ARN") == true)
        let badARN = try Self.problems("secrets-read", BlockParameters([("secrets", .list(["arn:aws:secretsmanager:us-east-1:12345:secret:x"]))]))
        #expect(badARN.first?.message.contains("12 digits") == true)
    }

    // MARK: logs-write

    @Test func logsWriteOnTheGroupsStreams() throws {
        let parameters = BlockParameters([("logGroups", .list(["/ecs/my-app"]))])
        #expect(try Self.text("logs-write", parameters, Self.known) == """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": [
                "logs:CreateLogStream",
                "logs:PutLogEvents"
              ],
              "Resource": [
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/my-app:*"
              ]
            }
          ]
        }
        """)
        let create = try Self.block("logs-write").statements(
            BlockParameters([("logGroups", .list(["/ecs/a", "b#1"])), ("createLogGroup", .bool(true))]), context: Self.unknown)
        #expect(create.count == 1)
        #expect(create[0].action?.values == ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"])
        #expect(create[0].resource?.values == [
            "arn:aws:logs:{{Region}}:{{AccountId}}:log-group:/ecs/a:*",
            "arn:aws:logs:{{Region}}:{{AccountId}}:log-group:b#1:*",
        ])
    }

    @Test func logsWriteProblems() throws {
        let dollar = try Self.problems("logs-write", BlockParameters([("logGroups", .list(["/ecs/$app"]))]))
        #expect(dollar.map(\.path.description) == [Self.path(".logGroups[0]")])
        #expect(dollar.first?.message.contains("is not a log group name") == true)
        let wrongType = try Self.problems("logs-write", BlockParameters([("logGroups", .list(["/ecs/a"])), ("createLogGroup", .string("yes"))]))
        #expect(wrongType.map(\.path.description) == [Self.path(".createLogGroup")])
        #expect(wrongType.first?.message == "createLogGroup must be true or false")
    }

    // MARK: cloudwatch-metrics

    @Test func cloudwatchMetricsLimitsByNamespace() throws {
        #expect(try Self.text("cloudwatch-metrics", BlockParameters([("namespaces", .list(["MyApp"]))]), Self.unknown) == """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "cloudwatch:PutMetricData",
              "Resource": "*",
              "Condition": {
                "StringEquals": {
                  "cloudwatch:namespace": "MyApp"
                }
              }
            }
          ]
        }
        """)
        let two = try Self.block("cloudwatch-metrics").statements(BlockParameters([("namespaces", .list(["MyApp", "My App/Jobs"]))]), context: Self.known)
        #expect(two[0].condition == ConditionBlock.single("StringEquals", "cloudwatch:namespace", ["MyApp", "My App/Jobs"]))
        #expect(two[0].condition?.json == .object([("StringEquals", .object([
            ("cloudwatch:namespace", .array([.string("MyApp"), .string("My App/Jobs")])),
        ]))]))
    }

    @Test func cloudwatchMetricsProblems() throws {
        let reserved = try Self.problems("cloudwatch-metrics", BlockParameters([("namespaces", .list(["MyApp", "AWS/ECS"]))]))
        #expect(reserved.map(\.path.description) == [Self.path(".namespaces[1]")])
        #expect(reserved.first?.message.contains("reserved") == true)
        let dollar = try Self.problems("cloudwatch-metrics", BlockParameters([("namespaces", .list(["$x"]))]))
        #expect(dollar.count == 1)
    }

    @Test func everyBlockDocumentIsAValidIdentityPolicy() throws {
        let valid: [String: BlockParameters] = [
            "ecs-exec": BlockParameters([("operatorActions", .bool(true)), ("cluster", .string("web"))]),
            "kms-decrypt": BlockParameters([("keys", .list(["1234abcd-12ab-34cd-56ef-1234567890ab"]))]),
            "ssm-parameters": BlockParameters([("names", .list(["shared"]))]),
            "s3-read-only": BlockParameters([("buckets", .list(["abc"]))]),
            "s3-read-write": BlockParameters([("buckets", .list(["abc"]))]),
            "secrets-read": BlockParameters([("secrets", .list(["db"]))]),
            "logs-write": BlockParameters([("logGroups", .list(["/ecs/a"])), ("createLogGroup", .bool(true))]),
            "cloudwatch-metrics": BlockParameters([("namespaces", .list(["MyApp"]))]),
        ]
        #expect(Set(valid.keys) == Set(BuildingBlocks.all.map(\.name)))
        for block in BuildingBlocks.all {
            let parameters = try #require(valid[block.name])
            for context in [Self.known, Self.unknown] {
                #expect(block.problems(parameters, context: context, at: .root).isEmpty, "\(block.name)")
                let document = block.document(parameters, context: context)
                let problems = PolicyGrammar.check(document, use: .identity, paths: .document(.root))
                #expect(problems.isEmpty, "\(block.name): \(problems)")
                #expect(document.compactText.contains("{{") == (context == Self.unknown && !block.name.hasPrefix("s3-") && block.name != "cloudwatch-metrics"),
                        "\(block.name) placeholders")
            }
        }
    }
}
