import Testing
@testable import RoleWizardCore

/// Each preset compared with the document it reproduces (../shared/seeds): the JSON below is
/// copied from the source, with its REGION/ACCOUNT variables filled in.
@Suite struct PresetTests {
    let compiler = PlanCompiler()

    func compiled(_ name: String, account: String? = "111122223333", region: String? = "us-east-1") throws -> CompiledPlan {
        let preset = try #require(Presets.named(name))
        let result = compiler.compile(preset.plan(account: account, region: region))
        #expect(result.problems.isEmpty, "\(name): \(result.problems)")
        return result
    }

    func document(_ json: String) throws -> PolicyDocument {
        try PolicyReader.parse(text: json).get()
    }

    @Test func ecsWorkshopMatchesTheLab() throws {
        let plan = try compiled("ecs-workshop")
        #expect(plan.roles.map(\.name) == ["retailStoreECSTaskExecutionRole", "retailStoreEcsTaskRole"])
        let execution = plan.roles[0], task = plan.roles[1]
        #expect(execution.role.kind == .execution)
        #expect(execution.managedPolicyARNs == ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"])
        #expect(execution.inlinePolicies.isEmpty)
        #expect(task.managedPolicyARNs.isEmpty)
        #expect(task.inlinePolicies.count == 1)
        // The lab's inline policy, as pasted into the console's JSON tab.
        let lab = try document("""
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
            },
            {
              "Effect": "Allow",
              "Action": [
                "ecs:ExecuteCommand",
                "ecs:DescribeTasks"
              ],
              "Resource": [
                "arn:aws:ecs:us-east-1:111122223333:task/retail-store-ecs-cluster/*",
                "arn:aws:ecs:us-east-1:111122223333:cluster/*"
              ]
            }
          ]
        }
        """)
        #expect(task.inlinePolicies[0].document == lab)
        for role in plan.roles {
            guard case let .map(principals)? = role.trustPolicy.statements.first?.principal else {
                Issue.record("no service principal")
                continue
            }
            #expect(principals[0].type == .service && principals[0].values.values == ["ecs-tasks.amazonaws.com"])
        }
    }

    @Test func s3BucketTaskRoleMatchesTheGuide() throws {
        let plan = try compiled("s3-bucket-task-role")
        #expect(plan.roles.map(\.name) == ["AmazonECSTaskS3BucketRole"])
        let guide = try document("""
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Stmt1465589882000",
              "Effect": "Allow",
              "Action": [
                "s3:GetObject"
              ],
              "Resource": [
                "arn:aws:s3:::my-task-secrets-bucket/*"
              ]
            }
          ]
        }
        """)
        let policy = try #require(plan.customerManagedPolicies.first)
        #expect(policy.policy.name == "AmazonECSTaskS3BucketPolicy")
        #expect(policy.document == guide)
        #expect(policy.arn == "arn:aws:iam::111122223333:policy/AmazonECSTaskS3BucketPolicy")
        // Attached to the task role, and nothing else is: the guide's console step only picks the trust.
        #expect(plan.roles[0].managedPolicyARNs == [policy.arn])
        #expect(plan.roles[0].role.kind == .task)
    }

    @Test func ufoRolesMatchTheDSL() throws {
        let plan = try compiled("ufo-roles")
        let execution = try #require(plan.roles.first { $0.role.kind == .execution })
        #expect(execution.managedPolicyARNs == [
            "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess",
            "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
            "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        ])
        let task = try #require(plan.roles.first { $0.role.kind == .task })
        #expect(task.inlinePolicies.map(\.name) == ["AmazonS3ReadOnlyAccess", "CloudwatchWrite"])
        // iam_policy("AmazonS3ReadOnlyAccess", Action: ["s3:Get*", "s3:List*"], Effect: "Allow", Resource: "*")
        #expect(task.inlinePolicies[0].document == (try document("""
        {"Version": "2012-10-17", "Statement": [{"Action": ["s3:Get*", "s3:List*"], "Effect": "Allow", "Resource": "*"}]}
        """)))
        // iam_policy("CloudwatchWrite", Action: ["cloudwatch:PutMetricData"], Effect: "Allow", Resource: "*")
        #expect(task.inlinePolicies[1].document == (try document("""
        {"Version": "2012-10-17", "Statement": [{"Action": ["cloudwatch:PutMetricData"], "Effect": "Allow", "Resource": "*"}]}
        """)))
    }

    @Test func terraformModuleTurnsEachInputIntoItsPolicy() throws {
        let plan = try compiled("terraform-module")
        let role = try #require(plan.roles.first)
        #expect(role.role.kind == .task)
        let byName = Dictionary(uniqueKeysWithValues: role.inlinePolicies.map { ($0.name, $0.document) })
        #expect(byName["kms-decrypt"] == (try document("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": [
          "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          "arn:aws:kms:us-east-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321"]}]}
        """)))
        // ssm_paths interpolated as parameter/application/%s/
        #expect(byName["ssm-parameters"] == (try document("""
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": ["ssm:GetParameter", "ssm:GetParameters"], "Resource": [
            "arn:aws:ssm:us-east-1:111122223333:parameter/application/shared_domain/*",
            "arn:aws:ssm:us-east-1:111122223333:parameter/application/application_specific_name/*"]},
          {"Effect": "Allow", "Action": "ssm:GetParametersByPath", "Resource": [
            "arn:aws:ssm:us-east-1:111122223333:parameter/application/shared_domain",
            "arn:aws:ssm:us-east-1:111122223333:parameter/application/application_specific_name"]}]}
        """)))
        #expect(byName["s3-read-only"] == (try document("""
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetBucketLocation"], "Resource": ["arn:aws:s3:::demo-app-config"]},
          {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::demo-app-config/*"]}]}
        """)))
        let readWrite = try #require(byName["s3-read-write"])
        #expect(readWrite.statements[0].resource?.values == ["arn:aws:s3:::demo-app-uploads"])
        #expect(readWrite.statements[1].resource?.values == ["arn:aws:s3:::demo-app-uploads/*"])
        #expect(readWrite.statements[1].action?.values.contains("s3:PutObject") == true)
        #expect(readWrite.statements[0].action?.values.contains("s3:PutObject") == false)
    }

    @Test func ec2ContainerInstanceHasItsProfileAndManagedPolicy() throws {
        let plan = try compiled("ec2-container-instance")
        let role = try #require(plan.roles.first)
        #expect(role.role.kind == .instance)
        #expect(role.managedPolicyARNs == ["arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"])
        #expect(role.instanceProfileARN == "arn:aws:iam::111122223333:instance-profile/ecsInstanceRole")
        #expect(role.trustPolicy == (try document("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
        """)))
    }

    @Test(arguments: Presets.all.map(\.name))
    func compilesWithoutAccountOrRegion(_ name: String) throws {
        let plan = try compiled(name, account: nil, region: nil)
        // Task and execution trust has no confused-deputy condition unless account and region are known.
        for role in plan.roles { #expect(role.trustPolicy.statements.allSatisfy { $0.condition == nil }) }
    }

    @Test(arguments: Presets.all.map(\.name), [SpecWriter.Format.yaml, .json])
    func specTextReadsBackToThePresetsPlan(_ name: String, _ format: SpecWriter.Format) throws {
        let preset = try #require(Presets.named(name))
        let text = preset.specText(account: "111122223333", region: "eu-west-1", format: format)
        let read = SpecReader.read(text: text)
        #expect(read.problems.isEmpty, "\(read.problems)")
        #expect(read.plan == preset.plan(account: "111122223333", region: "eu-west-1"))
        if format == .yaml { #expect(text.hasPrefix("# ecs-role-wizard spec: preset \(name)\n")) }
    }
}
