import Testing
import RoleWizardCore
@testable import Screens

/// The inline policies step on a preset's role (account 123456789012, us-east-1); `edit` changes
/// the plan first.
func inlineModel(_ preset: String, role: Int, size: (Int, Int) = (80, 24), edit: (inout Plan) -> Void = { _ in }) -> WizardModel {
    var plan = Presets.named(preset)!.plan(account: "123456789012", region: "us-east-1")
    edit(&plan)
    var model = Harness.model(plan: plan, step: .inlinePolicies, size: size)
    model.roleIndex = role
    return model
}

/// The ECS workshop's task role without its inline policy: the end-to-end flow's start.
func emptyWorkshopTaskRole(size: (Int, Int) = (80, 24)) -> WizardModel {
    inlineModel("ecs-workshop", role: 1, size: size) { $0.roles[1].inlinePolicies = [] }
}

/// The keys that add the workshop's ECS Exec policy from the empty list.
let ecsExecKeys: [Key] = [.char("a"), .enter, .char(" "), .tab] + Harness.type("retail-store-ecs-cluster")
    + [.tab, .char(" "), .tab, .ctrl("u")] + Harness.type("retailStoreEcsExecPolicy") + [.enter]

@Suite struct InlinePoliciesScreenTests {
    @Test func goldens() {
        var model = emptyWorkshopTaskRole()
        Golden.check(model, "inline-empty")
        Harness.press([.char("a")], &model)
        Golden.check(model, "inline-add")
        Harness.press([.enter, .char(" "), .tab] + Harness.type("retail-store-ecs-cluster"), &model)
        Golden.check(model, "inline-block-form")
        Harness.press([.ctrl("u")] + Harness.type("retail store"), &model)
        Golden.check(model, "inline-block-form-invalid")

        var wide = emptyWorkshopTaskRole(size: (120, 40))
        Harness.press(Array(ecsExecKeys.dropLast(1)), &wide)
        Golden.check(wide, "inline-block-form-120x40")

        var workshop = inlineModel("ecs-workshop", role: 1)
        Golden.check(workshop, "inline-workshop")
        workshop.teachingVisible = true
        Golden.check(workshop, "inline-workshop-teaching")
        let problems = inlineModel("ecs-workshop", role: 1) { plan in
            plan.roles[1].inlinePolicies[0].source = .template(name: "ecs-exec", parameters: BlockParameters([("operatorActions", .bool(true))]))
            plan.roles[1].inlinePolicies.append(InlinePolicy(name: "RetailStoreEcsExecPolicy", source: .statements([Statement(action: ["s3:GetObject"])])))
        }
        Golden.check(problems, "inline-problems")
        Golden.check(inlineModel("terraform-module", role: 0), "inline-terraform")

        var ufo = inlineModel("ufo-roles", role: 1)
        Harness.press([.down, .enter, .tab, .tab] + Harness.type("StringEquals cloudwatch:namespace MyApp, Other"), &ufo)
        Golden.check(ufo, "inline-statements")
        var custom = emptyWorkshopTaskRole()
        // Esc closes the completion list that "s3:put" opened, so Tab goes on to Resource.
        Harness.press([.char("a"), .end, .up, .enter] + Harness.type("s3:GetObject, s3:put") + [.escape, .tab] + Harness.type("my-bucket"), &custom)
        Golden.check(custom, "inline-statements-invalid")
        var completing = emptyWorkshopTaskRole()
        Harness.press([.char("a"), .end, .up, .enter] + Harness.type("ssmmessages:CreateControlChannel, s3:getob") + [.down], &completing)
        Golden.check(completing, "inline-statements-completion")

        var unparsed = emptyWorkshopTaskRole()
        _ = Wizard.update(&unparsed, .editorFinished(text: "{\"Statement\": [", target: .inlinePolicy(role: 1, index: nil, name: "inline-policy")))
        Golden.check(unparsed, "inline-unparsed")

        var rename = inlineModel("terraform-module", role: 0)
        Harness.press([.down, .char("r"), .ctrl("u")] + Harness.type("KMS-DECRYPT"), &rename)
        Golden.check(rename, "inline-rename-invalid")

        Golden.check(Harness.model(plan: Plan(), step: .inlinePolicies), "inline-no-roles")
        var loading = WizardModel(plan: inlineModel("ecs-workshop", role: 1).plan, step: .inlinePolicies, catalog: nil)
        loading.roleIndex = 1
        Golden.check(loading, "inline-catalog-loading")
    }
}

@Suite struct InlineBlockFormTests {
    let workshop = Presets.named("ecs-workshop")!.plan(account: "123456789012", region: "us-east-1")

    @Test func theWorkshopsECSExecPolicyCanBeAddedByKeys() {
        var model = emptyWorkshopTaskRole()
        let effects = Harness.press(ecsExecKeys, &model)
        #expect(model.plan == workshop)
        #expect(model.inline.mode == .list)
        #expect(model.inline.cursor.selected == 0)
        #expect(model.status == .info("added retailStoreEcsExecPolicy"))
        #expect(effects == [.saveDraft(workshop)])
        #expect(model.problems.isEmpty)
    }

    @Test func theFormFollowsTheBlocksParametersAndStartsOnTheFirst() {
        var model = emptyWorkshopTaskRole()
        Harness.press([.char("a"), .enter], &model)
        guard case let .block(form) = model.inline.mode else { Issue.record("no form"); return }
        #expect(form.blockName == "ecs-exec")
        #expect(form.values == [.flag(false), .text(TextField()), .flag(false)])
        #expect(form.name.text == "ecs-exec")
        #expect(form.focus == 0 && form.index == nil)
        #expect(!InlinePoliciesScreen.capturesText(model), "a bool field takes Space, not text")
        #expect(InlinePoliciesScreen.bindings(model).map(\.label) == ["Enter", "Tab", "S-Tab", "Space", "Esc", "PgDn", "PgUp"])
        Harness.press([.tab], &model)
        #expect(InlinePoliciesScreen.capturesText(model))
        #expect(InlinePoliciesScreen.bindings(model).map(\.label) == ["Enter", "Tab", "S-Tab", "Esc", "PgDn", "PgUp"])
    }

    @Test func invalidParametersBlockSavingAndFocusTheField() {
        var model = emptyWorkshopTaskRole()
        var effects = Harness.press([.char("a"), .enter, .char(" "), .tab, .tab, .enter], &model)
        #expect(model.status == .error("not saved: operatorActions needs the cluster whose tasks may be exec'd into"))
        guard case let .block(form) = model.inline.mode else { Issue.record("the form closed"); return }
        #expect(form.focus == 1)
        #expect(InlinePoliciesScreen.preview(form, model) == nil)
        effects += Harness.press(Harness.type("retail store") + [.enter], &model)
        #expect(model.status == .error("not saved: \"retail store\" is not an ECS cluster name (letters, digits, - and _)"))
        #expect(model.plan.roles[1].inlinePolicies.isEmpty)
        #expect(effects.isEmpty)
    }

    @Test func thePolicyNameIsCheckedAndUniqueInTheRoleIgnoringCase() {
        var model = inlineModel("ecs-workshop", role: 1)
        Harness.press([.char("a"), .enter, .backTab, .ctrl("u")] + Harness.type("RETAILSTOREECSEXECPOLICY") + [.enter], &model)
        #expect(model.status == .error("not saved: the role has another inline policy named RETAILSTOREECSEXECPOLICY (names ignore case)"))
        guard case let .block(form) = model.inline.mode else { Issue.record("the form closed"); return }
        #expect(form.focus == 3)
        Harness.press([.ctrl("u")] + Harness.type("exec policy") + [.enter], &model)
        #expect(model.status == .error("not saved: \"exec policy\" holds \" \" (U+0020); a policy name may hold only letters, digits and _+=,.@-"))
        Harness.press([.ctrl("u")] + Harness.type("exec") + [.enter], &model)
        #expect(model.plan.roles[1].inlinePolicies.map(\.name) == ["retailStoreEcsExecPolicy", "exec"])
        #expect(model.plan.roles[1].inlinePolicies[1].source == .template(name: "ecs-exec", parameters: BlockParameters()))
    }

    @Test func theDefaultNameIsTheBlocksMadeUnique() {
        var model = inlineModel("terraform-module", role: 0)
        Harness.press([.char("a"), .down, .enter], &model)
        guard case let .block(form) = model.inline.mode else { Issue.record("no form"); return }
        #expect(form.blockName == "kms-decrypt" && form.name.text == "kms-decrypt-2")
    }

    @Test func editingATemplatePolicyReopensItsValues() {
        var model = inlineModel("ecs-workshop", role: 1)
        var effects = Harness.press([.enter], &model)
        guard case let .block(form) = model.inline.mode else { Issue.record("no form"); return }
        #expect(form.values == [.flag(true), .text(TextField("retail-store-ecs-cluster")), .flag(true)])
        #expect(form.name.text == "retailStoreEcsExecPolicy" && form.index == 0)
        effects += Harness.press([.enter], &model)
        #expect(model.plan == workshop && effects.isEmpty, "saving an unchanged policy changes nothing")
        #expect(model.status == .info("saved retailStoreEcsExecPolicy"))
        Harness.press([.enter, .tab, .tab, .char(" "), .enter], &model)
        #expect(model.plan.roles[1].inlinePolicies[0].source == .template(name: "ecs-exec", parameters: BlockParameters([
            ("operatorActions", .bool(true)), ("cluster", .string("retail-store-ecs-cluster")), ("allClusters", .bool(false)),
        ])), "a parameter the policy gave stays, even false")
        #expect(model.compiledRole?.inlinePolicies[0].document.statements[1].resource?.values.last
                == "arn:aws:ecs:us-east-1:123456789012:cluster/retail-store-ecs-cluster")
    }

    @Test func listParametersAreCommaSeparatedAndCheckedItemByItem() {
        var model = inlineModel("terraform-module", role: 0)
        Harness.press([.enter], &model)
        guard case let .block(form) = model.inline.mode else { Issue.record("no form"); return }
        #expect(form.values == [.text(TextField("1234abcd-12ab-34cd-56ef-1234567890ab, 0987dcba-09fe-87dc-65ba-ab0987654321"))])
        Harness.press(Harness.type(", alias/app") + [.enter], &model)
        #expect(model.status == .error("not saved: \"alias/app\" is an alias; kms:Decrypt is authorized on the key, so give its key ID or ARN"))
        Harness.press([.ctrl("u"), .enter], &model)
        #expect(model.status == .error("not saved: keys needs at least one value"))
        Harness.press(Harness.type(" abcd-1 ,, ") + [.enter], &model)
        #expect(model.plan.roles[0].inlinePolicies[0].source == .template(name: "kms-decrypt", parameters: BlockParameters([("keys", .list(["abcd-1"]))])))
    }

    @Test func emptyOptionalParametersAreLeftOut() {
        var model = emptyWorkshopTaskRole()
        Harness.press([.char("a"), .down, .down, .enter] + Harness.type("app") + [.enter], &model)
        #expect(model.plan.roles[1].inlinePolicies == [
            InlinePolicy(name: "ssm-parameters", source: .template(name: "ssm-parameters", parameters: BlockParameters([("names", .list(["app"]))]))),
        ])
    }

    @Test func parametersTheBlockDoesNotHaveAreShownAndNotKept() {
        var model = inlineModel("ecs-workshop", role: 1) { plan in
            plan.roles[1].inlinePolicies[0].source = .template(name: "ecs-exec", parameters: BlockParameters([("clustr", .string("x"))]))
        }
        Harness.press([.enter], &model)
        guard case let .block(form) = model.inline.mode, let block = form.block else { Issue.record("no form"); return }
        #expect(form.unknown == ["clustr"])
        #expect(InlinePoliciesScreen.help(form, block).hasSuffix("\nNot kept: clustr (ecs-exec has no such parameter)."))
        Harness.press([.enter], &model)
        #expect(model.plan.roles[1].inlinePolicies[0].source == .template(name: "ecs-exec", parameters: BlockParameters()))
    }

    @Test func thePreviewScrollsWithinTheDocument() {
        var model = inlineModel("ecs-workshop", role: 1)
        Harness.press([.enter, .pageDown], &model)
        guard case let .block(form) = model.inline.mode else { Issue.record("no form"); return }
        #expect(form.previewTop == 8)
        Harness.press(Array(repeating: .pageDown, count: 10), &model)
        guard case let .block(scrolled) = model.inline.mode else { Issue.record("no form"); return }
        #expect(scrolled.previewTop == 25, "the last of the document's 26 lines")
        #expect(Harness.frame(model).contains("Preview (from line 26)"))
        Harness.press([.pageUp, .pageUp, .pageUp, .pageUp], &model)
        guard case let .block(back) = model.inline.mode else { Issue.record("no form"); return }
        #expect(back.previewTop == 0)
    }

    @Test func lettersAreTypedIntoFieldsNotObeyed() {
        var model = emptyWorkshopTaskRole()
        let effects = Harness.press([.char("a"), .enter, .tab] + Harness.type("q?ix"), &model)
        #expect(effects.isEmpty && model.overlay == nil)
        guard case let .block(form) = model.inline.mode else { Issue.record("no form"); return }
        #expect(form.values[1] == .text(TextField("q?ix")))
    }

    @Test func escCancelsTheFormThenLeavesTheStep() {
        var model = emptyWorkshopTaskRole()
        Harness.press([.char("a"), .enter, .char(" "), .escape], &model)
        #expect(model.inline.mode == .list && model.step == .inlinePolicies)
        #expect(model.status == .info("not saved"))
        #expect(model.plan.roles[1].inlinePolicies.isEmpty)
        Harness.press([.char("a"), .escape], &model)
        #expect(model.inline.mode == .list && model.step == .inlinePolicies && model.status == nil)
        Harness.press([.escape], &model)
        #expect(model.step == .managedPolicies)
    }
}

@Suite struct InlineStatementsFormTests {
    typealias Form = InlinePoliciesState.StatementsForm

    /// The empty workshop task role with a new custom policy's form open.
    func newCustomPolicy() -> WizardModel {
        var model = emptyWorkshopTaskRole()
        Harness.press([.char("a"), .end, .up, .enter], &model)
        return model
    }

    func form(_ model: WizardModel) -> Form? {
        if case let .statements(form) = model.inline.mode { return form }
        return nil
    }

    @Test func aCustomPolicyIsWrittenFieldByField() {
        var model = newCustomPolicy()
        #expect(form(model)?.focus == .action(0))
        Harness.press(Harness.type("s3:GetObject") + [.tab] + Harness.type("arn:aws:s3:::my-bucket/*") + [.tab]
                      + Harness.type("StringEquals aws:ResourceTag/team payments") + [.tab], &model)
        #expect(form(model)?.focus == .condition(0, 1), "a new condition line appeared")
        Harness.press([.tab, .ctrl("u")] + Harness.type("readBucket") + [.enter], &model)
        #expect(model.plan.roles[1].inlinePolicies == [InlinePolicy(name: "readBucket", source: .statements([
            Statement(action: "s3:GetObject", resource: "arn:aws:s3:::my-bucket/*",
                      condition: .single("StringEquals", "aws:ResourceTag/team", ["payments"])),
        ]))])
        #expect(model.status == .info("added readBucket") && model.problems.isEmpty)
    }

    @Test func conditionLinesWithTheSameOperatorShareAClause() {
        var model = newCustomPolicy()
        Harness.press(Harness.type("s3:GetObject, s3:PutObject") + [.tab] + Harness.type("*") + [.tab]
                      + Harness.type("StringEquals aws:ResourceTag/team payments, billing") + [.tab]
                      + Harness.type("StringEquals aws:ResourceTag/env prod") + [.tab]
                      + Harness.type("Bool aws:SecureTransport true"), &model)
        let built = form(model)?.build()
        #expect(built?.problems.isEmpty == true)
        #expect(built?.statements == [Statement(
            action: ["s3:GetObject", "s3:PutObject"], resource: "*",
            condition: ConditionBlock([
                .init(operator: "StringEquals", entries: [
                    .init(key: "aws:ResourceTag/team", values: ConditionValues([.string("payments"), .string("billing")])),
                    .init(key: "aws:ResourceTag/env", values: ConditionValues([.string("prod")])),
                ]),
                .init(operator: "Bool", entries: [.init(key: "aws:SecureTransport", values: ConditionValues([.string("true")]))]),
            ]))])
    }

    @Test func problemsBlockSavingAndSitOnTheirField() {
        var model = newCustomPolicy()
        Harness.press([.tab, .tab] + Harness.type("Bool") + [.up, .up] + Harness.type("s3GetObject") + [.enter], &model)
        #expect(model.status == .error("not saved: \"s3GetObject\" is not an action; write SERVICE:Action, e.g. s3:GetObject"))
        #expect(form(model)?.focus == .action(0))
        Harness.press([.ctrl("u")] + Harness.type("s3:GetObject") + [.enter], &model)
        #expect(model.status == .error("not saved: Resource lists no resource"))
        #expect(form(model)?.focus == .resource(0))
        Harness.press(Harness.type("*") + [.tab] + Harness.type("StringEquals aws:SourceAccount") + [.enter], &model)
        #expect(model.status == .error("not saved: write Operator key value[,value], e.g. StringEquals aws:ResourceTag/team payments"))
        #expect(form(model)?.focus == .condition(0, 0))
        Harness.press([.ctrl("u")] + Harness.type("StringEqual aws:SourceAccount 123456789012") + [.enter], &model)
        #expect(model.status == .error("not saved: unknown condition operator \"StringEqual\"; did you mean \"StringEquals\" or \"StringEqualsIgnoreCase\"?"))
        Harness.press([.ctrl("u")] + Harness.type("StringEquals aws:SourceAccount 123456789012") + [.tab]
                      + Harness.type("StringEquals aws:SourceAccount 1") + [.enter], &model)
        #expect(model.status == .error("not saved: aws:SourceAccount is already under StringEquals in this statement; give all its values on one line"))
        #expect(form(model)?.focus == .condition(0, 1))
        #expect(model.plan.roles[1].inlinePolicies.isEmpty)
    }

    @Test func statementsAreAddedAndDeletedAndEffectToggles() {
        var model = newCustomPolicy()
        #expect(!InlinePoliciesScreen.bindings(model).contains { $0.label == "^D" }, "the only statement cannot be deleted")
        Harness.press(Harness.type("s3:GetObject") + [.ctrl("t")], &model)
        #expect(form(model)?.statements.count == 2 && form(model)?.focus == .action(1))
        Harness.press(Harness.type("s3:DeleteObject") + [.backTab], &model)
        #expect(form(model)?.focus == .effect(1))
        #expect(!InlinePoliciesScreen.capturesText(model))
        Harness.press([.char(" ")], &model)
        #expect(form(model)?.statements.map(\.effect) == [.allow, .deny])
        Harness.press([.up, .up, .up, .up, .ctrl("d")], &model)
        #expect(form(model)?.statements.map(\.action.text) == ["s3:DeleteObject"])
        #expect(form(model)?.focus == .effect(0))
        Harness.press([.ctrl("d")], &model)
        #expect(form(model)?.statements.count == 1)
    }

    @Test func blankConditionLinesGoAwayWhenLeft() {
        var model = newCustomPolicy()
        Harness.press([.tab, .tab] + Harness.type("Bool aws:SecureTransport true") + [.tab] + Harness.type("Null aws:TokenIssueTime true"), &model)
        #expect(form(model)?.statements[0].conditions.map(\.text) == ["Bool aws:SecureTransport true", "Null aws:TokenIssueTime true", ""])
        Harness.press([.backTab, .ctrl("u")], &model)
        #expect(form(model)?.statements[0].conditions.count == 3, "the line being edited stays while it has the focus")
        Harness.press([.tab], &model)
        #expect(form(model)?.statements[0].conditions.map(\.text) == ["Null aws:TokenIssueTime true", ""])
        #expect(form(model)?.focus == .condition(0, 0))
    }

    @Test func savingUnchangedStatementsKeepsTheirExactForm() {
        var model = inlineModel("ufo-roles", role: 1) { plan in
            plan.roles[1].inlinePolicies[1].source = .statements([
                Statement(sid: "Metrics", action: ["cloudwatch:PutMetricData"], resource: "*",
                          condition: ConditionBlock([.init(operator: "Bool", entries: [.init(key: "aws:SecureTransport", values: ConditionValues([.bool(true)], isList: true))])])),
            ])
        }
        let plan = model.plan
        let effects = Harness.press([.down, .enter, .enter], &model)
        #expect(model.plan == plan && effects.isEmpty)
        #expect(model.status == .info("saved CloudwatchWrite"))
        Harness.press([.enter], &model)
        #expect(Harness.frame(model).contains("Statement 1 of 1 (Sid Metrics)"))
        Harness.press(Harness.type(", cloudwatch:GetMetricData") + [.enter], &model)
        #expect(model.plan.roles[1].inlinePolicies[1].source == .statements([
            Statement(sid: "Metrics", action: ["cloudwatch:PutMetricData", "cloudwatch:GetMetricData"], resource: "*",
                      condition: ConditionBlock([.init(operator: "Bool", entries: [.init(key: "aws:SecureTransport", values: ConditionValues([.bool(true)], isList: true))])])),
        ]))
    }

    @Test func statementsTheFormCannotShowOpenInTheEditor() {
        var model = inlineModel("ufo-roles", role: 1) { plan in
            plan.roles[1].inlinePolicies[0].source = .statements([Statement(effect: .deny, notAction: ["iam:*"], resource: "*")])
        }
        let effects = Harness.press([.enter], &model)
        #expect(model.inline.mode == .list)
        #expect(effects == [.openEditor(text: PolicyDocument(statements: [Statement(effect: .deny, notAction: ["iam:*"], resource: "*")]).prettyText,
                                        target: .inlinePolicy(role: 1, index: 0, name: "AmazonS3ReadOnlyAccess"))])
    }
}

@Suite struct InlineEditorTests {
    let target = EditorTarget.inlinePolicy(role: 1, index: 0, name: "retailStoreEcsExecPolicy")

    @Test func eOpensTheSelectedPolicysDocument() {
        var model = inlineModel("ecs-workshop", role: 1)
        let effects = Harness.press([.char("e")], &model)
        let document = model.compiledRole!.inlinePolicies[0].document
        #expect(effects == [.openEditor(text: document.prettyText, target: target)])
    }

    @Test func theEditorsDocumentReplacesTheSource() {
        var model = inlineModel("ecs-workshop", role: 1)
        let unchanged = model.compiledRole!.inlinePolicies[0].document.prettyText
        var effects = Wizard.update(&model, .editorFinished(text: unchanged, target: target))
        #expect(effects.isEmpty && model.status == .info("retailStoreEcsExecPolicy: no changes"))
        let text = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssmmessages:*"}]}
        """
        effects = Wizard.update(&model, .editorFinished(text: text, target: target))
        let expected = PolicyDocument(statements: [Statement(action: "ssmmessages:*")])
        #expect(model.plan.roles[1].inlinePolicies[0].source == .document(expected))
        #expect(model.status == .info("saved retailStoreEcsExecPolicy from the editor (1 problem, listed below)"))
        #expect(effects == [.saveDraft(model.plan)])
        #expect(model.problems(of: .inlinePolicies, role: 1).map(\.message)
                == ["a permissions policy statement needs Resource or NotResource (\"*\" if the action takes no resource)"])
        #expect(Harness.frame(model).contains("✗ retailStoreEcsExecPolicy: a permissions"))
    }

    @Test func aFailedEditorChangesNothing() {
        var model = inlineModel("ecs-workshop", role: 1)
        let effects = Wizard.update(&model, .editorFinished(text: nil, target: target))
        #expect(effects.isEmpty)
        #expect(model.status == .error("the editor failed to start or exited with an error; retailStoreEcsExecPolicy is unchanged"))
        #expect(model.inline.unparsed.isEmpty)
    }

    @Test func textThatDoesNotParseIsKeptAndReopened() {
        var model = inlineModel("ecs-workshop", role: 1)
        let plan = model.plan
        let broken = "{\"Statement\": [ {\"Effect\": \"Allow\","
        _ = Wizard.update(&model, .editorFinished(text: broken, target: target))
        #expect(model.plan == plan)
        guard case let .error(message)? = model.status else { Issue.record("no error"); return }
        #expect(message == "retailStoreEcsExecPolicy not saved, e reopens your text: line 2, column 1: while parsing a flow node: did not find expected node content")
        #expect(Harness.press([.char("e")], &model) == [.openEditor(text: broken, target: target)])
        #expect(Harness.frame(model).contains("✗ your last editor text did not\n"))
        let fixed = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ssmmessages:*\", \"Resource\": \"*\"}]}"
        _ = Wizard.update(&model, .editorFinished(text: fixed, target: target))
        #expect(model.inline.unparsed.isEmpty)
        #expect(model.plan.roles[1].inlinePolicies[0].source == .document(PolicyDocument(version: nil, statements: [Statement(action: "ssmmessages:*", resource: "*")])))
        #expect(Harness.press([.char("e")], &model) == [.openEditor(text: PolicyDocument(version: nil, statements: [Statement(action: "ssmmessages:*", resource: "*")]).prettyText, target: target)])
    }

    @Test func aNewPolicyCanBeWrittenInTheEditor() {
        var model = emptyWorkshopTaskRole()
        let newTarget = EditorTarget.inlinePolicy(role: 1, index: nil, name: "inline-policy")
        let effects = Harness.press([.char("a"), .end, .enter], &model)
        #expect(effects == [.openEditor(text: InlinePoliciesScreen.skeleton.prettyText, target: newTarget)])
        #expect(InlinePoliciesScreen.skeleton.prettyText == """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": [],
              "Resource": []
            }
          ]
        }

        """)
        _ = Wizard.update(&model, .editorFinished(text: "Statement: [", target: newTarget))
        #expect(model.plan.roles[1].inlinePolicies.isEmpty)
        #expect(InlinePoliciesScreen.rows(model) == [.unparsed(0)])
        #expect(Harness.press([.enter], &model) == [.openEditor(text: "Statement: [", target: newTarget)])
        let yaml = "Version: '2012-10-17'\nStatement:\n  - Effect: Allow\n    Action: logs:PutLogEvents\n    Resource: '*'\n"
        _ = Wizard.update(&model, .editorFinished(text: yaml, target: newTarget))
        #expect(model.plan.roles[1].inlinePolicies == [InlinePolicy(name: "inline-policy", source: .document(
            PolicyDocument(statements: [Statement(action: "logs:PutLogEvents", resource: "*")])))])
        #expect(model.inline.unparsed.isEmpty && model.inline.cursor.selected == 0)
        #expect(model.status == .info("added inline-policy from the editor"))
    }

    @Test func unparsedNewTextCanBeDiscardedAfterAQuestion() {
        var model = emptyWorkshopTaskRole()
        _ = Wizard.update(&model, .editorFinished(text: "[", target: .inlinePolicy(role: 1, index: nil, name: "inline-policy")))
        Harness.press([.char("x")], &model)
        #expect(model.overlay == .confirm(question: "Discard the editor text of inline-policy? It is not saved anywhere else.",
                                          purpose: .deleteInlinePolicy(role: 1, index: 0)))
        Harness.press([.char("n")], &model)
        #expect(model.inline.unparsed.count == 1)
        Harness.press([.char("x"), .char("y")], &model)
        #expect(model.inline.unparsed.isEmpty && InlinePoliciesScreen.rows(model).isEmpty)
        #expect(model.status == .info("discarded the editor text of inline-policy"))
    }

    @Test func resultsForARoleThatIsGoneAreIgnored() {
        var model = inlineModel("ecs-workshop", role: 1)
        let plan = model.plan
        #expect(Wizard.update(&model, .editorFinished(text: "{}", target: .inlinePolicy(role: 7, index: 0, name: "x"))).isEmpty)
        #expect(model.plan == plan && model.status == nil)
    }

    @Test func trustDocumentResultsGoToTheTrustStep() {
        var model = inlineModel("ecs-workshop", role: 1)
        _ = Wizard.update(&model, .editorFinished(text: "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ecs-tasks.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}", target: .trustDocument(role: 1)))
        #expect(model.plan.roles[1].trust.document != nil)
        #expect(model.plan.roles[1].inlinePolicies == Presets.named("ecs-workshop")!.plan().roles[1].inlinePolicies)
    }
}

@Suite struct InlineListTests {
    @Test func deleteAsksFirstAndKeepsUnparsedTextWithItsPolicy() {
        var model = inlineModel("terraform-module", role: 0)
        _ = Wizard.update(&model, .editorFinished(text: "[", target: .inlinePolicy(role: 0, index: 2, name: "s3-read-only")))
        Harness.press([.home, .char("x")], &model)
        #expect(model.overlay == .confirm(question: "Delete inline policy kms-decrypt?", purpose: .deleteInlinePolicy(role: 0, index: 0)))
        Harness.press([.escape], &model)
        #expect(model.plan.roles[0].inlinePolicies.count == 4 && model.overlay == nil)
        Harness.press([.delete, .char("y")], &model)
        #expect(model.plan.roles[0].inlinePolicies.map(\.name) == ["ssm-parameters", "s3-read-only", "s3-read-write"])
        #expect(model.inline.unparsed.map(\.index) == [1], "the unparsed text still belongs to s3-read-only")
        #expect(model.status == .info("deleted inline policy kms-decrypt"))
        Harness.press([.end, .char("x"), .char("y")], &model)
        #expect(model.inline.cursor.selected == 1)
        #expect(model.inline.unparsed.map(\.index) == [1])
        Harness.press([.char("x"), .char("y")], &model)
        #expect(model.inline.unparsed.isEmpty, "deleting the policy drops its unparsed text")
    }

    @Test func renameChecksTheNameAsTyped() {
        var model = inlineModel("terraform-module", role: 0)
        Harness.press([.down, .char("r"), .ctrl("u")] + Harness.type("KMS-DECRYPT") + [.enter], &model)
        #expect(model.status == .error("the role has another inline policy named KMS-DECRYPT (names ignore case)"))
        #expect(InlinePoliciesScreen.capturesText(model))
        Harness.press([.escape], &model)
        #expect(model.inline.mode == .list && model.plan.roles[0].inlinePolicies[1].name == "ssm-parameters")
        Harness.press([.char("r"), .ctrl("u")] + Harness.type("ssm-params") + [.enter], &model)
        #expect(model.plan.roles[0].inlinePolicies[1].name == "ssm-params" && model.inline.mode == .list)
    }

    @Test func enterOnADocumentOpensTheEditor() {
        var model = inlineModel("ufo-roles", role: 1) { plan in
            plan.roles[1].inlinePolicies[0].source = .document(PolicyDocument(statements: [Statement(action: "s3:Get*", resource: "*")]))
        }
        #expect(Harness.press([.enter], &model) == [.openEditor(
            text: PolicyDocument(statements: [Statement(action: "s3:Get*", resource: "*")]).prettyText,
            target: .inlinePolicy(role: 1, index: 0, name: "AmazonS3ReadOnlyAccess"))])
    }

    @Test func aProblemsPathOpensTheFieldThatHoldsIt() {
        var model = inlineModel("ecs-workshop", role: 1) { plan in
            plan.roles[1].inlinePolicies[0].source = .template(name: "ecs-exec", parameters: BlockParameters([
                ("operatorActions", .bool(true)), ("cluster", .string("bad cluster")),
            ]))
        }
        model.step = .review
        let problem = model.problems.first!
        #expect(problem.path.description == "roles[1].inlinePolicies[0].parameters.cluster")
        Wizard.jump(to: problem.path, &model)
        #expect(model.step == .inlinePolicies)
        guard case let .block(form) = model.inline.mode else { Issue.record("no form"); return }
        #expect(form.focus == 1 && form.index == 0)

        var ufo = inlineModel("ufo-roles", role: 0)
        Wizard.jump(to: .root / "roles" / 1 / "inlinePolicies" / 1 / "statements" / 0 / "Resource", &ufo)
        #expect(ufo.roleIndex == 1 && ufo.inline.cursor.selected == 1)
        guard case let .statements(statements) = ufo.inline.mode else { Issue.record("no form"); return }
        #expect(statements.focus == .resource(0) && statements.index == 1)

        Wizard.jump(to: .root / "roles" / 1 / "inlinePolicies" / 0 / "name", &ufo)
        #expect(ufo.inline.mode == .rename(TextField("AmazonS3ReadOnlyAccess")))
        Wizard.jump(to: .root / "roles" / 1 / "inlinePolicies" / 9 / "name", &ufo)
        #expect(ufo.inline.mode == .list && ufo.inline.cursor.selected == 0)
    }

    @Test func aFormLeftOpenDoesNotFollowIntoAnotherRole() {
        var model = inlineModel("ecs-workshop", role: 1)
        Harness.press([.enter, .ctrl("p"), .ctrl("p"), .ctrl("p"), .up, .ctrl("n"), .ctrl("n"), .ctrl("n")], &model)
        #expect(model.step == .inlinePolicies && model.roleIndex == 0)
        #expect(model.inlineMode == .list)
        #expect(InlinePoliciesScreen.bindings(model).map(\.label) == ["a"])
        let plan = model.plan
        #expect(Harness.press([.enter], &model).isEmpty && model.plan == plan)
        Harness.press([.char("a"), .enter], &model)
        guard case let .block(form) = model.inlineMode else { Issue.record("no form"); return }
        #expect(form.index == nil && model.inline.owner == .init(index: 0, name: "retailStoreECSTaskExecutionRole"))
    }

    @Test func withoutRolesNothingWorks() {
        var model = Harness.model(plan: Plan(), step: .inlinePolicies)
        #expect(InlinePoliciesScreen.bindings(model).isEmpty)
        let effects = Harness.press([.char("a"), .enter, .char("e"), .char("x"), .char("r"), .down], &model)
        #expect(effects.isEmpty && model.inline == InlinePoliciesState() && model.overlay == nil)
        #expect(InlinePoliciesScreen.deleteConfirmed(role: 0, index: 0, &model).isEmpty)
        #expect(Harness.frame(model).contains("Add a role in step 1."))
    }

    @Test func policiesCanBeAddedBeforeTheCatalogLoads() {
        var model = WizardModel(plan: emptyWorkshopTaskRole().plan, step: .inlinePolicies, catalog: nil)
        model.roleIndex = 1
        Harness.press(ecsExecKeys, &model)
        #expect(model.compiled == nil)
        #expect(model.plan == Presets.named("ecs-workshop")!.plan(account: "123456789012", region: "us-east-1"))
        #expect(Harness.frame(model).contains("Size and problems: checking…"))
    }

    @Test func theSizeIsTheRolesAggregate() {
        let model = inlineModel("terraform-module", role: 0)
        #expect(model.compiledRole?.inlinePoliciesSize == 1363)
        #expect(Harness.frame(model).contains("Size ██░░░░░░░░░░ 1,363 / 10,240 chars"))
        #expect(InlinePoliciesScreen.grouped(10240) == "10,240" && InlinePoliciesScreen.grouped(999) == "999"
                && InlinePoliciesScreen.grouped(1234567) == "1,234,567")
    }

    @Test func textFieldsNeverShareKeysWithBindings() {
        let states: [[Key]] = [[], [.char("a")], [.char("a"), .enter], [.char("a"), .enter, .tab], [.char("a"), .end, .up, .enter],
                               [.char("a"), .end, .up, .enter, .backTab], [.char("r")]]
        for keys in states {
            var model = inlineModel("ecs-workshop", role: 1)
            Harness.press(keys, &model)
            guard InlinePoliciesScreen.capturesText(model) else { continue }
            let printable = InlinePoliciesScreen.bindings(model).flatMap(\.keys).filter { if case .char = $0 { return true } else { return false } }
            #expect(printable.isEmpty, "\(keys)")
        }
    }

    /// Random keys, editor results and resizes never crash the step.
    @Test func monkey() {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let keys: [Key] = [.up, .down, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace, .delete,
                           .left, .right, .char(" "), .char("a"), .char("e"), .char("r"), .char("x"), .char("y"), .char("n"),
                           .char(","), .char("*"), .char(":"), .ctrl("t"), .ctrl("d"), .ctrl("u"), .ctrl("p"), .ctrl("n")]
        let sizes = [(80, 24), (100, 30), (120, 40), (200, 60), (81, 25)]
        for preset in ["ecs-workshop", "terraform-module", "ufo-roles", "s3-bucket-task-role"] {
            var model = inlineModel(preset, role: Presets.named(preset)!.plan().roles.count - 1)
            for _ in 0..<500 {
                switch next(40) {
                case 0:
                    let size = sizes[next(sizes.count)]
                    _ = Wizard.update(&model, .resize(width: size.0, height: size.1))
                case 1:
                    let texts: [String?] = [nil, "[", "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}"]
                    _ = Wizard.update(&model, .editorFinished(text: texts[next(3)], target: .inlinePolicy(role: next(3), index: next(2) == 0 ? nil : next(6), name: "p")))
                case 2:
                    model.teachingVisible.toggle()
                default:
                    _ = Wizard.update(&model, .key(keys[next(keys.count)]))
                }
                if model.step != .inlinePolicies { model.step = .inlinePolicies }
                _ = Wizard.render(model)
            }
        }
    }
}

@Suite struct ActionCompletionTests {
    typealias Completion = InlinePoliciesState.Completion

    /// The empty workshop task role with a new custom policy's form open, focus on Action.
    func newCustomPolicy(_ model: WizardModel = emptyWorkshopTaskRole()) -> WizardModel {
        var model = model
        Harness.press([.char("a"), .end, .up, .enter], &model)
        return model
    }

    func form(_ model: WizardModel) -> InlinePoliciesState.StatementsForm? {
        if case let .statements(form) = model.inline.mode { return form }
        return nil
    }

    @Test func typingAnActionListsTheCatalogsMatches() {
        var model = newCustomPolicy()
        Harness.press(Harness.type("s3:getob"), &model)
        let completion = form(model)?.completion
        #expect(completion?.query == "s3:getob")
        #expect(completion?.items.first == Completion.Item(name: "s3:GetObject", accessLevel: "Read", resourceTypes: "accesspointobject, object"))
        #expect(completion?.items.count == Completion.limit)
        #expect(completion?.items.map(\.name) == IAMCatalog.bundled.search("s3:getob", inService: "s3", limit: Completion.limit).map(\.fullName),
                "the matches are the core's search")
        #expect(Harness.frame(model).contains("› s3:GetObject "))
        #expect(InlinePoliciesScreen.bindings(model).filter(\.inFooter).map { "\($0.label) \($0.help)" }.prefix(4)
                == ["Tab complete", "↑↓ choose", "Esc close list", "Enter save"])
        #expect(Harness.frame(model).contains("Tab complete  ↑↓ choose  Esc close list"), "the footer shows the list's keys")

        // Required resource types are marked *; an action that takes none shows -.
        Harness.press([.ctrl("u")] + Harness.type("ssm:GetParam"), &model)
        #expect(form(model)?.completion?.items.first == Completion.Item(name: "ssm:GetParameter", accessLevel: "Read", resourceTypes: "parameter*"))
        Harness.press([.ctrl("u")] + Harness.type("ssmmessages:OpenD"), &model)
        #expect(form(model)?.completion?.items.first == Completion.Item(name: "ssmmessages:OpenDataChannel", accessLevel: "Write", resourceTypes: "-"))
    }

    @Test func tabAcceptsTheHighlightedMatchIntoTheItemBeingTyped() {
        var model = newCustomPolicy()
        Harness.press(Harness.type("s3:PutObject, s3:getob") + [.down], &model)
        let second = form(model)?.completion?.items[1].name
        #expect(form(model)?.completion?.selected == 1)
        Harness.press([.tab], &model)
        #expect(form(model)?.statements[0].action.text == "s3:PutObject, " + (second ?? "?"))
        #expect(form(model)?.statements[0].action.cursor == form(model)?.statements[0].action.text.count)
        #expect(form(model)?.completion == nil && form(model)?.focus == .action(0), "Tab took the match; the focus stays")
        Harness.press([.tab], &model)
        #expect(form(model)?.focus == .resource(0), "with the list closed, Tab goes on")

        // An item in the middle: the whole item is replaced, the rest kept.
        var middle = newCustomPolicy()
        Harness.press(Harness.type("kms:, s3:PutObject") + Array(repeating: .left, count: 14) + Harness.type("Encr"), &middle)
        #expect(form(middle)?.completion?.query == "kms:Encr")
        Harness.press([.tab], &middle)
        #expect(form(middle)?.statements[0].action.text == "kms:Encrypt, s3:PutObject")
        #expect(form(middle)?.statements[0].action.cursor == "kms:Encrypt".count)
    }

    @Test func upAndDownMoveInTheListAndEscClosesItNotTheForm() {
        var model = newCustomPolicy()
        Harness.press(Harness.type("ecs:exec"), &model)
        #expect(form(model)?.completion?.items.first?.name == "ecs:ExecuteCommand")
        Harness.press([.down, .down, .down, .down, .down, .down, .up], &model)
        #expect(form(model)?.completion?.selected == (form(model)?.completion?.items.count ?? 0) - 2)
        #expect(form(model)?.focus == .action(0))
        Harness.press([.escape], &model)
        #expect(form(model)?.completion == nil && form(model)?.statements[0].action.text == "ecs:exec")
        #expect(model.inline.mode != .list, "Esc closed the list, not the form")
        Harness.press([.down], &model)
        #expect(form(model)?.focus == .resource(0), "with the list closed, ↓ goes to the next field")
        Harness.press([.escape], &model)
        #expect(model.inline.mode == .list)
    }

    @Test func nothingIsOfferedForWildcardsFullNamesOrOtherFields() {
        var model = newCustomPolicy()
        Harness.press(Harness.type("s3:Get*"), &model)
        #expect(form(model)?.completion == nil)
        Harness.press([.ctrl("u")] + Harness.type("s3:GetObject"), &model)
        #expect(form(model)?.completion == nil, "already the best match")
        Harness.press([.ctrl("u")] + Harness.type("s"), &model)
        #expect(form(model)?.completion == nil, "one character is too few")
        Harness.press(Harness.type("3:get") + [.left], &model)
        #expect(form(model)?.completion == nil, "moving the cursor closes it")
        Harness.press([.tab] + Harness.type("arn:aws:s3:::b/*"), &model)
        #expect(form(model)?.completion == nil, "only Action fields complete")
    }

    @Test func withoutTheIAMCatalogThereIsNoCompletion() {
        var model = emptyWorkshopTaskRole()
        model.iamCatalog = nil
        model = newCustomPolicy(model)
        Harness.press(Harness.type("s3:getob") + [.tab], &model)
        #expect(form(model)?.completion == nil && form(model)?.focus == .resource(0))
        #expect(form(model)?.statements[0].action.text == "s3:getob")
    }

    @Test func theListFitsAboveTheFieldWhenThereIsNoRoomBelow() {
        var model = newCustomPolicy()
        for _ in 0..<3 { Harness.press(Harness.type("s3:GetObject") + [.ctrl("t")], &model) }
        Harness.press(Harness.type("s3:getob"), &model)
        let frame = Harness.frame(model)
        let text = frame.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let list = text.firstIndex { $0.contains("› s3:GetObject ") }
        let field = text.firstIndex { $0.hasPrefix("› Action") }
        #expect(list != nil && field != nil)
        if let list, let field { #expect(list != field) }
    }
}

