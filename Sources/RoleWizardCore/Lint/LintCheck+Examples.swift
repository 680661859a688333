/// A document that makes a check fire, and a close one that does not: the README shows the
/// first, and the tests lint both (every check must fire on its example, at `path`, and stay
/// quiet on its near miss).
public struct LintExample: Sendable {
    /// What the example is linted as.
    public var kind: LintInputKind
    public var roleKind: RoleKind?
    /// Fires the check.
    public var document: String
    /// Close to `document`, but the check does not fire.
    public var nearMiss: String
    /// The finding's path in `document` (or, for a spec, in the plan).
    public var path: String

    init(_ kind: LintInputKind = .identity, role: RoleKind? = nil, path: String, _ document: String, nearMiss: String) {
        self.kind = kind
        self.roleKind = role
        self.document = document
        self.nearMiss = nearMiss
        self.path = path
    }
}

extension LintCheck {
    /// A permissions policy with the given statement body (JSON members).
    static func identity(_ statement: String, version: String = #""Version": "2012-10-17", "#) -> String {
        "{\(version)\"Statement\": [{\(statement)}]}"
    }

    static func trust(_ statement: String) -> String {
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\(statement)}]}"
    }

    static let ecsTrust = #""Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}"#

    /// A statement allowing `action` on `resource`.
    static func allow(_ action: String, _ resource: String = #""*""#) -> String {
        #""Effect": "Allow", "Action": \#(action), "Resource": \#(resource)"#
    }

    /// A spec whose only role is `role` (YAML lines under `roles:`).
    static func spec(_ role: String) -> String {
        "version: 1\naccount: \"111122223333\"\nregion: us-east-1\nroles:\n" + role
    }

    /// A permissions statement over IAM's size limit: many distinct, real actions.
    static func large(_ count: Int) -> String {
        let names = ["GetObject", "PutObject", "DeleteObject", "GetObjectTagging", "PutObjectTagging", "GetObjectAcl", "PutObjectAcl", "GetObjectVersion"]
        let resources = (0..<count).map { "\"arn:aws:s3:::bucket-number-\($0)/prefix/*\"" }.joined(separator: ", ")
        return allow("[" + names.map { "\"s3:\($0)\"" }.joined(separator: ", ") + "]", "[" + resources + "]")
    }

    public var example: LintExample {
        switch self {
        case .syntaxError:
            return LintExample(path: "(file)", #"{"Version": "2012-10-17", "Statement": [}"#,
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .invalidSpec:
            return LintExample(.spec, path: "roles[0].kind", Self.spec("  - name: app\n    kind: tsak\n"),
                               nearMiss: Self.spec("  - name: app\n    kind: task\n"))
        case .notAPolicy:
            return LintExample(path: "(file)", #"["s3:GetObject"]"#, nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .missingVersion:
            return LintExample(path: "(file)", Self.identity(Self.allow(#""s3:ListAllMyBuckets""#), version: ""),
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .oldVersion:
            return LintExample(path: "Version", Self.identity(Self.allow(#""s3:ListAllMyBuckets""#), version: #""Version": "2008-10-17", "#),
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .invalidVersion:
            return LintExample(path: "Version", Self.identity(Self.allow(#""s3:ListAllMyBuckets""#), version: #""Version": "2012-10-18", "#),
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .unknownKey:
            return LintExample(path: "Statement[0].Resources", Self.identity(#""Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*", "Resources": "*""#),
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .duplicateKey:
            return LintExample(path: "Statement[0].Effect", Self.identity(#""Effect": "Deny", "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*""#),
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .wrongType:
            return LintExample(path: "Statement[0].Resource", Self.identity(Self.allow(#""s3:ListAllMyBuckets""#, #"{"arn": "*"}"#)),
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#, #"["*"]"#)))
        case .missingStatement:
            return LintExample(path: "Statement", #"{"Version": "2012-10-17", "Statement": []}"#,
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .invalidEffect:
            return LintExample(path: "Statement[0].Effect", Self.identity(#""Effect": "allow", "Action": "s3:ListAllMyBuckets", "Resource": "*""#),
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .duplicateSid:
            let statement = #"{"Sid": "Read", "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}"#
            return LintExample(path: "Statement[1].Sid", #"{"Version": "2012-10-17", "Statement": [\#(statement), \#(statement)]}"#,
                               nearMiss: #"{"Version": "2012-10-17", "Statement": [\#(statement), \#(statement.replacingOccurrences(of: "\"Read\"", with: "\"ReadAgain\""))]}"#)
        case .invalidSid:
            return LintExample(path: "Statement[0].Sid", Self.identity(#""Sid": "read-buckets", "# + Self.allow(#""s3:ListAllMyBuckets""#)),
                               nearMiss: Self.identity(#""Sid": "ReadBuckets", "# + Self.allow(#""s3:ListAllMyBuckets""#)))
        case .missingAction:
            return LintExample(path: "Statement[0]", Self.identity(#""Effect": "Allow", "Resource": "*""#),
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .missingResource:
            return LintExample(path: "Statement[0]", Self.identity(#""Effect": "Allow", "Action": "s3:ListAllMyBuckets""#),
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .conflictingElements:
            return LintExample(path: "Statement[0].NotAction", Self.identity(#""Effect": "Deny", "Action": "s3:GetObject", "NotAction": "s3:ListBucket", "Resource": "*""#),
                               nearMiss: Self.identity(#""Effect": "Deny", "NotAction": "s3:ListBucket", "Resource": "*""#))
        case .principalInIdentityPolicy:
            return LintExample(path: "Statement[0].Principal", Self.identity(#""Principal": {"AWS": "111122223333"}, "# + Self.allow(#""s3:ListAllMyBuckets""#)),
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .missingPrincipal:
            return LintExample(.trust, path: "Statement[0]", Self.trust(#""Effect": "Allow", "Action": "sts:AssumeRole""#),
                               nearMiss: Self.trust(Self.ecsTrust))
        case .resourceInTrustPolicy:
            return LintExample(.trust, path: "Statement[0].Resource", Self.trust(Self.ecsTrust + #", "Resource": "*""#),
                               nearMiss: Self.trust(Self.ecsTrust))
        case .invalidPrincipal:
            return LintExample(.trust, path: "Statement[0].Principal.Service",
                               Self.trust(Self.ecsTrust.replacingOccurrences(of: "ecs-tasks.amazonaws.com", with: "ecs-tasks")),
                               nearMiss: Self.trust(Self.ecsTrust))
        case .trustActionNotSTS:
            return LintExample(.trust, path: "Statement[0].Action",
                               Self.trust(Self.ecsTrust.replacingOccurrences(of: "sts:AssumeRole", with: "s3:GetObject")),
                               nearMiss: Self.trust(Self.ecsTrust))
        case .invalidActionSyntax:
            return LintExample(path: "Statement[0].Action", Self.identity(Self.allow(#""s3 GetObject""#, #""arn:aws:s3:::bucket/*""#)),
                               nearMiss: Self.identity(Self.allow(#""s3:GetObject""#, #""arn:aws:s3:::bucket/*""#)))
        case .unknownService:
            return LintExample(path: "Statement[0].Action", Self.identity(Self.allow(#""s4:GetObject""#, #""arn:aws:s3:::bucket/*""#)),
                               nearMiss: Self.identity(Self.allow(#""s3:GetObject""#, #""arn:aws:s3:::bucket/*""#)))
        case .unknownAction:
            return LintExample(path: "Statement[0].Action[1]", Self.identity(Self.allow(#"["s3:GetObject", "s3:GetObjcet"]"#, #""arn:aws:s3:::bucket/*""#)),
                               nearMiss: Self.identity(Self.allow(#"["s3:GetObject", "s3:GetObjectTagging"]"#, #""arn:aws:s3:::bucket/*""#)))
        case .wildcardMatchesNothing:
            return LintExample(path: "Statement[0].Action", Self.identity(Self.allow(#""s3:Fetch*""#, #""arn:aws:s3:::bucket/*""#)),
                               nearMiss: Self.identity(Self.allow(#""s3:Get*""#, #""arn:aws:s3:::bucket/*""#)))
        case .redundantAction:
            return LintExample(path: "Statement[0].Action[1]", Self.identity(Self.allow(#"["s3:Get*", "s3:GetObject"]"#, #""arn:aws:s3:::bucket/*""#)),
                               nearMiss: Self.identity(Self.allow(#"["s3:Get*", "s3:PutObject"]"#, #""arn:aws:s3:::bucket/*""#)))
        case .allowWithNotAction:
            return LintExample(path: "Statement[0].NotAction", Self.identity(#""Effect": "Allow", "NotAction": "iam:*", "Resource": "*""#),
                               nearMiss: Self.identity(#""Effect": "Deny", "NotAction": "iam:*", "Resource": "*""#))
        case .allowWithNotResource:
            return LintExample(path: "Statement[0].NotResource", Self.identity(#""Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*""#),
                               nearMiss: Self.identity(#""Effect": "Deny", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::public/*""#))
        case .invalidARN:
            return LintExample(path: "Statement[0].Resource", Self.identity(Self.allow(#""s3:GetObject""#, #""arn:aws:s3:bucket/*""#)),
                               nearMiss: Self.identity(Self.allow(#""s3:GetObject""#, #""arn:aws:s3:::bucket/*""#)))
        case .invalidAccountID:
            return LintExample(path: "Statement[0].Resource", Self.identity(Self.allow(#""sqs:SendMessage""#, #""arn:aws:sqs:us-east-1:1111-2222-3333:orders""#)),
                               nearMiss: Self.identity(Self.allow(#""sqs:SendMessage""#, #""arn:aws:sqs:us-east-1:111122223333:orders""#)))
        case .arnServiceMismatch:
            return LintExample(path: "Statement[0].Resource", Self.identity(Self.allow(#""sqs:SendMessage""#, #""arn:aws:sns:us-east-1:111122223333:orders""#)),
                               nearMiss: Self.identity(Self.allow(#""sqs:SendMessage""#, #""arn:aws:sqs:us-east-1:111122223333:orders""#)))
        case .resourceTypeMismatch:
            return LintExample(path: "Statement[0].Action", Self.identity(Self.allow(#""s3:ListBucket""#, #""arn:aws:s3:::bucket/*""#)),
                               nearMiss: Self.identity(Self.allow(#""s3:ListBucket""#, #""arn:aws:s3:::bucket""#)))
        case .unknownOperator:
            return LintExample(path: "Statement[0].Condition.StringEqual",
                               Self.identity(Self.allow(#""s3:GetObject""#, #""arn:aws:s3:::bucket/*""#) + #", "Condition": {"StringEqual": {"aws:PrincipalTag/team": "web"}}"#),
                               nearMiss: Self.identity(Self.allow(#""s3:GetObject""#, #""arn:aws:s3:::bucket/*""#) + #", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "web"}}"#))
        case .unknownGlobalConditionKey:
            return LintExample(path: "Statement[0].Condition.StringEquals.aws:SourceAcount",
                               Self.identity(Self.allow(#""s3:GetObject""#, #""arn:aws:s3:::bucket/*""#) + #", "Condition": {"StringEquals": {"aws:SourceAcount": "111122223333"}}"#),
                               nearMiss: Self.identity(Self.allow(#""s3:GetObject""#, #""arn:aws:s3:::bucket/*""#) + #", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}"#))
        case .unknownServiceConditionKey:
            return LintExample(path: "Statement[0].Condition.StringLike.s3:prefixes",
                               Self.identity(Self.allow(#""s3:ListBucket""#, #""arn:aws:s3:::bucket""#) + #", "Condition": {"StringLike": {"s3:prefixes": "home/*"}}"#),
                               nearMiss: Self.identity(Self.allow(#""s3:ListBucket""#, #""arn:aws:s3:::bucket""#) + #", "Condition": {"StringLike": {"s3:prefix": "home/*"}}"#))
        case .conditionKeyNotForActions:
            return LintExample(path: "Statement[0].Condition.StringLike.s3:prefix",
                               Self.identity(Self.allow(#""sqs:SendMessage""#, #""arn:aws:sqs:us-east-1:111122223333:orders""#) + #", "Condition": {"StringLike": {"s3:prefix": "home/*"}}"#),
                               nearMiss: Self.identity(Self.allow(#""s3:ListBucket""#, #""arn:aws:s3:::bucket""#) + #", "Condition": {"StringLike": {"s3:prefix": "home/*"}}"#))
        case .conditionTypeMismatch:
            return LintExample(path: "Statement[0].Condition.DateGreaterThan",
                               Self.identity(Self.allow(#""s3:GetObject""#, #""arn:aws:s3:::bucket/*""#) + #", "Condition": {"DateGreaterThan": {"aws:SourceAccount": "2026-01-01"}}"#),
                               nearMiss: Self.identity(Self.allow(#""s3:GetObject""#, #""arn:aws:s3:::bucket/*""#) + #", "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2026-01-01"}}"#))
        case .passRoleWithStar:
            return LintExample(path: "Statement[0].Action", Self.identity(Self.allow(#""iam:PassRole""#)),
                               nearMiss: Self.identity(Self.allow(#""iam:PassRole""#, #""arn:aws:iam::111122223333:role/orders-task""#)))
        case .allActions:
            return LintExample(path: "Statement[0].Action", Self.identity(Self.allow(#""*""#)),
                               nearMiss: Self.identity(Self.allow(#""s3:ListAllMyBuckets""#)))
        case .writeOnAllResources:
            return LintExample(path: "Statement[0].Action", Self.identity(Self.allow(#""sqs:DeleteQueue""#)),
                               nearMiss: Self.identity(Self.allow(#""sqs:DeleteQueue""#, #""arn:aws:sqs:us-east-1:111122223333:orders""#)))
        case .secretsReadableOnAllResources:
            return LintExample(path: "Statement[0].Action", Self.identity(Self.allow(#""secretsmanager:GetSecretValue""#)),
                               nearMiss: Self.identity(Self.allow(#""secretsmanager:GetSecretValue""#, #""arn:aws:secretsmanager:us-east-1:111122223333:secret:orders/*""#)))
        case .trustAllowsEveryone:
            return LintExample(.trust, path: "Statement[0].Principal", Self.trust(#""Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole""#),
                               nearMiss: Self.trust(#""Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#))
        case .trustAllowsWholeAccount:
            return LintExample(.trust, path: "Statement[0].Principal.AWS", Self.trust(#""Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole""#),
                               nearMiss: Self.trust(#""Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/deployer"}, "Action": "sts:AssumeRole""#))
        case .allowWithNotPrincipal:
            return LintExample(.trust, path: "Statement[0].NotPrincipal", Self.trust(#""Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/deployer"}, "Action": "sts:AssumeRole""#),
                               nearMiss: Self.trust(#""Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/deployer"}, "Action": "sts:AssumeRole""#))
        case .missingConfusedDeputyCondition:
            return LintExample(.trust, path: "Statement[0].Principal.Service",
                               Self.trust(#""Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole""#),
                               nearMiss: Self.trust(Self.ecsTrust))
        case .executeCommandInTaskRole:
            return LintExample(role: .task, path: "Statement[0].Action[0]",
                               Self.identity(Self.allow(#"["ecs:ExecuteCommand", "ssmmessages:OpenDataChannel"]"#)),
                               nearMiss: Self.identity(Self.allow(#"["ssmmessages:OpenDataChannel"]"#)))
        case .wrongTrustForRoleKind:
            return LintExample(.trust, role: .execution, path: "Statement",
                               Self.trust(Self.ecsTrust.replacingOccurrences(of: "ecs-tasks.amazonaws.com", with: "ec2.amazonaws.com")),
                               nearMiss: Self.trust(Self.ecsTrust))
        case .executionRoleIncomplete:
            return LintExample(.spec, path: "roles[0].managedPolicies",
                               Self.spec("  - name: app-execution\n    kind: execution\n    managedPolicies: []\n"),
                               nearMiss: Self.spec("  - name: app-execution\n    kind: execution\n"))
        case .trustPolicyTooLarge:
            let accounts = (0..<90).map { String(format: "\"arn:aws:iam::%012d:role/deployer\"", 100_000_000_000 + $0) }
            return LintExample(.trust, path: "(file)",
                               Self.trust(#""Effect": "Allow", "Principal": {"AWS": [\#(accounts.joined(separator: ", "))]}, "Action": "sts:AssumeRole""#),
                               nearMiss: Self.trust(#""Effect": "Allow", "Principal": {"AWS": [\#(accounts.prefix(20).joined(separator: ", "))]}, "Action": "sts:AssumeRole""#))
        case .inlinePoliciesTooLarge:
            let policy = { (name: String, count: Int) in
                "      - name: \(name)\n        document: " + Self.identity(Self.large(count)) + "\n"
            }
            let role = "  - name: app\n    kind: task\n    inlinePolicies:\n"
            return LintExample(.spec, path: "roles[0].inlinePolicies",
                               Self.spec(role + policy("one", 130) + policy("two", 130)),
                               nearMiss: Self.spec(role + policy("one", 130)))
        case .managedPolicyTooLarge:
            return LintExample(path: "(file)", Self.identity(Self.large(150)), nearMiss: Self.identity(Self.large(100)))
        }
    }
}
