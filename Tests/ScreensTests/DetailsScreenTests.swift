import Testing
import RoleWizardCore
@testable import Screens

@Suite struct DetailsScreenTests {
    /// The workshop's task role (account 123456789012, us-east-1) on the details step.
    static func taskRole() -> WizardModel { Harness.preset("ecs-workshop", step: .details, role: 1) }

    @Test func goldens() {
        var model = Self.taskRole()
        Golden.check(model, "details-task-role")
        Harness.press(Harness.type(" x"), &model)
        Golden.check(model, "details-bad-name")
        Harness.press([.backspace, .backspace, .tab] + Harness.type("/ecs/") + [.tab] + Harness.type("Runs the shop.")
                      + [.enter] + Harness.type("Owner: platform") + [.tab] + Harness.type("7200") + [.tab]
                      + Harness.type("PowerUserAccess") + [.tab] + Harness.type("team") + [.tab] + Harness.type("platform")
                      + [.tab] + Harness.type("aws:x"), &model)
        Golden.check(model, "details-filled")
        Harness.press([.up, .up, .ctrl("u")] + Harness.type("PowerUser"), &model)
        Golden.check(model, "details-unknown-boundary")
        var instance = Harness.preset("ec2-container-instance", step: .details)
        Harness.press([.down, .down, .down] + Harness.type("100"), &instance)
        Golden.check(instance, "details-instance-short-session")
        Golden.check(Harness.model(plan: Plan(), step: .details), "details-no-roles")
    }

    @Test func theNameIsWrittenAsTypedAndCheckedAsTyped() {
        var model = Self.taskRole()
        let effects = Harness.press(Harness.type("2"), &model)
        #expect(model.plan.roles[1].name == "retailStoreEcsTaskRole2")
        #expect(effects == [.saveDraft(model.plan)])
        #expect(model.compiledRole?.arn == "arn:aws:iam::123456789012:role/retailStoreEcsTaskRole2")
        Harness.press([.char(" ")], &model)
        #expect(DetailsScreen.problem(.name, model) == "\"retailStoreEcsTaskRole2 \" holds \" \" (U+0020); a role name may hold only letters, digits and _+=,.@-")
        #expect(Harness.frame(model).contains("✗ \"retailStoreEcsTaskRole2 \""))
        Harness.press([.ctrl("u")] + Harness.type("RETAILSTOREECSTASKEXECUTIONROLE"), &model)
        #expect(DetailsScreen.problem(.name, model) == "another role is named RETAILSTOREECSTASKEXECUTIONROLE (names ignore case)")
        #expect(model.problems(of: .details, role: 1).map(\.path) == [FieldPath.root / "roles" / 1 / "name"])
        Harness.press([.ctrl("u")], &model)
        #expect(DetailsScreen.problem(.name, model) == "a role name cannot be empty")
        #expect(model.plan.roles[1].name == "")
    }

    @Test func lettersAreTypedNotObeyed() {
        var model = Self.taskRole()
        let effects = Harness.press([.ctrl("u")] + Harness.type("q?i"), &model)
        #expect(model.plan.roles[1].name == "q?i")
        #expect(model.overlay == nil && !model.teachingVisible && !effects.contains(.quit(keepDraft: true)))
    }

    @Test func cursorKeysMoveInTheFieldWithoutTouchingThePlan() {
        var model = Self.taskRole()
        let effects = Harness.press([.home, .right, .right], &model)
        #expect(effects.isEmpty && model.details.cursor == 2)
        Harness.press(Harness.type("X"), &model)
        #expect(model.plan.roles[1].name == "reXtailStoreEcsTaskRole")
        #expect(Wizard.render(model).cursor?.x == 14 + 3)
    }

    @Test func renamingFollowsIntoCustomerManagedAttachments() {
        var model = Harness.preset("s3-bucket-task-role", step: .details)
        Harness.press([.ctrl("u")] + Harness.type("bucket-reader"), &model)
        #expect(model.plan.roles[0].name == "bucket-reader")
        #expect(model.plan.customerManagedPolicies[0].attachTo == ["bucket-reader"])
        #expect(model.problems.isEmpty)
    }

    @Test func aHalfTypedNameEqualToAnotherRolesKeepsTheAttachmentsApart() {
        let policy = PolicySource.statements([Statement(action: ["s3:GetObject"], resource: ["*"])])
        var model = Harness.model(plan: Plan(account: "123456789012", region: "us-east-1", roles: [
            Role(name: "app", kind: .task), Role(name: "app-2", kind: .task),
        ], customerManagedPolicies: [
            CustomerManagedPolicy(name: "first", source: policy, attachTo: ["app"]),
            CustomerManagedPolicy(name: "second", source: policy, attachTo: ["app-2"]),
        ]), step: .details)
        model.roleIndex = 1
        Harness.press([.backspace, .backspace], &model)
        #expect(model.plan.roles.map(\.name) == ["app", "app"])
        #expect(model.plan.customerManagedPolicies.map(\.attachTo) == [["app"], ["app"]])
        Harness.press(Harness.type("-3"), &model)
        #expect(model.plan.roles.map(\.name) == ["app", "app-3"])
        #expect(model.plan.customerManagedPolicies.map(\.attachTo) == [["app"], ["app-3"]])
        #expect(model.problems.isEmpty)
    }

    @Test func emptyOptionalFieldsMeanTheDefault() {
        var model = Self.taskRole()
        Harness.press([.tab] + Harness.type("/ecs/"), &model)
        #expect(model.plan.roles[1].path == "/ecs/")
        #expect(model.compiledRole?.arn == "arn:aws:iam::123456789012:role/ecs/retailStoreEcsTaskRole")
        Harness.press([.ctrl("u"), .tab] + Harness.type("d") + [.backspace, .tab] + Harness.type("7200"), &model)
        #expect(model.plan.roles[1].path == nil)
        #expect(model.plan.roles[1].description == nil)
        #expect(model.plan.roles[1].maxSessionDuration == 7200)
        #expect(DetailsScreen.hint(.maxSessionDuration, model).hasSuffix("Now: 2 h."))
        #expect(Harness.frame(model).contains("Max session   7200 = 2 h"))
        Harness.press([.ctrl("u"), .tab] + Harness.type("x") + [.backspace], &model)
        #expect(model.plan.roles[1].maxSessionDuration == nil && model.plan.roles[1].permissionsBoundary == nil)
        #expect(model.plan == Self.taskRole().plan)
    }

    @Test func theSessionDurationTakesDigitsAndShowsHours() {
        var model = Self.taskRole()
        Harness.press([.down, .down, .down] + Harness.type("54x"), &model)
        #expect(model.status == .error("the maximum session duration is whole seconds, 3600 to 43200"))
        #expect(model.plan.roles[1].maxSessionDuration == 54)
        #expect(DetailsScreen.problem(.maxSessionDuration, model) == "54 seconds is outside 3600–43200 (1 to 12 hours)")
        Harness.press(Harness.type("00"), &model)
        #expect(model.plan.roles[1].maxSessionDuration == 5400)
        #expect(DetailsScreen.problem(.maxSessionDuration, model) == nil)
        #expect(DetailsScreen.hours(5400) == "1 h 30 min" && DetailsScreen.hours(3725) == "1 h 2 min 5 s")
        model.status = nil
        Harness.press(Harness.type("00"), &model)
        #expect(model.plan.roles[1].maxSessionDuration == 540000 && model.status == nil)
        Harness.press(Harness.type("0"), &model)
        #expect(model.plan.roles[1].maxSessionDuration == 540000, "a seventh digit is refused")
        #expect(model.status == .error("the maximum session duration is whole seconds, 3600 to 43200"))
    }

    @Test func theDescriptionTakesLineBreaks() {
        var model = Self.taskRole()
        Harness.press([.tab, .tab] + Harness.type("one") + [.enter] + Harness.type("two") + [.ctrl("j")], &model)
        #expect(model.plan.roles[1].description == "one\ntwo\n")
        #expect(Harness.frame(model).contains("Description   one↵two↵"))
        #expect(DetailsScreen.bindings(model).first?.label == "Enter")
        #expect(Harness.frame(model).hasSuffix("Enter new line  Tab next field  ↑↓ field  ^N next step  ^P back  F2 help"))
        Harness.press(Harness.type("é€"), &model)
        #expect(DetailsScreen.problem(.description, model)
                == "the description holds \"€\" (U+20AC); IAM allows tab, newline, carriage return, U+0020–U+007E and U+00A1–U+00FF")
    }

    @Test func tagsAreAddedEditedAndDeleted() {
        var model = Self.taskRole()
        Harness.press([.backTab] + Harness.type("team") + [.tab] + Harness.type("platform") + [.tab] + Harness.type("Team"), &model)
        #expect(model.plan.roles[1].tags == [Tag("team", "platform"), Tag("Team", "")])
        #expect(model.details.field == .tagKey(1))
        #expect(DetailsScreen.problem(.tagKey(1), model) == "tag key \"Team\" is given twice; keys are unique, ignoring case")
        Harness.press([.ctrl("u")] + Harness.type("cost center") + [.tab] + Harness.type("a:b/c"), &model)
        #expect(model.plan.roles[1].tags == [Tag("team", "platform"), Tag("cost center", "a:b/c")])
        #expect(model.problems(of: .details, role: 1).isEmpty)
        Harness.press([.up, .ctrl("d")], &model)
        #expect(model.plan.roles[1].tags == [Tag("cost center", "a:b/c")])
        #expect(model.details.field == .tagValue(0))
        #expect(model.status == .info("deleted tag team"))
        Harness.press([.ctrl("d")], &model)
        #expect(model.plan.roles[1].tags.isEmpty && model.details.field == .newTag)
        #expect(!DetailsScreen.bindings(model).map(\.label).contains("^D"))
    }

    @Test func aTagLeftEmptyIsDropped() {
        var model = Self.taskRole()
        Harness.press([.backTab] + Harness.type("a") + [.backspace], &model)
        #expect(model.plan.roles[1].tags == [Tag("", "")])
        Harness.press([.up], &model)
        #expect(model.plan.roles[1].tags.isEmpty && model.details.field == .permissionsBoundary)
    }

    @Test func fiftyTagsIsIAMsLimit() {
        var model = Self.taskRole()
        model.plan.roles[1].tags = (0..<50).map { Tag("k\($0)", "") }
        Harness.press([.backTab] + Harness.type("x"), &model)
        #expect(model.plan.roles[1].tags.count == 50 && model.details.field == .newTag)
        #expect(model.status == .error("a role has at most 50 tags"))
        #expect(Harness.frame(model).contains("(50 tags: IAM's limit)"))
    }

    @Test func arrowsMoveBetweenRowsAndTabCycles() {
        var model = Self.taskRole()
        model.plan.roles[1].tags = [Tag("a", "1"), Tag("b", "2")]
        Harness.press([.up], &model)
        #expect(model.details.field == .name)
        Harness.press([.down, .down, .down, .down, .down, .tab, .down], &model)
        #expect(model.details.field == .tagValue(1))
        Harness.press([.down], &model)
        #expect(model.details.field == .newTag)
        Harness.press([.down, .tab], &model)
        #expect(model.details.field == .name)
        Harness.press([.backTab, .backTab], &model)
        #expect(model.details.field == .tagValue(1))
        Harness.press([.enter], &model)
        #expect(model.details.field == .newTag)
    }

    @Test func theBoundaryResolvesThroughTheCatalog() {
        var model = Self.taskRole()
        Harness.press([.backTab, .up] + Harness.type("PowerUser"), &model)
        #expect(model.details.field == .permissionsBoundary)
        #expect(DetailsScreen.problem(.permissionsBoundary, model)?.hasPrefix("no AWS managed policy named \"PowerUser\"") == true)
        Harness.press(Harness.type("Access"), &model)
        #expect(DetailsScreen.problem(.permissionsBoundary, model) == nil)
        #expect(model.compiledRole?.permissionsBoundaryARN == "arn:aws:iam::aws:policy/PowerUserAccess")
        #expect(DetailsScreen.hint(.permissionsBoundary, model).hasSuffix("Resolves to arn:aws:iam::aws:policy/PowerUserAccess."))
    }

    @Test func focusGoesToTheFieldAtAPath() {
        var model = Self.taskRole()
        model.plan.roles[1].tags = [Tag("a", "1"), Tag("b", "2")]
        let role = FieldPath.root / "roles" / 1
        model.step = .review
        Wizard.jump(to: role / "tags" / 1 / "value", &model)
        #expect(model.step == .details && model.details.field == .tagValue(1))
        Wizard.jump(to: role / "tags" / 0 / "key", &model)
        #expect(model.details.field == .tagKey(0))
        Wizard.jump(to: role / "maxSessionDuration", &model)
        #expect(model.details.field == .maxSessionDuration)
        Wizard.jump(to: role / "permissionsBoundary", &model)
        #expect(model.details.field == .permissionsBoundary)
        Wizard.jump(to: role / "description", &model)
        #expect(model.details.field == .description)
        Wizard.jump(to: role / "path", &model)
        #expect(model.details.field == .path)
        Wizard.jump(to: role / "name", &model)
        #expect(model.details.field == .name)
        Wizard.jump(to: FieldPath.root / "roles" / 0 / "tags", &model)
        #expect(model.roleIndex == 0 && model.details.field == .newTag)
    }

    @Test func aStaleFocusIsKeptInBounds() {
        var model = Self.taskRole()
        model.details.field = .tagValue(4)
        model.details.cursor = 99
        #expect(DetailsScreen.focused(model) == .newTag)
        Harness.press(Harness.type("k"), &model)
        #expect(model.plan.roles[1].tags == [Tag("k", "")])
    }

    @Test func onAShortScreenTheFormSlidesToKeepTheFocusInView() {
        var model = Self.taskRole()
        model.plan.roles[1].tags = [Tag("team", "platform"), Tag("env", "prod")]
        model.teachingVisible = true
        Harness.press([.backTab, .backTab], &model)
        #expect(model.details.field == .tagValue(1))
        let frame = Wizard.render(model)
        #expect(frame.cursor?.x == 34 && frame.cursor?.y == 9 && Wizard.bodyArea(model).maxY == 10)
        #expect(frame.canvas.text.components(separatedBy: "\n")[9].hasPrefix("              env             prod"))
    }

    @Test func escGoesBackAStep() {
        var model = Self.taskRole()
        Harness.press(Harness.type("X") + [.escape], &model)
        #expect(model.step == .inlinePolicies)
        #expect(model.plan.roles[1].name == "retailStoreEcsTaskRoleX", "edits are in the plan as typed")
    }

    @Test func withoutRolesNothingHappens() {
        var model = Harness.model(plan: Plan(), step: .details)
        #expect(DetailsScreen.bindings(model).isEmpty && !DetailsScreen.capturesText(model))
        let effects = Harness.press(Harness.type("abc") + [.tab, .enter, .ctrl("d"), .down], &model)
        #expect(effects.isEmpty && model.plan == Plan() && model.step == .details)
        #expect(Harness.frame(model).contains("Add a role in step 1 first"))
    }

    @Test func beforeTheCatalogLoads() {
        var model = WizardModel(plan: Presets.named("ecs-workshop")!.plan(), step: .details, catalog: nil)
        model.roleIndex = 1
        Harness.press([.backTab, .up] + Harness.type("PowerUserAccess"), &model)
        #expect(model.plan.roles[1].permissionsBoundary == "PowerUserAccess")
        #expect(DetailsScreen.problem(.permissionsBoundary, model) == nil)
        #expect(DetailsScreen.hint(.permissionsBoundary, model).hasSuffix("Checked once the managed policy catalog has loaded."))
        #expect(Harness.frame(model).contains("ARN shown once the managed policy catalog has loaded"))
        _ = Wizard.update(&model, .catalogLoaded(.bundled))
        #expect(model.compiledRole?.permissionsBoundaryARN == "arn:aws:iam::aws:policy/PowerUserAccess")
    }

    @Test func randomKeysNeverBreakIt() {
        // A fixed linear congruential sequence, so that a failure can be replayed.
        var seed: UInt64 = 5
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        let keys: [Key] = [.up, .down, .left, .right, .home, .end, .tab, .backTab, .enter, .escape, .backspace,
                           .delete, .char("a"), .char(" "), .char("7"), .char("/"), .ctrl("d"), .ctrl("j"), .ctrl("u"), .ctrl("w")]
        for size in [(80, 24), (100, 30), (120, 40), (200, 60)] {
            var model = Harness.preset("s3-bucket-task-role", step: .details)
            model.plan.roles.append(Role(name: "AmazonECSTaskS3BucketRole2", kind: .execution, tags: [Tag("a", "b")]))
            model.size = size
            for step in 0..<500 {
                _ = Wizard.update(&model, .key(keys[next() % keys.count]))
                if model.step != .details { model.step = .details }
                if step % 250 == 0 { model.roleIndex = next() % 2 }
                _ = Wizard.render(model)
            }
        }
    }
}
