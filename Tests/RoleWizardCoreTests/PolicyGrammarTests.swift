import Foundation
import Testing
@testable import RoleWizardCore

/// `PolicyGrammar.check` for identity and trust policies, `PolicyGrammar.size`, and documents
/// read by `PolicyReader` and written again.
@Suite struct PolicyGrammarTests {
    static func check(_ statements: [Statement], use: PolicyUse = .identity, version: String? = PolicyDocument.currentVersion) -> [Problem] {
        PolicyGrammar.check(PolicyDocument(version: version, statements: statements), use: use, paths: .document(.root / "policy"))
    }

    static func paths(_ problems: [Problem]) -> [String] { problems.map(\.path.description) }

    static let trustPrincipal = Principal.service(["ecs-tasks.amazonaws.com"])

    @Test func validIdentityAndTrustStatements() {
        #expect(Self.check([
            Statement(sid: "Read1", action: ["s3:GetObject", "s3:List*", "ec2:Describe?*"], resource: ["arn:aws:s3:::b/*", "*"]),
            Statement(effect: .deny, notAction: "iam:*", notResource: "arn:aws:iam::123456789012:role/x"),
            Statement(action: "*", resource: "*", condition: .single("StringEquals", "aws:RequestedRegion", ["us-east-1"])),
        ]).isEmpty)
        #expect(Self.check([
            Statement(principal: Self.trustPrincipal, action: ["sts:AssumeRole", "sts:TagSession"]),
            Statement(principal: .map([(type: .aws, values: ["123456789012", "arn:aws:iam::123456789012:role/x", "{{AccountId}}"])]), action: "sts:AssumeRole"),
            Statement(principal: .everyone, action: "sts:*"),
        ], use: .trust).isEmpty)
        #expect(Self.check([Statement(action: "s3:GetObject", resource: "*")], version: "2008-10-17").isEmpty)
        #expect(Self.check([Statement(action: "s3:GetObject", resource: "*")], version: nil).isEmpty)
    }

    @Test func missingAction() {
        let problems = Self.check([Statement(resource: "*")])
        #expect(Self.paths(problems) == ["policy.Statement[0]"])
        #expect(problems.first?.message == "a statement needs Action or NotAction")
    }

    @Test func bothActionAndNotAction() {
        let problems = Self.check([Statement(action: "s3:GetObject", notAction: "s3:PutObject", resource: "*")])
        #expect(Self.paths(problems) == ["policy.Statement[0]"])
        #expect(problems.first?.message == "a statement has Action or NotAction, not both")
    }

    @Test func emptyActionAndResourceLists() {
        let problems = Self.check([Statement(action: StringList([], isList: true), resource: StringList([], isList: true))])
        #expect(Self.paths(problems) == ["policy.Statement[0].Action", "policy.Statement[0].Resource"])
    }

    @Test func identityPolicyNeedsAResource() {
        let problems = Self.check([Statement(action: "s3:GetObject")])
        #expect(Self.paths(problems) == ["policy.Statement[0]"])
        #expect(problems.first?.message.contains("needs Resource or NotResource") == true)
        #expect(Self.paths(Self.check([Statement(action: "s3:GetObject", resource: "*", notResource: "*")])) == ["policy.Statement[0]"])
    }

    @Test func principalInAnIdentityPolicy() {
        let problems = Self.check([Statement(principal: .everyone, action: "s3:GetObject", resource: "*")])
        #expect(Self.paths(problems) == ["policy.Statement[0].Principal"])
        #expect(problems.first?.message.contains("cannot name a Principal") == true)
        let not = Self.check([Statement(notPrincipal: .everyone, action: "s3:GetObject", resource: "*")])
        #expect(Self.paths(not) == ["policy.Statement[0].NotPrincipal"])
    }

    @Test func missingPrincipalInATrustPolicy() {
        let problems = Self.check([Statement(action: "sts:AssumeRole")], use: .trust)
        #expect(Self.paths(problems) == ["policy.Statement[0]"])
        #expect(problems.first?.message.contains("needs a Principal") == true)
    }

    @Test func resourceInATrustPolicy() {
        let problems = Self.check([Statement(principal: Self.trustPrincipal, action: "sts:AssumeRole", resource: "*")], use: .trust)
        #expect(Self.paths(problems) == ["policy.Statement[0].Resource"])
        #expect(problems.first?.message.contains("a trust policy has no Resource") == true)
    }

    @Test func nonSTSActionInATrustPolicy() {
        let single = Self.check([Statement(principal: Self.trustPrincipal, action: "s3:GetObject")], use: .trust)
        #expect(Self.paths(single) == ["policy.Statement[0].Action"])
        #expect(single.first?.message.contains("only sts: actions") == true)
        let list = Self.check([Statement(principal: Self.trustPrincipal, action: ["sts:AssumeRole", "iam:PassRole"])], use: .trust)
        #expect(Self.paths(list) == ["policy.Statement[0].Action[1]"])
        // The same action is fine in an identity policy.
        #expect(Self.check([Statement(action: "iam:PassRole", resource: "*")]).isEmpty)
    }

    @Test func badActionFormats() throws {
        let problems = Self.check([Statement(action: ["s3:GetObject", "s3GetObject", "s_3:GetObject", "s3:Get Object", "s3:", ":GetObject", "s3:a:b"], resource: "*")])
        #expect(Self.paths(problems) == (1...6).map { "policy.Statement[0].Action[\($0)]" })
        #expect(problems[0].message.contains("is not an action; write SERVICE:Action"))
        #expect(problems[1].message.contains("has service prefix \"s_3\""))
        #expect(problems[2].message.contains("characters IAM does not allow"))
        // IAM compares actions without regard to case, prefixes included (AWS's own policies write "SNS:Publish").
        #expect(PolicyGrammar.checkAction("SNS:Publish") == nil)
        #expect(PolicyGrammar.checkAction("*") == nil)
        #expect(PolicyGrammar.checkAction("ssmmessages:CreateControlChannel") == nil)
        #expect(PolicyGrammar.checkAction("s3:*Object?") == nil)
    }

    @Test func malformedResourceARNs() {
        let problems = Self.check([Statement(action: "s3:GetObject", resource: ["*", "arn:aws:s3", "arn:aws:s3:::b/*", "bucket/*"])])
        #expect(Self.paths(problems) == ["policy.Statement[0].Resource[1]", "policy.Statement[0].Resource[3]"])
        #expect(problems.allSatisfy { $0.message.hasSuffix("(a resource is \"*\" or an ARN)") })
        let single = Self.check([Statement(action: "s3:GetObject", resource: "arn:aws:s3:::")])
        #expect(Self.paths(single) == ["policy.Statement[0].Resource"])
    }

    @Test func principalValues() {
        let problems = Self.check([
            Statement(principal: .map([
                (type: .aws, values: ["12345", "123456789012"]),
                (type: .service, values: "ecs-tasks"),
                (type: .canonicalUser, values: "abc"),
                (type: .federated, values: ""),
            ]), action: "sts:AssumeRole"),
        ], use: .trust)
        #expect(Self.paths(problems) == [
            "policy.Statement[0].Principal.AWS[0]",
            "policy.Statement[0].Principal.Service",
            "policy.Statement[0].Principal.CanonicalUser",
            "policy.Statement[0].Principal.Federated",
        ])
        #expect(PolicyGrammar.checkPrincipal("ecs-tasks.amazonaws.com.cn", type: .service) == nil)
        #expect(PolicyGrammar.checkPrincipal(String(repeating: "a1", count: 32), type: .canonicalUser) == nil)
    }

    @Test func duplicateSid() {
        let problems = Self.check([
            Statement(sid: "Read", action: "s3:GetObject", resource: "*"),
            Statement(sid: "Other", action: "s3:GetObject", resource: "*"),
            Statement(sid: "Read", action: "s3:PutObject", resource: "*"),
        ])
        #expect(Self.paths(problems) == ["policy.Statement[2].Sid"])
        #expect(problems.first?.message.contains("used by an earlier statement") == true)
        // Empty Sids are not compared.
        #expect(Self.check([Statement(sid: "", action: "s3:GetObject", resource: "*"), Statement(sid: "", action: "s3:GetObject", resource: "*")]).isEmpty)
    }

    @Test func sidCharacters() {
        let problems = Self.check([Statement(sid: "read-objects", action: "s3:GetObject", resource: "*")])
        #expect(Self.paths(problems) == ["policy.Statement[0].Sid"])
        #expect(problems.first?.message.contains("only ASCII letters and digits") == true)
        #expect(Self.check([Statement(sid: "Read_1", action: "s3:GetObject", resource: "*")]).count == 1)
        #expect(Self.check([Statement(sid: "ReadObjects2", action: "s3:GetObject", resource: "*")]).isEmpty)
    }

    @Test func unknownConditionOperatorWithSuggestion() throws {
        let problems = Self.check([Statement(action: "s3:GetObject", resource: "*",
                                             condition: .single("StringEqual", "aws:SourceAccount", ["123456789012"]))])
        #expect(Self.paths(problems) == ["policy.Statement[0].Condition.StringEqual"])
        let message = try #require(problems.first?.message)
        #expect(message.hasPrefix("unknown condition operator \"StringEqual\"; did you mean \"StringEquals\""))
        let prefixed = Self.check([Statement(action: "s3:GetObject", resource: "*",
                                             condition: .single("ForAnyValue:StringEqual", "aws:TagKeys", ["a"]))])
        #expect(prefixed.first?.message.contains("did you mean \"StringEquals\"") == true)
    }

    @Test(arguments: ["StringEquals", "ForAnyValue:StringLikeIfExists", "ForAllValues:StringEquals", "ArnLikeIfExists",
                      "NumericLessThanEquals", "DateGreaterThan", "Bool", "BoolIfExists", "IpAddress", "Null", "BinaryEquals"])
    func knownConditionOperators(_ op: String) {
        #expect(Self.check([Statement(action: "s3:GetObject", resource: "*", condition: .single(op, "aws:SomeKey", ["x"]))]).isEmpty)
    }

    @Test(arguments: ["stringequals", "StringEquals ", "ForSomeValues:StringEquals", "StringEqualsIfExist", "IfExists"])
    func unknownConditionOperators(_ op: String) {
        #expect(Self.paths(Self.check([Statement(action: "s3:GetObject", resource: "*", condition: .single(op, "aws:SomeKey", ["x"]))]))
            == ["policy.Statement[0].Condition.\(op)"])
    }

    @Test func nullTakesNoIfExists() {
        // IAM: "…IfExists … can be used with any condition operator except the Null condition."
        // `baseName` means to keep NullIfExists unknown (`base != "Null"`), but compares before stripping.
        let problems = Self.check([Statement(action: "s3:GetObject", resource: "*", condition: .single("NullIfExists", "aws:TokenIssueTime", ["true"]))])
        #expect(Self.paths(problems) == ["policy.Statement[0].Condition.NullIfExists"])
    }

    @Test func conditionKeysAndValues() {
        let condition = ConditionBlock([
            .init(operator: "StringEquals", entries: [
                .init(key: "SourceAccount", values: ConditionValues([.string("1")])),
                .init(key: "aws:SourceAccount", values: ConditionValues([])),
            ]),
            .init(operator: "Bool", entries: []),
        ])
        #expect(Self.paths(Self.check([Statement(action: "s3:GetObject", resource: "*", condition: condition)])) == [
            "policy.Statement[0].Condition.StringEquals.SourceAccount",
            "policy.Statement[0].Condition.StringEquals.aws:SourceAccount",
            "policy.Statement[0].Condition.Bool",
        ])
        #expect(Self.paths(Self.check([Statement(action: "s3:GetObject", resource: "*", condition: ConditionBlock([]))])) == ["policy.Statement[0].Condition"])
    }

    @Test func badVersion() {
        let problems = Self.check([Statement(action: "s3:GetObject", resource: "*")], version: "2012-10-18")
        #expect(Self.paths(problems) == ["policy.Version"])
        #expect(problems.first?.message.contains("not \"2012-10-18\"") == true)
    }

    @Test func noStatements() {
        #expect(Self.paths(Self.check([])) == ["policy"])
    }

    @Test func singleObjectStatementPaths() {
        let document = PolicyDocument(statements: [Statement(action: "s3GetObject", resource: "*")], statementIsList: false)
        let problems = PolicyGrammar.check(document, use: .identity, paths: .document(.root / "doc", statementIsList: false))
        #expect(Self.paths(problems) == ["doc.Statement.Action"])
        let listed = PolicyGrammar.check(PolicyDocument(statements: [Statement(action: "s3:GetObject")]), use: .identity,
                                         paths: .statements(.root / "statements"))
        #expect(Self.paths(listed) == ["statements[0]"])
    }

    // MARK: Size

    @Test func sizeCountsCharactersWithoutWhitespace() {
        let document = PolicyDocument(statements: [Statement(action: "s3:GetObject", resource: "*")])
        let compact = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
        #expect(document.compactText == compact)
        #expect(PolicyGrammar.size(document) == compact.count)
        #expect(PolicyGrammar.size(document) == 96)
        // Pretty text is much longer, but the size is the same.
        #expect(document.prettyText.count > 96)

        let spaced = PolicyDocument(statements: [Statement(action: "cloudwatch:PutMetricData", resource: "*",
                                                           condition: .single("StringEquals", "cloudwatch:namespace", ["My App Metrics"]))])
        #expect(PolicyGrammar.size(spaced) == spaced.compactText.count - 2)
    }

    @Test func sizeCountsPlaceholdersAsTheirLongestValue() {
        func document(_ resource: String) -> PolicyDocument {
            PolicyDocument(statements: [Statement(action: "ssm:GetParameter", resource: StringList([resource], isList: false))])
        }
        let real = PolicyGrammar.size(document("arn:aws:ssm:ap-southeast-1:123456789012:parameter/x"))
        let placeholders = PolicyGrammar.size(document("arn:aws:ssm:{{Region}}:{{AccountId}}:parameter/x"))
        // ap-southeast-1 is 14 characters, the longest a region is counted as.
        #expect(placeholders == real)
        #expect(PolicyGrammar.size(document("arn:aws:ssm:us-east-1:123456789012:parameter/x")) == real - 5)
    }

    // MARK: Reading and writing documents

    @Test func parsesAndRewritesASingleStatementDocument() throws {
        let input = """
        {"Statement": {"Resource": "*", "Condition": {"NumericLessThan": {"s3:max-keys": 10},
          "StringEquals": {"aws:PrincipalTag/team": ["a", "b"], "s3:prefix": ["only"], "aws:PrincipalTag/x": "true"},
          "Bool": {"aws:SecureTransport": false}, "NumericEquals": {"s3:version": 1.5}},
          "Action": "s3:ListBucket", "Effect": "Allow", "Sid": "List"}, "Id": "doc-1", "Version": "2012-10-17"}
        """
        let document = try PolicyReader.parse(text: input).get()
        #expect(document.statementIsList == false)
        #expect(document.id == "doc-1")
        let statement = try #require(document.statements.first)
        #expect(statement.action == StringList(["s3:ListBucket"], isList: false))
        #expect(statement.action?.isList == false)
        let clauses = try #require(statement.condition?.clauses)
        #expect(clauses.map(\.operator) == ["NumericLessThan", "StringEquals", "Bool", "NumericEquals"])
        #expect(clauses[0].entries[0].values == ConditionValues([.number("10")], isList: false))
        #expect(clauses[1].entries[1].values == ConditionValues([.string("only")], isList: true))
        #expect(clauses[1].entries[2].values.values == [.string("true")], "a quoted \"true\" stays a string")
        #expect(clauses[2].entries[0].values.values == [.bool(false)])

        #expect(document.prettyText == """
        {
          "Version": "2012-10-17",
          "Id": "doc-1",
          "Statement": {
            "Sid": "List",
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "*",
            "Condition": {
              "NumericLessThan": {
                "s3:max-keys": 10
              },
              "StringEquals": {
                "aws:PrincipalTag/team": [
                  "a",
                  "b"
                ],
                "s3:prefix": [
                  "only"
                ],
                "aws:PrincipalTag/x": "true"
              },
              "Bool": {
                "aws:SecureTransport": false
              },
              "NumericEquals": {
                "s3:version": 1.5
              }
            }
          }
        }

        """)
        #expect(try PolicyReader.parse(text: document.prettyText).get() == document)
    }

    @Test func parsesAndRewritesPrincipalForms() throws {
        let input = """
        {
          "Statement": [
            {"Action": "sts:AssumeRole", "Principal": "*", "Effect": "Allow", "Sid": "Everyone"},
            {"Condition": {"Bool": {"aws:MultiFactorAuthPresent": true}}, "Action": ["sts:AssumeRole", "sts:TagSession"],
             "Effect": "Deny", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666"]}},
            {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": ["sts:AssumeRole"]}
          ],
          "Version": "2012-10-17"
        }
        """
        let document = try PolicyReader.parse(text: input).get()
        #expect(document.statementIsList)
        #expect(document.statements.count == 3)
        #expect(document.statements[0].principal == .everyone)
        #expect(document.statements[1].effect == .deny)
        #expect(document.statements[2].principal == .service(["ecs-tasks.amazonaws.com"]))
        #expect(PolicyGrammar.check(document, use: .trust, paths: .document(.root)).isEmpty)
        #expect(document.prettyText == """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Everyone",
              "Effect": "Allow",
              "Principal": "*",
              "Action": "sts:AssumeRole"
            },
            {
              "Effect": "Deny",
              "Principal": {
                "AWS": [
                  "arn:aws:iam::111122223333:root",
                  "444455556666"
                ]
              },
              "Action": [
                "sts:AssumeRole",
                "sts:TagSession"
              ],
              "Condition": {
                "Bool": {
                  "aws:MultiFactorAuthPresent": true
                }
              }
            },
            {
              "Effect": "Allow",
              "Principal": {
                "Service": "ecs-tasks.amazonaws.com"
              },
              "Action": [
                "sts:AssumeRole"
              ]
            }
          ]
        }

        """)
    }

    @Test func readsYAMLDocumentsToo() throws {
        let document = try PolicyReader.parse(text: """
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource:
              - arn:aws:s3:::b/*
            Condition:
              NumericLessThan:
                s3:max-keys: 10
              StringEquals:
                s3:prefix: "007"
        """).get()
        #expect(document.compactText == #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*"],"Condition":{"NumericLessThan":{"s3:max-keys":10},"StringEquals":{"s3:prefix":"007"}}}]}"#)
    }

    @Test(arguments: ["0", "-1", "1.5", "-0.25", "1e3", "2E-2", "10"])
    func yamlNumbersThatAreJSONNumbersStayNumbers(_ literal: String) throws {
        let document = try PolicyReader.parse(text: Self.numericCondition(literal)).get()
        #expect(document.statements[0].condition?.clauses[0].entries[0].values.values == [.number(literal)])
        #expect((try? JSONSerialization.jsonObject(with: Data(document.compactText.utf8))) != nil)
    }

    /// YAML reads these as numbers, but written as they are they are not JSON.
    @Test(arguments: [".5", "+1", "-01", "1."])
    func yamlNumbersThatAreNotJSONNumbersStillWriteValidJSON(_ literal: String) throws {
        let document = try PolicyReader.parse(text: Self.numericCondition(literal)).get()
        #expect((try? JSONSerialization.jsonObject(with: Data(document.compactText.utf8))) != nil, "\(document.compactText)")
    }

    static func numericCondition(_ literal: String) -> String {
        """
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:ListBucket
            Resource: "*"
            Condition:
              NumericLessThan:
                s3:max-keys: \(literal)
        """
    }

    @Test func readerRefusesBadShapes() {
        func message(_ text: String) -> String? {
            if case let .failure(error) = PolicyReader.parse(text: text) { return error.message }
            return nil
        }
        #expect(message(#"{"Version": "2012-10-17"}"#)?.contains("needs a Statement") == true)
        #expect(message(#"{"Statement": {"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}}"#)?.contains("case matters") == true)
        #expect(message(#"{"Statement": {"Action": "s3:GetObject", "Resource": "*"}}"#)?.contains("needs an Effect") == true)
        #expect(message(#"{"Statement": {"Effect": "Allow", "Actions": "s3:GetObject"}}"#)?.contains("did you mean \"Action\"") == true)
        #expect(message(#"{"Statement": {"Effect": "Allow", "Principal": "ecs-tasks.amazonaws.com", "Action": "sts:AssumeRole"}}"#)?
            .contains("can only be \"*\"") == true)
        #expect(message(#"{"Statement": [}"#) != nil)
        #expect(message("") == "the document is empty")
    }
}

extension PolicyGrammarTests {
    /// The byte table agrees with the rule as written: letters, digits, `-`, `*`, `?` anywhere,
    /// `_` in the name only, for every byte on either side of the colon.
    @Test func actionCharactersByTable() {
        for value in 0...255 {
            let byte = UInt8(value)
            let alphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            let inEither = alphanumeric || [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "?")].contains(byte)
            guard byte != UInt8(ascii: ":"), byte < 0x80 else { continue }
            let character = String(UnicodeScalar(byte))
            #expect((PolicyGrammar.checkAction("s" + character + "3:Get") == nil) == inEither, "\(value) in the prefix")
            #expect((PolicyGrammar.checkAction("s3:Get" + character + "x") == nil) == (inEither || byte == UInt8(ascii: "_")), "\(value) in the name")
        }
        #expect(PolicyGrammar.checkAction("s3:Gét") != nil)
        #expect(PolicyGrammar.checkAction("sé:Get") != nil)
    }
}
