import Testing
import RoleWizardCore
@testable import Screens

@Suite struct ExportScreenTests {
    @Test func goldens() {
        var model = Harness.preset("ecs-workshop", step: .export)
        Golden.check(model, "export-ready")
        _ = Wizard.update(&model, .exportFinished(.success(["manifest.json", "roles/a/trust-policy.json", "apply.sh", "teardown.sh"])))
        Golden.check(model, "export-written")
        var broken = Harness.preset("ecs-workshop", step: .export)
        broken.plan.roles[0].name = "bad name"
        Golden.check(broken, "export-blocked")
    }

    @Test func writesTheChosenFormatsOfTheCurrentPlan() {
        var model = Harness.preset("ecs-workshop", step: .export)
        // JSON and aws-cli are chosen at first; add the spec file.
        let effects = Harness.press([.down, .down, .char(" "), .enter], &model)
        #expect(effects == [.export(ExportRequest(plan: model.plan, formats: [.json, .awsCLI, .spec], folder: "iam-roles", force: false))])
    }

    @Test func anExistingFolderIsReplacedOnlyAfterConfirming() {
        var model = Harness.preset("ecs-workshop", step: .export)
        Harness.press([.tab, .ctrl("u")] + Harness.type("out/iam") + [.enter], &model)
        _ = Wizard.update(&model, .exportFinished(.failure(EffectFailure("out/iam exists", folderExists: true))))
        #expect(model.overlay == .confirm(question: "out/iam exists and is not empty. Replace it with the new files?", purpose: .overwriteExport))
        #expect(Harness.press([.char("n")], &model).isEmpty)
        _ = Wizard.update(&model, .exportFinished(.failure(EffectFailure("out/iam exists", folderExists: true))))
        let effects = Harness.press([.char("y")], &model)
        #expect(effects == [.export(ExportRequest(plan: model.plan, formats: [.json, .awsCLI], folder: "out/iam", force: true))])
    }

    @Test func refusesWhileThePlanHasProblems() {
        var model = Harness.preset("ecs-workshop", step: .export)
        model.plan.roles[1].maxSessionDuration = 10
        #expect(Harness.press([.enter], &model).isEmpty)
        #expect(model.status == .error("1 problem to fix first: see the list, or step 6 Review"))
    }

    @Test func needsAFormatAndAFolder() {
        var model = Harness.preset("ecs-workshop", step: .export)
        Harness.press([.char(" "), .down, .char(" "), .enter], &model)
        #expect(model.status == .error("choose at least one format (Space)"))
        Harness.press([.char(" "), .tab, .ctrl("u"), .enter], &model)
        #expect(model.status == .error("type the output folder"))
    }

    @Test func successClearsUnsavedSoQuitNeedsNoQuestion() {
        var model = Harness.preset("ecs-workshop", step: .export)
        model.unsaved = true
        _ = Wizard.update(&model, .exportFinished(.success(["apply.sh"])))
        #expect(!model.unsaved)
        #expect(model.status == .info("wrote 1 files to iam-roles; next: bash iam-roles/apply.sh"))
        #expect(Harness.press([.char("q")], &model) == [.quit(keepDraft: false)])
    }
}
