import Testing
import RoleWizardCore
@testable import Screens

/// The Review step's findings: what the linter says about the plan, listed by role and document,
/// each opening the step and field that causes it.
@Suite struct ReviewFindingsTests {
    static func workshop(size: (Int, Int) = (80, 24), account: Bool = false) -> WizardModel {
        ScreensTests.workshop(size: size, account: account)
    }

    /// A task role with a custom statement naming an action S3 does not have.
    static func misspelledAction() -> WizardModel {
        let role = Role(name: "app-task-role", kind: .task, inlinePolicies: [
            InlinePolicy(name: "read", source: .statements([
                Statement(action: ["s3:GetObject", "s3:GetObjcet"], resource: "arn:aws:s3:::my-bucket/*"),
            ])),
        ])
        return Harness.model(plan: Plan(account: "123456789012", region: "us-east-1", roles: [role]), step: .review)
    }

    func lines(_ model: WizardModel) -> [String] {
        Harness.frame(model).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func goldens() {
        var model = Self.workshop()
        Golden.check(model, "review-findings")
        Harness.press([.end], &model)
        Golden.check(model, "review-findings-last-selected")
        Golden.check(Self.workshop(size: (120, 40)), "review-findings-120x40")
        Golden.check(Self.misspelledAction(), "review-findings-error")
        var unchecked = Self.workshop()
        unchecked.iamCatalog = nil
        Golden.check(unchecked, "review-findings-not-checked")
    }

    @Test func findingsAreGroupedByRoleAndDocumentMostSevereFirst() {
        let model = Self.workshop()
        let ordered = ReviewScreen.orderedFindings(model)
        #expect(ordered.map { "\($0.finding.severity.rawValue) \($0.finding.code) \($0.field)" } == [
            "SUGGESTION MISSING_CONFUSED_DEPUTY_CONDITION roles[0].trust.confusedDeputyProtection",
            "SUGGESTION MISSING_CONFUSED_DEPUTY_CONDITION roles[1].trust.confusedDeputyProtection",
            "WARNING EXECUTE_COMMAND_IN_TASK_ROLE roles[1].inlinePolicies[0]",
        ])
        #expect(ReviewScreen.findingRows(model, ordered) == [
            .heading("retailStoreECSTaskExecutionRole · trust policy"), .finding(0),
            .heading("retailStoreEcsTaskRole · trust policy"), .finding(1),
            .heading("retailStoreEcsTaskRole · inline policy retailStoreEcsExecPolicy"), .finding(2),
        ])
        #expect(ReviewScreen.summary(ordered) == "1 warning, 2 suggestions")
        #expect(lines(model).contains { $0.hasPrefix("Findings: 1 warning, 2 suggestions") })
        #expect(lines(model).contains { $0.hasPrefix("✓ No problems: ready to export") }, "findings do not block the export")
    }

    @Test func eachLineIsSeverityCodeMessageAndTheSelectedOneIsShownInFull() {
        var model = Self.workshop()
        #expect(ReviewScreen.activePane(model) == .findings, "without problems, the findings take the keys")
        #expect(ReviewScreen.bindings(model).filter(\.inFooter).map { "\($0.label) \($0.help)" } == ["↑↓ select", "Enter go to its field", "Tab documents"])
        Harness.press([.down, .down], &model)
        #expect(model.review.finding == 2)
        let frame = Wizard.render(model).canvas
        let text = lines(model)
        guard let row = text.firstIndex(where: { $0.hasPrefix("› WARNING EXECUTE_COMMAND_IN_TASK_") }) else {
            Issue.record("no selected warning line:\n\(text.joined(separator: "\n"))")
            return
        }
        #expect(frame[2, row].style == .selected, "the focused list's selection is highlighted")
        let message = ReviewScreen.orderedFindings(model)[2].finding.message
        guard let detail = text.firstIndex(where: { $0.hasPrefix("WARNING EXECUTE_COMMAND_IN_TASK_ROLE ") }) else {
            Issue.record("no detail")
            return
        }
        #expect(text[detail + 1].hasPrefix("roles[1].inlinePolicies[0] "))
        let wrapped = TextLayout.wrap(message, width: 36)
        #expect(text[(detail + 2)...].prefix(wrapped.count).map { String($0.prefix(36)).trimmingTrailingSpaces } == wrapped,
                "the message in full, wrapped")

        // Not selected, the severity word keeps its color: suggestions muted, warnings in the accent.
        Harness.press([.home], &model)
        let canvas = Wizard.render(model).canvas
        let after = lines(model)
        if let warning = after.firstIndex(where: { $0.hasPrefix("  WARNING EXECUTE_") }) {
            #expect(canvas[2, warning].style == .accent && canvas[10, warning].style == .normal)
        } else {
            Issue.record("no warning line")
        }
    }

    @Test func selectingAFindingShowsItsDocument() {
        var model = Self.workshop()
        let parts = ReviewScreen.layout(model.compiled!, ReviewScreen.Lists(model), in: Wizard.bodyArea(model))
        let content = ReviewScreen.documents(model.compiled!, width: parts.documents.width)
        Harness.press([.down], &model)
        #expect(model.review.documentTop == content.anchors[.trust(1)])
        Harness.press([.down], &model)
        let line = content.anchors[.inline(1, 0)]!
        #expect(content.lines[line].text == "  retailStoreEcsExecPolicy")
        #expect(model.review.documentTop == min(line, DocumentPane.maxTop(total: content.lines.count, rows: parts.documents.height - 1)))
    }

    @Test func enterOpensTheStepAndFieldThatCauseTheFinding() {
        var model = Self.workshop(account: true)
        #expect(ReviewScreen.orderedFindings(model).map(\.finding.code) == ["EXECUTE_COMMAND_IN_TASK_ROLE"])
        Harness.press([.enter], &model)
        #expect(model.step == .inlinePolicies && model.roleIndex == 1)
        #expect(model.inline.cursor.selected == 0 && model.inline.mode == .list, "a building block's finding selects its policy")

        var trust = Self.workshop()
        Harness.press([.down, .enter], &trust)
        #expect(trust.step == .trust && trust.roleIndex == 1)
        #expect(trust.trust.page == .service && trust.trust.services.selected == TrustScreen.services(trust.role!).count,
                "the confused-deputy finding selects the checkbox that fixes it")

        var custom = Self.misspelledAction()
        let finding = ReviewScreen.orderedFindings(custom).first { $0.finding.code == "UNKNOWN_ACTION" }
        #expect(finding?.field.description == "roles[0].inlinePolicies[0].statements[0].Action[1]")
        #expect(finding?.finding.severity == .error && custom.problems.isEmpty)
        let index = ReviewScreen.orderedFindings(custom).firstIndex { $0.finding.code == "UNKNOWN_ACTION" }!
        Harness.press(Array(repeating: .down, count: index) + [.enter], &custom)
        #expect(custom.step == .inlinePolicies && custom.roleIndex == 0)
        guard case let .statements(form) = custom.inline.mode else { Issue.record("the statements form did not open"); return }
        #expect(form.focus == .action(0) && form.index == 0)
    }

    @Test func tabGoesThroughProblemsFindingsAndDocuments() {
        var model = Self.workshop()
        model.plan.roles[1].maxSessionDuration = 100
        #expect(model.problems.count == 1 && ReviewScreen.orderedFindings(model).count == 3)
        #expect(ReviewScreen.bindings(model).filter(\.inFooter).map(\.hint.help) == ["select", "fix it", "findings"])
        Harness.press([.tab], &model)
        #expect(model.review.focus == .findings)
        #expect(ReviewScreen.bindings(model).filter(\.inFooter).map(\.hint.help) == ["select", "go to its field", "documents"])
        Harness.press([.tab], &model)
        #expect(model.review.focus == .documents && model.review.lastList == .findings)
        #expect(ReviewScreen.detail(model, ReviewScreen.Lists(model)) == .finding(0), "the detail keeps showing the finding")
        Harness.press([.tab], &model)
        #expect(model.review.focus == .problems)
        Harness.press([.backTab], &model)
        #expect(model.review.focus == .documents && model.review.lastList == .problems)
        Harness.press([.backTab], &model)
        #expect(model.review.focus == .findings)
    }

    @Test func beforeTheIAMCatalogLoadsTheFindingsAreNotCheckedYet() {
        var model = Self.workshop()
        model.iamCatalog = nil
        #expect(model.findings == nil)
        #expect(lines(model).contains { $0.hasPrefix("Findings: not checked yet ") })
        #expect(!Harness.frame(model).contains("⚠"))
        #expect(ReviewScreen.activePane(model) == .documents)
        Harness.press([.down, .enter], &model)
        #expect(model.step == .review)
        _ = Wizard.update(&model, .iamCatalogLoaded(.bundled))
        #expect(model.findings?.count == 3)
        #expect(lines(model).contains { $0.hasPrefix("Findings: 1 warning, 2 suggestions") })
    }

    @Test func randomKeysAndSizesNeverBreakTheFindings() {
        var generator = SeededGenerator(seed: 11)
        let keys: [Key] = [.up, .down, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter, .char("i")]
        let sizes = [(80, 24), (100, 30), (120, 40), (200, 60), (80, 24)]
        var model = Self.workshop()
        model.plan.roles[1].maxSessionDuration = 100
        model.plan.roles[0].tags = [Tag("a", "b"), Tag("aws:x", "y")]
        for round in 0..<500 {
            if round % 100 == 0 { _ = Wizard.update(&model, .resize(width: sizes[round / 100].0, height: sizes[round / 100].1)) }
            model.step = .review
            _ = Wizard.update(&model, .key(keys[Int(generator.next() % UInt64(keys.count))]))
            model.step = .review
            _ = Wizard.render(model)
        }
        let count = ReviewScreen.orderedFindings(model).count
        #expect(model.review.finding >= 0 && model.review.finding < max(1, count))
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
