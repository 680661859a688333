import Testing
@testable import RoleWizardCore

/// Every rule in `IAMRules` and `ARN.parse`, each with good and bad values at its boundaries.
@Suite struct IAMRulesTests {
    static func repeated(_ character: Character, _ count: Int) -> String { String(repeating: character, count: count) }

    // MARK: Role, policy and instance profile names

    @Test func roleNameLength() throws {
        let empty = try #require(IAMRules.checkRoleName(""))
        #expect(empty.contains("cannot be empty"))
        #expect(IAMRules.checkRoleName("a") == nil)
        #expect(IAMRules.checkRoleName(Self.repeated("a", 64)) == nil)
        let long = try #require(IAMRules.checkRoleName(Self.repeated("a", 65)))
        #expect(long.contains("65 characters"))
        #expect(long.contains("at most 64"))
    }

    @Test func roleNameCharacters() throws {
        #expect(IAMRules.checkRoleName("a+=,.@-_1") == nil)
        #expect(IAMRules.checkRoleName("ABCxyz0189") == nil)
        let space = try #require(IAMRules.checkRoleName("my role"))
        #expect(space.contains("U+0020"))
        let accent = try #require(IAMRules.checkRoleName("café"))
        #expect(accent.contains("\"é\" (U+00E9)"))
        for bad in ["a/b", "a:b", "a*b", "a#b", "a$b", "a\tb", "ａ"] {
            #expect(IAMRules.checkRoleName(bad) != nil, "accepted \(bad)")
        }
    }

    @Test func lengthsCountCharactersNotUTF8Bytes() {
        // 128 `é` are 256 UTF-8 bytes; tag keys are limited in characters.
        #expect(IAMRules.checkTagKey(Self.repeated("é", 128)) == nil)
        #expect(IAMRules.checkTagKey(Self.repeated("é", 129)) != nil)
        #expect(IAMRules.checkTagValue(Self.repeated("ü", 256)) == nil)
        #expect(IAMRules.checkDescription(Self.repeated("é", 1000)) == nil)
    }

    @Test func policyNameLength() {
        #expect(IAMRules.checkPolicyName("") != nil)
        #expect(IAMRules.checkPolicyName(Self.repeated("p", 128)) == nil)
        let long = IAMRules.checkPolicyName(Self.repeated("p", 129))
        #expect(long?.contains("at most 128") == true)
        #expect(long?.contains("a policy name") == true)
        #expect(IAMRules.checkPolicyName("read-s3_v2.1@team") == nil)
        #expect(IAMRules.checkPolicyName("read s3") != nil)
    }

    @Test func instanceProfileNameLength() {
        #expect(IAMRules.checkInstanceProfileName("") != nil)
        #expect(IAMRules.checkInstanceProfileName(Self.repeated("i", 128)) == nil)
        #expect(IAMRules.checkInstanceProfileName(Self.repeated("i", 129)) != nil)
        #expect(IAMRules.checkInstanceProfileName("ecs/instance") != nil)
    }

    // MARK: Paths

    @Test func pathShapes() throws {
        #expect(IAMRules.checkPath("/") == nil)
        #expect(IAMRules.checkPath("/ecs/") == nil)
        #expect(IAMRules.checkPath("/ecs/app/") == nil)
        #expect(IAMRules.checkPath("/$(x)/") == nil, "printable ASCII is allowed in a path")
        #expect(IAMRules.checkPath("/~!#%&*{}[]|\\'\"<>?/") == nil)
        let noLeading = try #require(IAMRules.checkPath("ecs/"))
        #expect(noLeading.contains("start and end with"))
        let noTrailing = try #require(IAMRules.checkPath("/ecs"))
        #expect(noTrailing.contains("start and end with"))
        let empty = try #require(IAMRules.checkPath(""))
        #expect(empty.contains("1 to 512"))
    }

    @Test func pathLength() {
        let longest = "/" + Self.repeated("p", 510) + "/"
        #expect(longest.count == 512)
        #expect(IAMRules.checkPath(longest) == nil)
        let tooLong = "/" + Self.repeated("p", 511) + "/"
        #expect(IAMRules.checkPath(tooLong)?.contains("not 513") == true)
    }

    @Test func pathCharactersAndSegments() throws {
        let space = try #require(IAMRules.checkPath("/my app/"))
        #expect(space.contains("printable ASCII"))
        #expect(IAMRules.checkPath("/caf\u{E9}/") != nil)
        #expect(IAMRules.checkPath("/a\tb/") != nil)
        #expect(IAMRules.checkPath("/a\u{7F}b/") != nil)
        let doubled = try #require(IAMRules.checkPath("//"))
        #expect(doubled.contains("empty segment"))
        #expect(IAMRules.checkPath("/ecs//app/") != nil)
    }

    // MARK: Description

    @Test func descriptionLength() {
        #expect(IAMRules.checkDescription("") == nil)
        #expect(IAMRules.checkDescription(Self.repeated("d", 1000)) == nil)
        #expect(IAMRules.checkDescription(Self.repeated("d", 1001))?.contains("1001 characters") == true)
    }

    @Test func descriptionCharacters() throws {
        #expect(IAMRules.checkDescription("line one\nline two\r\n\ttabbed ~ end") == nil)
        #expect(IAMRules.checkDescription("Zürich café \u{A1} \u{FF}") == nil)
        let latinExtended = try #require(IAMRules.checkDescription("\u{100}"))
        #expect(latinExtended.contains("U+0100"))
        #expect(IAMRules.checkDescription("rocket 🚀") != nil)
        let control = try #require(IAMRules.checkDescription("a\u{1}b"))
        #expect(control.contains("U+0001"))
        #expect(IAMRules.checkDescription("\u{A0}") != nil, "U+00A0 is just below the allowed U+00A1–U+00FF")
        #expect(IAMRules.checkDescription("\u{7F}") != nil)
    }

    // MARK: Session duration

    @Test func sessionDuration() {
        #expect(IAMRules.checkSessionDuration(3599) != nil)
        #expect(IAMRules.checkSessionDuration(3600) == nil)
        #expect(IAMRules.checkSessionDuration(7200) == nil)
        #expect(IAMRules.checkSessionDuration(43200) == nil)
        #expect(IAMRules.checkSessionDuration(43201)?.contains("43201 seconds") == true)
        #expect(IAMRules.checkSessionDuration(0) != nil)
        #expect(IAMRules.checkSessionDuration(-3600) != nil)
    }

    // MARK: Tags

    @Test func tagKeyLength() {
        #expect(IAMRules.checkTagKey("")?.contains("1 to 128") == true)
        #expect(IAMRules.checkTagKey(Self.repeated("k", 128)) == nil)
        #expect(IAMRules.checkTagKey(Self.repeated("k", 129))?.contains("not 129") == true)
    }

    @Test func tagKeyReservedPrefix() {
        #expect(IAMRules.checkTagKey("aws:x")?.contains("reserved") == true)
        #expect(IAMRules.checkTagKey("AWS:cloudformation")?.contains("reserved") == true)
        #expect(IAMRules.checkTagKey("aws") == nil)
        #expect(IAMRules.checkTagKey("myaws:x") == nil)
    }

    @Test func tagKeyCharacters() throws {
        #expect(IAMRules.checkTagKey("Cost Center_1.a:b/c=d+e-f@g") == nil)
        #expect(IAMRules.checkTagKey("Ärger") == nil)
        #expect(IAMRules.checkTagKey("東京") == nil)
        let dollar = try #require(IAMRules.checkTagKey("cost$"))
        #expect(dollar.contains("\"$\" (U+0024)"))
        for bad in ["a,b", "a*b", "a#b", "a\"b", "a\tb", "a`b"] {
            #expect(IAMRules.checkTagKey(bad) != nil, "accepted \(bad)")
        }
    }

    @Test func tagValue() throws {
        #expect(IAMRules.checkTagValue("") == nil)
        #expect(IAMRules.checkTagValue(Self.repeated("v", 256)) == nil)
        #expect(IAMRules.checkTagValue(Self.repeated("v", 257))?.contains("not 257") == true)
        #expect(IAMRules.checkTagValue("Zürich") == nil)
        #expect(IAMRules.checkTagValue("team a/b:c=d+e-f@g_h.i 1234") == nil)
        let command = try #require(IAMRules.checkTagValue("$(x)"))
        #expect(command.contains("tag value"))
        #expect(IAMRules.checkTagValue("aws:allowed-in-values") == nil, "only keys reserve aws:")
    }

    // MARK: Accounts and regions

    @Test func accountIDs() {
        #expect(IAMRules.isAccountID("123456789012"))
        #expect(IAMRules.isAccountID("000000000000"))
        #expect(!IAMRules.isAccountID("12345678901"))
        #expect(!IAMRules.isAccountID("1234567890123"))
        #expect(!IAMRules.isAccountID(""))
        #expect(!IAMRules.isAccountID("12345678901a"))
        #expect(!IAMRules.isAccountID(" 23456789012"))
        #expect(!IAMRules.isAccountID("١٢٣٤٥٦٧٨٩٠١٢"), "Arabic-Indic digits are not an account ID")
        #expect(!IAMRules.isAccountID(Placeholder.account))
    }

    @Test(arguments: ["us-east-1", "us-gov-west-1", "cn-north-1", "eu-central-2", "ap-southeast-4", "us-isob-east-1"])
    func goodRegions(_ region: String) {
        #expect(IAMRules.isRegion(region))
    }

    @Test(arguments: ["US-EAST-1", "useast1", "us-east", "us-east-", "-east-1", "us--1", "us-east-1a", "us-east-１", "us east-1", ""])
    func badRegions(_ region: String) {
        #expect(!IAMRules.isRegion(region))
    }

    // MARK: ARNs

    @Test func parsesAValidARN() throws {
        let arn = try ARN.parse("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*").get()
        #expect(arn.partition == "aws")
        #expect(arn.service == "logs")
        #expect(arn.region == "us-east-1")
        #expect(arn.account == "123456789012")
        #expect(arn.resource == "log-group:/ecs/app:*")
        #expect(arn.description == "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*")

        let bucket = try ARN.parse("arn:aws:s3:::my-bucket/*").get()
        #expect(bucket.region.isEmpty && bucket.account.isEmpty && bucket.resource == "my-bucket/*")
        #expect((try? ARN.parse("arn:aws-cn:iam::aws:policy/AmazonSSMReadOnlyAccess").get()) != nil)
        #expect((try? ARN.parse("arn:aws-us-gov:ecs:us-gov-west-1:123456789012:cluster/x").get()) != nil)
    }

    @Test func refusesAWrongPrefix() {
        for text in ["arm:aws:s3:::bucket", "aws:s3:::bucket", "ARN:aws:s3:::bucket", "arn:aws:s3::bucket", "my-bucket", ""] {
            guard case let .failure(error) = ARN.parse(text) else {
                Issue.record("accepted \(text)")
                continue
            }
            #expect(error.message.contains("is not an ARN"))
        }
    }

    @Test func refusesABadPartition() {
        guard case let .failure(error) = ARN.parse("arn:amazon:s3:::bucket") else {
            Issue.record("accepted partition amazon")
            return
        }
        #expect(error.message.contains("partition \"amazon\""))
        #expect((try? ARN.parse("arn:AWS:s3:::bucket").get()) == nil)
        #expect((try? ARN.parse("arn::s3:::bucket").get()) == nil)
    }

    @Test func refusesAnEmptyService() {
        #expect((try? ARN.parse("arn:aws::us-east-1:123456789012:thing").get()) == nil)
        #expect((try? ARN.parse("arn:aws:s_3:::bucket").get()) == nil)
    }

    @Test func refusesABadRegion() {
        guard case let .failure(error) = ARN.parse("arn:aws:ecs:US-EAST-1:123456789012:cluster/x") else {
            Issue.record("accepted region US-EAST-1")
            return
        }
        #expect(error.message.contains("not a region name"))
    }

    @Test func refusesAnElevenDigitAccount() {
        guard case let .failure(error) = ARN.parse("arn:aws:ecs:us-east-1:12345678901:cluster/x") else {
            Issue.record("accepted an 11-digit account")
            return
        }
        #expect(error.message.contains("account \"12345678901\""))
        #expect((try? ARN.parse("arn:aws:ecs:us-east-1:1234567890123:cluster/x").get()) == nil)
        #expect((try? ARN.parse("arn:aws:ecs:us-east-1:account:cluster/x").get()) == nil)
    }

    @Test func acceptsPlaceholders() throws {
        let arn = try ARN.parse("arn:aws:ssm:{{Region}}:{{AccountId}}:parameter/application/x").get()
        #expect(arn.region == Placeholder.region)
        #expect(arn.account == Placeholder.account)
        // Other brace words are not placeholders.
        #expect((try? ARN.parse("arn:aws:ssm:us-east-1:{{Account}}:parameter/x").get()) == nil)
        #expect((try? ARN.parse("arn:aws:ssm:{{region}}:123456789012:parameter/x").get()) == nil)
    }

    @Test func acceptsWildcards() throws {
        let arn = try ARN.parse("arn:aws:ecs:*:*:task/*").get()
        #expect(arn.region == "*" && arn.account == "*")
        #expect((try? ARN.parse("arn:aws:ecs:us-*:12345678*:cluster/x").get()) != nil)
        #expect((try? ARN.parse("arn:*:s3:::bucket").get()) != nil)
        #expect((try? ARN.parse("arn:aws:*:*:*:*").get()) != nil)
    }

    @Test func refusesAnEmptyResource() {
        guard case let .failure(error) = ARN.parse("arn:aws:s3:::") else {
            Issue.record("accepted an ARN without a resource")
            return
        }
        #expect(error.message.contains("names no resource"))
        #expect((try? ARN.parse("arn:aws:ecs:us-east-1:123456789012:").get()) == nil)
    }

    @Test func contextBuildsARNsWithPlaceholders() {
        let known = PlanContext(partition: .aws, account: "123456789012", region: "us-east-1")
        #expect(known.arn("ecs", resource: "cluster/x") == "arn:aws:ecs:us-east-1:123456789012:cluster/x")
        #expect(known.arn("iam", regional: false, resource: "role/x") == "arn:aws:iam::123456789012:role/x")
        let unknown = PlanContext(partition: .awsCN)
        #expect(unknown.arn("ecs", resource: "cluster/x") == "arn:aws-cn:ecs:{{Region}}:{{AccountId}}:cluster/x")
    }
}
