import Testing
import RoleWizardCore
@testable import Screens

@Suite struct TrustScreenTests {
    /// The workshop's task role (account 123456789012, us-east-1) on the trust step.
    static func taskRole() -> WizardModel { Harness.preset("ecs-workshop", step: .trust, role: 1) }

    /// What the app loop does with `.editorFinished` for a trust document: the screen's handler,
    /// then the recompile that `Wizard.update` runs when the plan changed.
    static func finishEditor(_ text: String?, role: Int = 1, _ model: inout WizardModel) {
        _ = TrustScreen.editorFinished(text: text, role: role, &model)
        model.recompile()
    }

    static let custom = """
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
     "Action": ["sts:AssumeRole", "sts:TagSession"]}]}
    """

    @Test func goldens() {
        var model = Self.taskRole()
        Golden.check(model, "trust-task-role")
        Harness.press([.char("a")] + Harness.type("lambda.amazon"), &model)
        Golden.check(model, "trust-adding-service")
        Harness.press([.escape, .right, .char("a")] + Harness.type("210987654321") + [.enter, .char("a")]
                      + Harness.type("arn:aws:iam::210987654321:role/ci-deployer") + [.enter], &model)
        Golden.check(model, "trust-accounts")
        Harness.press([.right], &model)
        Golden.check(model, "trust-custom-none")
        var wide = model
        wide.size = (120, 40)
        Harness.press([.left, .left], &wide)
        Golden.check(wide, "trust-120x40")
        Self.finishEditor(Self.custom, &model)
        model.status = nil
        Golden.check(model, "trust-custom-set")
        Harness.press([.char("x")], &model)
        Golden.check(model, "trust-custom-confirm-remove")
        var instance = Harness.preset("ec2-container-instance", step: .trust)
        Harness.press([.down], &instance)
        Golden.check(instance, "trust-instance-role")
        Golden.check(Harness.model(plan: Plan(), step: .trust), "trust-no-roles")
    }

    @Test func aServiceIsCheckedAsTypedAndJoinsTheGeneratedPolicy() {
        var model = Self.taskRole()
        Harness.press([.char("a")] + Harness.type("lambda.amazon"), &model)
        #expect(Harness.frame(model).contains("✗ \"lambda.amazon\" is not a service"))
        Harness.press([.enter], &model)
        #expect(model.status == .error("\"lambda.amazon\" is not a service principal (like ecs-tasks.amazonaws.com)"))
        #expect(model.plan.roles[1].trust.services == nil)
        #expect(TrustScreen.capturesText(model))
        let effects = Harness.press(Harness.type("aws.com") + [.enter], &model)
        #expect(model.plan.roles[1].trust.services == ["ecs-tasks.amazonaws.com", "lambda.amazonaws.com"])
        #expect(effects == [.saveDraft(model.plan)])
        #expect(model.trust.mode == .browse && model.trust.services.selected == 1)
        let statements = model.compiledRole!.trustPolicy.statements
        #expect(statements.count == 2)
        #expect(statements[0].condition != nil)
        #expect(statements[1].principal == .service(["lambda.amazonaws.com"]) && statements[1].condition == nil)

        Harness.press([.char("a")] + Harness.type("lambda.amazonaws.com") + [.enter], &model)
        #expect(model.status == .error("lambda.amazonaws.com is already trusted"))
        Harness.press([.escape, .char("x")], &model)
        #expect(model.plan.roles[1].trust.services == nil, "the kind's own principal alone is the default again")
        #expect(model.status == .info("no longer trusted: lambda.amazonaws.com"))
    }

    @Test func editingAServiceReplacesIt() {
        var model = Self.taskRole()
        Harness.press([.enter, .ctrl("u")] + Harness.type("ec2.amazonaws.com") + [.enter], &model)
        #expect(model.plan.roles[1].trust.services == ["ec2.amazonaws.com"])
        #expect(model.compiledRole!.trustPolicy.statements.map(\.condition) == [nil])
    }

    @Test func withoutServicesOnlyAccountsCanAssumeIt() {
        var model = Self.taskRole()
        Harness.press([.char("x")], &model)
        #expect(model.plan.roles[1].trust.services == [])
        #expect(model.problems(of: .trust, role: 1).map(\.message) == ["nobody could assume this role: give at least one service or account"])
        #expect(Harness.frame(model).contains("✗ nobody could assume this role"))
        Harness.press([.right, .char("a")] + Harness.type("210987654321") + [.enter], &model)
        #expect(model.problems(of: .trust, role: 1).isEmpty)
        let statements = model.compiledRole!.trustPolicy.statements
        #expect(statements.count == 1)
        #expect(statements[0].principal == .map([(type: .aws, values: StringList(["arn:aws:iam::210987654321:root"], isList: false))]))
        Harness.press([.left, .char("a")] + Harness.type("ecs-tasks.amazonaws.com") + [.enter], &model)
        #expect(model.plan.roles[1].trust.services == nil)
    }

    @Test func accountsAreCheckedAsTyped() {
        var model = Self.taskRole()
        Harness.press([.right, .char("a")] + Harness.type("12345"), &model)
        #expect(model.trust.page == .account)
        #expect(Harness.frame(model).contains("✗ an account ID is 12 digits, not"))
        Harness.press([.enter], &model)
        #expect(model.status == .error("an account ID is 12 digits, not 5"))
        Harness.press([.ctrl("u")] + Harness.type("arn:aws:s3:::bucket") + [.enter], &model)
        #expect(model.status == .error("not an IAM principal ARN with an account ID (arn:aws:iam::111122223333:role/NAME)"))
        Harness.press([.ctrl("u")] + Harness.type("role/ci") + [.enter], &model)
        #expect(model.status == .error("an account ID (12 digits) or an IAM principal ARN (arn:aws:iam::111122223333:role/NAME)"))
        #expect(model.plan.roles[1].trust.accounts.isEmpty)
        Harness.press([.ctrl("u")] + Harness.type("210987654321") + [.enter], &model)
        Harness.press([.char("a")] + Harness.type("arn:aws:iam::210987654321:role/ci") + [.enter], &model)
        #expect(model.plan.roles[1].trust.accounts == ["210987654321", "arn:aws:iam::210987654321:role/ci"])
        #expect(model.trust.accounts.selected == 1)
        Harness.press([.up, .enter, .ctrl("u")] + Harness.type("111122223333") + [.enter], &model)
        #expect(model.plan.roles[1].trust.accounts == ["111122223333", "arn:aws:iam::210987654321:role/ci"])
        Harness.press([.char("a")] + Harness.type("111122223333") + [.enter], &model)
        #expect(model.status == .error("111122223333 is already trusted"))
        Harness.press([.escape, .down, .char("x")], &model)
        #expect(model.plan.roles[1].trust.accounts == ["111122223333"])
        #expect(model.compiledRole!.trustPolicy.statements.last!.principal
                == .map([(type: .aws, values: StringList(["arn:aws:iam::111122223333:root"], isList: false))]))
    }

    @Test func anEditLeftOpenWhileTheRoleChangedAddsInstead() {
        var model = Self.taskRole()
        Harness.press([.right, .char("a")] + Harness.type("210987654321") + [.enter, .enter], &model)
        #expect(model.trust.mode == .typing(TextField("210987654321"), index: 0))
        model.roleIndex = 0
        #expect(TrustScreen.mode(model) == .typing(TextField("210987654321"), index: nil))
        #expect(Harness.frame(model).contains("› 210987654321"))
        Harness.press([.enter], &model)
        #expect(model.plan.roles[0].trust.accounts == ["210987654321"])
        #expect(model.plan.roles[1].trust.accounts == ["210987654321"])
    }

    @Test func lettersAreTypedIntoThePrincipalNotObeyed() {
        var model = Self.taskRole()
        let effects = Harness.press([.char("a")] + Harness.type("q?ix"), &model)
        #expect(model.trust.mode == .typing(TextField("q?ix"), index: nil))
        #expect(model.overlay == nil && !model.teachingVisible && effects.isEmpty)
        #expect(TrustScreen.bindings(model).map(\.label) == ["Enter"])
    }

    @Test func protectionFlipsTheEffectiveValueAndFallsBackToTheDefault() {
        var model = Self.taskRole()
        Harness.press([.end], &model)
        #expect(TrustScreen.bindings(model).map(\.label).contains("Space"))
        Harness.press([.char(" ")], &model)
        #expect(model.plan.roles[1].trust.confusedDeputyProtection == false)
        #expect(model.compiledRole!.trustPolicy.statements[0].condition == nil)
        #expect(Harness.frame(model).contains("off (default: on)"))
        Harness.press([.enter], &model)
        #expect(model.plan.roles[1].trust.confusedDeputyProtection == nil)
        #expect(Harness.frame(model).contains("on (the default)"))

        // Without an account and region the default is off; on, the apply script fills them in.
        var bare = Harness.model(plan: Presets.named("ecs-workshop")!.plan(), step: .trust)
        bare.roleIndex = 1
        Harness.press([.end, .char(" ")], &bare)
        #expect(bare.plan.roles[1].trust.confusedDeputyProtection == true)
        #expect(bare.compiledRole!.trustPolicy.compactText.contains("\"aws:SourceArn\":\"arn:aws:ecs:{{Region}}:{{AccountId}}:*\""))
    }

    @Test func protectionOnAnInstanceRoleIsAProblem() {
        var model = Harness.preset("ec2-container-instance", step: .trust)
        Harness.press([.down, .char(" ")], &model)
        #expect(model.plan.roles[0].trust.confusedDeputyProtection == true)
        #expect(model.problems(of: .trust, role: 0).map(\.message)
                == ["confused-deputy conditions apply to the ecs-tasks.amazonaws.com principal; EC2 sends no aws:SourceArn when it assumes an instance role"])
        #expect(Harness.frame(model).contains("✗ confused-deputy conditions apply"))
        Harness.press([.char(" ")], &model)
        #expect(model.plan.roles[0].trust.confusedDeputyProtection == nil)
    }

    @Test func aCustomPolicyStartsFromTheGeneratedOneAndComesBackFromTheEditor() {
        var model = Self.taskRole()
        Harness.press([.right, .right], &model)
        let generated = model.compiledRole!.trustPolicy.prettyText
        #expect(Harness.press([.enter], &model) == [.openEditor(text: generated, target: .trustDocument(role: 1))])

        Self.finishEditor(generated, &model)
        #expect(model.status == .info("the trust policy is unchanged"))
        #expect(model.plan.roles[1].trust.document == nil)

        Self.finishEditor("{\"Statement\": [", &model)
        #expect(model.plan.roles[1].trust.document == nil)
        guard case let .error(message)? = model.status else { Issue.record("no error"); return }
        #expect(message.hasPrefix("trust policy not saved: "))
        #expect(Harness.frame(model).contains("Your last edit did not parse"))
        #expect(Harness.press([.enter], &model) == [.openEditor(text: "{\"Statement\": [", target: .trustDocument(role: 1))])

        Self.finishEditor(Self.custom, &model)
        let document = try! PolicyReader.parse(text: Self.custom).get()
        #expect(model.plan.roles[1].trust.document == document)
        #expect(model.trust.unparsed == nil)
        #expect(model.status == .info("custom trust policy saved: it replaces the generated one"))
        #expect(model.compiledRole!.trustPolicy == document)
        #expect(Harness.press([.enter], &model) == [.openEditor(text: document.prettyText, target: .trustDocument(role: 1))])
        #expect(Harness.frame(model).contains("Custom trust policy 152/2048"))
        Harness.press([.right], &model)
        #expect(Harness.frame(model).contains("Not used: the custom trust policy"))
        Harness.press([.left], &model)

        Harness.press([.char("x")], &model)
        #expect(model.trust.mode == .confirmRemove)
        Harness.press([.escape], &model)
        #expect(model.trust.mode == .browse && model.plan.roles[1].trust.document == document && model.step == .trust)
        Harness.press([.char("x"), .enter], &model)
        #expect(model.plan.roles[1].trust.document == nil)
        #expect(model.status == .info("removed the custom trust policy: the generated one applies again"))
    }

    @Test func aCustomPolicyIAMWouldRejectIsKeptWithItsProblems() {
        var model = Self.taskRole()
        Self.finishEditor("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
         "Action": "sts:AssumeRole", "Resource": "*"}]}
        """, &model)
        #expect(model.plan.roles[1].trust.document != nil)
        let problem = "roles[1].trust.document.Statement[0].Resource: a trust policy has no Resource: the role itself is the resource"
        #expect(model.status == .error("custom trust policy saved, but \(problem)"))
        #expect(model.problems(of: .trust, role: 1).map(\.description) == [problem])
    }

    @Test func aFailedEditorOrAnEditToDiscardLeavesThePolicyAlone() {
        var model = Self.taskRole()
        Self.finishEditor(nil, &model)
        #expect(model.status == .error("the editor did not finish; the trust policy is unchanged"))
        Self.finishEditor("", &model)
        #expect(model.trust.unparsed?.text == "")
        Harness.press([.right, .right], &model)
        #expect(TrustScreen.bindings(model).map(\.help).contains("discard edit"))
        Harness.press([.char("x")], &model)
        #expect(model.trust.unparsed == nil && model.status == .info("discarded the edit that did not parse"))
        Self.finishEditor(Self.custom, role: 7, &model)
        #expect(model.plan == Self.taskRole().plan)
    }

    @Test func thePreviewScrolls() {
        var model = Self.taskRole()
        let lines = TrustScreen.previewLines(model, width: 40).count
        #expect(lines == 24)
        Harness.press([.tab], &model)
        #expect(model.trust.previewFocused)
        Harness.press([.end], &model)
        #expect(model.trust.previewTop == 6, "24 lines in 18 rows")
        Harness.press([.up], &model)
        #expect(model.trust.previewTop == 5)
        Harness.press([.home, .pageDown], &model)
        #expect(model.trust.previewTop == 6)
        #expect(Harness.frame(model).contains(" 7–24 of 24 "))
        Harness.press([.escape], &model)
        #expect(!model.trust.previewFocused && model.step == .trust)
    }

    @Test func onAShortScreenTheToggleStaysInView() {
        var model = Self.taskRole()
        model.teachingVisible = true
        Harness.press([.end], &model)
        let lines = Harness.frame(model).components(separatedBy: "\n")
        #expect(lines[4].hasPrefix("  ecs-tasks.amazonaws.com (default)"))
        #expect(lines[6].hasPrefix("› [x] Confused-deputy protection"))
        #expect(lines[7].hasPrefix("  on (the default)"))
    }

    @Test func escCancelsTypingThenGoesBack() {
        var model = Self.taskRole()
        Harness.press([.char("a")] + Harness.type("s3.amazonaws.com") + [.escape], &model)
        #expect(model.trust.mode == .browse && model.step == .trust)
        #expect(model.plan == Self.taskRole().plan)
        Harness.press([.escape], &model)
        #expect(model.step == .roles)
    }

    @Test func focusSelectsTheItemAtAPath() {
        var model = Self.taskRole()
        model.plan.roles[1].trust.accounts = ["111122223333", "210987654321", "bad"]
        model.recompile()
        let trust = FieldPath.root / "roles" / 1 / "trust"
        #expect(model.problems(of: .trust, role: 1).map(\.path) == [trust / "accounts" / 2])
        model.step = .review
        Wizard.jump(to: trust / "accounts" / 2, &model)
        #expect(model.step == .trust && model.roleIndex == 1)
        #expect(model.trust.page == .account && model.trust.accounts.selected == 2)
        #expect(Harness.frame(model).contains("› bad"))
        Wizard.jump(to: FieldPath.root / "roles" / 0 / "trust" / "confusedDeputyProtection", &model)
        #expect(model.roleIndex == 0 && model.trust.page == .service && model.trust.services.selected == 1)
        Wizard.jump(to: trust / "document" / "Statement" / 0, &model)
        #expect(model.trust.page == .custom)
        Wizard.jump(to: trust / "services" / 0, &model)
        #expect(model.trust.page == .service && model.trust.services.selected == 0)
    }

    @Test func withoutRolesNothingHappens() {
        var model = Harness.model(plan: Plan(), step: .trust)
        #expect(TrustScreen.bindings(model).isEmpty && !TrustScreen.capturesText(model))
        let effects = Harness.press([.char("a"), .enter, .char(" "), .tab, .right, .char("x"), .end], &model)
        #expect(effects.isEmpty && model.plan == Plan() && model.step == .trust)
        #expect(TrustScreen.editorFinished(text: Self.custom, role: 0, &model).isEmpty && model.status == nil)
        #expect(Harness.frame(model).contains("Add a role in step 1 first"))
    }

    @Test func beforeTheCatalogLoads() {
        var model = WizardModel(plan: Presets.named("ecs-workshop")!.plan(account: "123456789012", region: "us-east-1"),
                                step: .trust, catalog: nil)
        model.roleIndex = 1
        #expect(model.compiled == nil)
        let frame = Harness.frame(model)
        #expect(frame.contains("The policy appears once the managed"))
        #expect(frame.contains("\ncatalog has loaded…") == false && frame.contains("\nchecking…"))
        #expect(Harness.press([.right, .right, .enter], &model).isEmpty)
        #expect(model.status == .info("the generated policy to start from is ready once the managed policy catalog has loaded"))
        Harness.press([.left, .left, .end, .char(" ")], &model)
        #expect(model.plan.roles[1].trust.confusedDeputyProtection == false)
        _ = Wizard.update(&model, .catalogLoaded(.bundled))
        #expect(model.compiledRole!.trustPolicy.statements[0].condition == nil)
    }

    @Test func randomKeysNeverBreakIt() {
        // A fixed linear congruential sequence, so that a failure can be replayed.
        var seed: UInt64 = 2
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        let keys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .tab, .backTab, .enter, .escape,
                           .backspace, .delete, .char("a"), .char("x"), .char(" "), .char("1"), .char(":"), .ctrl("u")]
        for size in [(80, 24), (100, 30), (120, 40), (200, 60)] {
            var model = Harness.preset("ecs-workshop", step: .trust, role: 1)
            model.size = size
            for step in 0..<1000 {
                _ = Wizard.update(&model, .key(keys[next() % keys.count]))
                if model.step != .trust { model.step = .trust }
                if step % 300 == 0 { model.roleIndex = next() % 3 }
                if step % 500 == 0 { Self.finishEditor(step % 1000 == 0 ? Self.custom : "{", role: model.roleIndex, &model) }
                _ = Wizard.render(model)
            }
        }
    }
}
