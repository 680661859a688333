import Testing
import RoleWizardCore
@testable import Screens

@Suite struct StartScreenTests {
    @Test func goldens() {
        var model = Harness.model()
        Golden.check(model, "start")
        Harness.press([.down, .down], &model)
        Golden.check(model, "start-preset-selected")
        var wide = Harness.model(size: (120, 40), draft: Presets.named("ecs-workshop")!.plan())
        Golden.check(wide, "start-120x40-with-draft")
        Harness.press([.tab], &wide)
        Harness.press(Harness.type("12345"), &wide)
        Golden.check(wide, "start-120x40-account-invalid")
    }

    @Test func presetWithAccountAndRegionStartsTheRolesStep() {
        var model = Harness.model()
        Harness.press([.tab] + Harness.type("123456789012") + [.tab] + Harness.type("eu-west-1") + [.tab, .right, .left], &model)
        #expect(model.start.partition == .aws)
        Harness.press([.tab, .tab], &model)
        #expect(model.start.focus == .choices)
        Harness.press([.down, .enter], &model)
        #expect(model.step == .roles)
        #expect(model.plan == Presets.named("ecs-workshop")!.plan(account: "123456789012", region: "eu-west-1"))
    }

    @Test func anInvalidAccountBlocksStarting() {
        var model = Harness.model()
        let effects = Harness.press([.tab] + Harness.type("12") + [.enter], &model)
        #expect(model.step == .start)
        #expect(model.start.focus == .account)
        #expect(model.status == .error("account: 12 digits"))
        #expect(effects.isEmpty)
    }

    @Test func lettersAreTypedIntoFieldsNotObeyed() {
        var model = Harness.model()
        let effects = Harness.press([.tab] + Harness.type("q?i"), &model)
        #expect(model.start.account.text == "q?i")
        #expect(model.overlay == nil && !model.teachingVisible && effects.isEmpty)
    }

    @Test func openingASpecAsksTheLoopThenShowsThePlan() {
        var model = Harness.model()
        Harness.press([.end, .enter], &model)
        #expect(model.start.focus == .specPath)
        let effects = Harness.press(Harness.type("roles.yaml") + [.enter], &model)
        #expect(effects == [.loadSpec(path: "roles.yaml")])
        let spec = Presets.named("ufo-roles")!.specText()
        let after = Wizard.update(&model, .specLoaded(path: "roles.yaml", .success(spec)))
        #expect(model.step == .roles)
        #expect(model.plan == Presets.named("ufo-roles")!.plan())
        #expect(after.first == .saveDraft(model.plan))
    }

    @Test func aBadSpecSaysWhereAndStays() {
        var model = Harness.model()
        _ = Wizard.update(&model, .specLoaded(path: "bad.yaml", .success("roles:\n  - name: a\n    kind: taks\n")))
        #expect(model.step == .start)
        guard case let .error(message)? = model.status else { Issue.record("no error"); return }
        #expect(message.hasPrefix("bad.yaml:3:11: roles[0].kind: kind must be task"))
    }

    @Test func resumingTheDraft() {
        let draft = Presets.named("ec2-container-instance")!.plan()
        var model = Harness.model(draft: draft)
        Harness.press([.enter], &model)
        #expect(model.plan == draft && model.step == .roles)
    }
}
