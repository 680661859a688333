import Testing
import RoleWizardCore
@testable import Screens

@Suite struct ReviewScreenTests {
    /// A plan with a problem of each kind of owner: the plan (account, its own policy) and two roles.
    static func troubledModel(size: (Int, Int) = (80, 24)) -> WizardModel {
        let plan = Plan(
            account: "12345", region: "us-east-1",
            roles: [
                Role(name: "app-execution-role", kind: .execution,
                     managedPolicies: ["service-role/AmazonECSTaskExecutionRolePolicy", "job-function/AmazonS3ReadOnlyAccess"]),
                Role(name: "app-task-role", kind: .task, maxSessionDuration: 100),
            ],
            customerManagedPolicies: [
                CustomerManagedPolicy(name: "bad name", source: .statements([]), attachTo: ["app-task-role"]),
            ])
        return Harness.model(plan: plan, step: .review, size: size)
    }

    /// A task role trusted by 80 accounts: its trust policy is over IAM's 2,048 characters.
    static func oversizedTrustModel() -> WizardModel {
        let accounts = (0..<80).map { String(100_000_000_000 + $0) }
        let role = Role(name: "wide-trust", kind: .task, trust: TrustSettings(accounts: accounts))
        return Harness.model(plan: Plan(account: "123456789012", region: "us-east-1", roles: [role]), step: .review)
    }

    @Test func goldens() {
        Golden.check(Harness.preset("s3-bucket-task-role", step: .review), "review-ready")
        var troubled = Self.troubledModel()
        Golden.check(troubled, "review-problems")
        Harness.press([.tab, .pageDown], &troubled)
        Golden.check(troubled, "review-problems-documents-focus")
        Golden.check(Self.troubledModel(size: (120, 40)), "review-120x40-problems")
        Golden.check(Self.oversizedTrustModel(), "review-trust-over-limit")
        Golden.check(WizardModel(plan: Presets.named("ecs-workshop")!.plan(), step: .review, size: (80, 24)), "review-loading")
    }

    @Test func problemsAreListedPlanFirstThenByRole() {
        let model = Self.troubledModel()
        let paths = ReviewScreen.orderedProblems(model).map { "\($0.group.map(String.init) ?? "plan") \($0.problem.path)" }
        #expect(paths == [
            "plan account",
            "plan customerManagedPolicies[0].name",
            "plan customerManagedPolicies[0].statements",
            "0 roles[0].managedPolicies[1]",
            "1 roles[1].maxSessionDuration",
        ])
        #expect(ReviewScreen.problemRows(model, ReviewScreen.orderedProblems(model)) == [
            .heading("Plan"), .problem(0), .problem(1), .problem(2),
            .heading("Role app-execution-role"), .problem(3),
            .heading("Role app-task-role"), .problem(4),
        ])
    }

    @Test func enterOpensTheStepThatFixesTheProblem() {
        var model = Self.troubledModel()
        Harness.press([.down, .down, .down, .enter], &model)
        #expect(model.step == .managedPolicies && model.roleIndex == 0)
        #expect(model.managed.selected == 1)

        var details = Self.troubledModel()
        Harness.press([.end, .enter], &details)
        #expect(details.step == .details && details.roleIndex == 1)
    }

    @Test func theSelectionFollowsWhenProblemsAreFixedElsewhere() {
        var model = Self.troubledModel()
        Harness.press([.end], &model)
        #expect(model.review.problem == 4)
        model.plan.roles[1].maxSessionDuration = nil
        _ = Wizard.update(&model, .catalogLoaded(.bundled))
        #expect(model.problems.count == 4)
        #expect(Harness.frame(model).contains("› AWS managed policy AmazonS3ReadOn…"))
        Harness.press([.enter], &model)
        #expect(model.step == .managedPolicies && model.roleIndex == 0 && model.managed.selected == 1)
    }

    @Test func aPlanPolicysProblemShowsItsDocument() {
        var model = Self.troubledModel()
        Harness.press([.down, .enter], &model)
        #expect(model.step == .review)
        #expect(model.review.focus == .documents && model.review.problem == 1)
        let content = ReviewScreen.documents(model.compiled!, width: 42)
        let row = content.anchors[.customerPolicy(0)]!
        #expect(content.lines[row...row + 2].map(\.text) == ["Customer managed policy bad name ·", "39/6,144", "arn:aws:iam::12345:policy/bad name"])
        #expect(model.review.documentTop == min(row, content.lines.count - 19))
    }

    @Test func selectingAProblemScrollsToItsRole() {
        var model = Self.troubledModel()
        let content = ReviewScreen.documents(model.compiled!, width: 42)
        Harness.press([.end], &model)
        #expect(model.review.problem == 4)
        #expect(model.review.documentTop == content.anchors[.role(1)])
        #expect(content.lines[content.anchors[.role(1)]!].text == "Role app-task-role · task role")
    }

    @Test func tabSwitchesPanesAndTheDocumentsScroll() {
        var model = Self.troubledModel()
        #expect(ReviewScreen.bindings(model).filter(\.inFooter).map(\.label) == ["↑↓", "Enter", "Tab"])
        Harness.press([.tab], &model)
        #expect(model.review.focus == .documents, "no findings here: problems, then documents")
        #expect(ReviewScreen.bindings(model).filter(\.inFooter).map(\.hint.help) == ["scroll", "problems"])
        let total = ReviewScreen.documents(model.compiled!, width: 42).lines.count
        Harness.press([.end], &model)
        #expect(model.review.documentTop == total - 19)
        Harness.press([.down, .pageDown], &model)
        #expect(model.review.documentTop == total - 19)
        Harness.press([.pageUp], &model)
        #expect(model.review.documentTop == total - 19 - 18)
        Harness.press([.home], &model)
        #expect(model.review.documentTop == 0)
        Harness.press([.down, .down], &model)
        #expect(model.review.documentTop == 2 && model.review.problem == 0)
        Harness.press([.backTab, .down], &model)
        #expect(model.review.focus == .problems && model.review.problem == 1)
        Harness.press([.escape], &model)
        #expect(model.step == .details, "Esc goes back a step")
    }

    @Test func withoutProblemsItIsReadyToExport() {
        var ready = Harness.preset("s3-bucket-task-role", step: .review)
        #expect(ready.problems.isEmpty && ready.findings == [])
        #expect(ReviewScreen.bindings(ready).map(\.label) == ["↑↓", "↓", "PgUp", "PgDn", "Home", "End"])
        Harness.press([.down, .tab, .enter], &ready)
        #expect(ready.review.documentTop == 1 && ready.step == .review)
        #expect(Harness.frame(ready).contains("✓ No problems: ready to export"))
        #expect(Harness.frame(ready).contains("✓ Findings: none"))

        var model = Harness.preset("ecs-workshop", step: .review)
        #expect(model.problems.isEmpty && model.findings?.count == 1)
        #expect(ReviewScreen.activePane(model) == .findings, "findings do not block the export, but take the keys")
        Harness.press([.tab], &model)
        #expect(ReviewScreen.bindings(model).map(\.label) == ["↑↓", "↓", "PgUp", "PgDn", "Home", "End", "Tab", "S-Tab"])
        Harness.press([.down, .enter], &model)
        #expect(model.review.documentTop == 1 && model.step == .review)
        #expect(Harness.frame(model).contains("✓ No problems: ready to export"))
    }

    @Test func anEmptyPlanSendsThePersonToAddARole() {
        var model = Harness.model(plan: Plan(), step: .review)
        #expect(ReviewScreen.orderedProblems(model).map(\.problem.message) == ["a plan needs at least one role"])
        Harness.press([.enter], &model)
        #expect(model.step == .roles)
    }

    @Test func beforeTheCatalogLoadsItSaysSo() {
        var model = WizardModel(plan: Presets.named("ecs-workshop")!.plan(), step: .review, size: (80, 24))
        #expect(model.compiled == nil)
        #expect(ReviewScreen.bindings(model).isEmpty)
        Harness.press([.down, .tab, .enter], &model)
        #expect(model.review == ReviewState() && model.step == .review)
        #expect(Harness.frame(model).contains("The managed policy catalog is still loading"))
        _ = Wizard.update(&model, .catalogLoaded(.bundled))
        #expect(Harness.frame(model).contains("✓ No problems: ready to export"))
    }

    @Test func barsShowTheSizeAgainstTheQuotaAndTurnRedOver() {
        #expect(ReviewScreen.bar(used: 266, limit: 2048, width: 14, glyphs: .unicode) == "██" + String(repeating: "░", count: 12))
        #expect(ReviewScreen.bar(used: 0, limit: 10240, width: 4, glyphs: .ascii) == "....")
        #expect(ReviewScreen.bar(used: 3000, limit: 2048, width: 4, glyphs: .ascii) == "####")

        let model = Self.oversizedTrustModel()
        let size = model.compiled!.roles[0].trustPolicySize
        #expect(size == 2973)
        #expect(model.problems.map(\.path.description) == ["roles[0].trust"])
        let frame = Wizard.render(model).canvas
        let lines = frame.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let row = lines.firstIndex(where: { $0.hasPrefix(" trust") }) else {
            Issue.record("no trust bar")
            return
        }
        #expect(lines[row].contains("2,973/2,048"))
        #expect(frame[8, row].style == .error && frame[8, row].text == "█")
        #expect(frame[8, row + 1].style == .accent, "the inline policies are within their quota")
    }

    @Test func randomKeysAndSizesNeverBreakTheScreen() {
        var generator = SeededGenerator(seed: 7)
        let keys: [Key] = [.up, .down, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter, .char("x")]
        let sizes = [(80, 24), (100, 30), (120, 40), (200, 60)]
        var model = Self.troubledModel()
        for round in 0..<400 {
            if round % 100 == 0 { _ = Wizard.update(&model, .resize(width: sizes[round / 100].0, height: sizes[round / 100].1)) }
            if round % 70 == 0 { model.teachingVisible.toggle() }
            model.step = .review
            _ = Wizard.update(&model, .key(keys[Int(generator.next() % UInt64(keys.count))]))
            model.step = .review
            _ = Wizard.render(model)
        }
        #expect(model.review.problem >= 0 && model.review.problem < model.problems.count)
    }
}
