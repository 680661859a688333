import Testing
import RoleWizardCore
@testable import Screens

/// The ECS workshop as the lab writes it at Review: without an account, a WARNING on the task
/// role's ECS Exec policy and a SUGGESTION on each trust policy.
func workshop(size: (Int, Int) = (80, 24), account: Bool = false) -> WizardModel {
    let plan = account ? Presets.named("ecs-workshop")!.plan(account: "123456789012", region: "us-east-1")
                       : Presets.named("ecs-workshop")!.plan()
    return Harness.model(plan: plan, step: .review, size: size)
}

/// The plan's findings in the model: worked out when the plan changes, after the IAM catalog has
/// loaded; each step's tab counts the findings of the fields it edits.
@Suite struct FindingsTests {
    func lines(_ model: WizardModel) -> [String] {
        Harness.frame(model).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func theFindingsAreNotCheckedUntilBothCatalogsHaveLoaded() {
        var model = WizardModel(plan: workshop().plan, step: .roles)
        #expect(model.findings == nil)
        _ = Wizard.update(&model, .iamCatalogLoaded(.bundled))
        #expect(model.findings == nil, "no compiled plan yet")
        model = WizardModel(plan: workshop().plan, step: .roles, catalog: .bundled)
        #expect(model.findings == nil && !Harness.frame(model).contains("⚠"))
        let effects = Wizard.update(&model, .iamCatalogLoaded(.bundled))
        #expect(effects.isEmpty && !model.unsaved, "loading a catalog is no change of the plan")
        #expect(model.findings?.count == 3)
        #expect(Harness.frame(model).contains(" 2⚠2 "))
    }

    @Test func findingsAreWorkedOutWhenThePlanChangesNotOnOtherKeys() {
        var model = workshop(account: true)
        #expect(model.findings?.count == 1)
        model.step = .roles
        Harness.press([.down, .up, .char("i"), .char("i")], &model)
        #expect(model.findings?.count == 1)
        model.plan.account = nil
        model.plan.region = nil
        #expect(model.findings?.count == 3, "the plan changed: linted again")
        model.plan.roles[1].inlinePolicies = []
        #expect(model.findings?.map(\.finding.code) == ["MISSING_CONFUSED_DEPUTY_CONDITION", "MISSING_CONFUSED_DEPUTY_CONDITION"])
    }

    @Test func eachStepsTabCountsItsFindings() {
        let model = workshop()
        #expect(model.findings(of: .trust).count == 2 && model.findings(of: .inlinePolicies).count == 1)
        let header = lines(model)[0]
        #expect(header.hasPrefix("ecs-role-wizard  1  2⚠2  3  4⚠1  5  6  7 "))
        var ascii = model
        ascii.glyphs = .ascii
        #expect(lines(ascii)[0].hasPrefix("ecs-role-wizard  1  2(2)  3  4(1)  5  6  7 "))
        let canvas = Wizard.render(model).canvas
        let four = header.range(of: "4⚠1")!.lowerBound.utf16Offset(in: header)
        #expect(canvas[four, 0].style == .accent, "a warning's tab in the warning color")
        let two = header.range(of: "2⚠2")!.lowerBound.utf16Offset(in: header)
        #expect(canvas[two, 0].style == .muted, "suggestions only: muted")
    }

    @Test func anErrorThatRepeatsAProblemIsLeftToTheProblems() throws {
        let role = Role(name: "app-task-role", kind: .task, inlinePolicies: [
            InlinePolicy(name: "read", source: .statements([Statement(action: ["s3GetObject"], resource: "*")])),
        ])
        let model = Harness.model(plan: Plan(account: "123456789012", region: "us-east-1", roles: [role]), step: .review)
        let compiled = try #require(model.compiled)
        let field = FieldPath.root / "roles" / 0 / "inlinePolicies" / 0 / "statements" / 0 / "Action" / 0
        #expect(compiled.problems.map(\.path).contains(field))
        let raw = PlanLinter(linter: PolicyLinter(catalog: .bundled), managedPolicies: .bundled).lint(compiled)
        #expect(raw.contains { $0.field == field && $0.finding.severity == .error }, "the linter reports it too")
        #expect(!(model.findings ?? []).contains { $0.field == field && $0.finding.severity == .error })
    }
}
