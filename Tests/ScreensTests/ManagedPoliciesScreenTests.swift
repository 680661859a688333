import Testing
import RoleWizardCore
@testable import Screens

@Suite struct ManagedPoliciesScreenTests {
    static let executionDefault = "service-role/AmazonECSTaskExecutionRolePolicy"
    static let customerARN = "arn:aws:iam::123456789012:policy/team/SharedReadPolicy"

    /// The S3 bucket preset's task role, which also holds a customer managed ARN and a name the
    /// catalog does not know (one letter off).
    static func mixedModel() -> WizardModel {
        var plan = Presets.named("s3-bucket-task-role")!.plan(account: "123456789012", region: "us-east-1")
        plan.roles[0].managedPolicies = ["AmazonS3ReadOnlyAccess", customerARN, "AmazonSSMReadOnlyAcess"]
        var model = Harness.model(plan: plan, step: .managedPolicies)
        model.roleIndex = 0
        return model
    }

    @Test func goldens() {
        var model = Harness.preset("ecs-workshop", step: .managedPolicies)
        Golden.check(model, "managed-execution-role")
        Harness.press(Harness.type("taskexec"), &model)
        Golden.check(model, "managed-filter-taskexec")
        Harness.press([.escape, .tab, .pageDown], &model)
        Golden.check(model, "managed-document-focus")

        var task = Harness.preset("ecs-workshop", step: .managedPolicies, role: 1)
        Golden.check(task, "managed-task-role-none-attached")
        Harness.press(Harness.type("ReadOnlyAccess"), &task)
        Golden.check(task, "managed-large-document")

        var mixed = Self.mixedModel()
        Golden.check(mixed, "managed-mixed-with-problems")
        Harness.press([.down], &mixed)
        Golden.check(mixed, "managed-customer-arn-selected")

        var wide = Harness.preset("ufo-roles", step: .managedPolicies)
        wide.size = (120, 40)
        Harness.press(Harness.type("secrets"), &wide)
        Golden.check(wide, "managed-120x40-filter")

        var loading = Harness.preset("ecs-workshop", step: .managedPolicies)
        loading.catalog = nil
        Golden.check(loading, "managed-loading")
        Golden.check(Harness.model(plan: Plan(), step: .managedPolicies), "managed-no-roles")
    }

    @Test func typingTaskexecFindsTheExecutionPolicyFirstAndKeepsTheSearch() {
        var model = Harness.preset("ecs-workshop", step: .managedPolicies, role: 1)
        let effects = Harness.press(Harness.type("taskexec"), &model)
        #expect(effects.isEmpty)
        #expect(model.managed.filter.text == "taskexec")
        #expect(model.managed.matches.query == "taskexec")
        #expect(model.managed.matches.names.first == "AmazonECSTaskExecutionRolePolicy")
        guard case let .match(policy)? = ManagedPoliciesScreen.selectedItem(model) else {
            Issue.record("no catalog policy selected")
            return
        }
        #expect(policy.name == "AmazonECSTaskExecutionRolePolicy")
        #expect(model.managed.document.key == "AmazonECSTaskExecutionRolePolicy 36")
        #expect(Harness.frame(model).contains("› [ ] ◆ AmazonECSTaskExecutionRolePolicy"))
    }

    @Test func lettersAreTypedIntoTheFilterNotObeyed() {
        var model = Harness.preset("ecs-workshop", step: .managedPolicies)
        #expect(ManagedPoliciesScreen.capturesText(model))
        let effects = Harness.press(Harness.type("q?i"), &model)
        #expect(model.managed.filter.text == "q?i")
        #expect(effects.isEmpty && model.overlay == nil && !model.teachingVisible)
        #expect(ManagedPoliciesScreen.typed(.char(" "), &model) == [], "policy names hold no spaces: Space is never typed")
        #expect(model.managed.filter.text == "q?i")
    }

    @Test func spaceAttachesAndDetachesOnTheRoleAsPathAndName() {
        var model = Harness.preset("ecs-workshop", step: .managedPolicies, role: 1)
        #expect(model.role?.managedPolicies == nil)
        let effects = Harness.press(Harness.type("AmazonS3ReadOnlyAccess") + [.char(" ")], &model)
        #expect(model.plan.roles[1].managedPolicies == ["AmazonS3ReadOnlyAccess"])
        #expect(effects == [.saveDraft(model.plan)])
        #expect(model.compiled?.roles[1].managedPolicyARNs == ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"])
        #expect(model.status == .info("attached AmazonS3ReadOnlyAccess (1/10)"))
        // The same policy stays selected although the attached list above it grew.
        guard case let .match(policy)? = ManagedPoliciesScreen.selectedItem(model) else {
            Issue.record("the selection left the matches")
            return
        }
        #expect(policy.name == "AmazonS3ReadOnlyAccess")
        Harness.press([.char(" ")], &model)
        #expect(model.plan.roles[1].managedPolicies == [])
        #expect(model.status == .info("detached AmazonS3ReadOnlyAccess (0/10)"))
    }

    @Test func theFirstToggleStartsFromTheKindsDefaults() {
        var model = Harness.preset("ecs-workshop", step: .managedPolicies)
        Harness.press(Harness.type("AmazonSSMReadOnlyAccess") + [.enter], &model)
        #expect(model.plan.roles[0].managedPolicies == [Self.executionDefault, "AmazonSSMReadOnlyAccess"])
        // The pinned attached policies stay reachable whatever the filter hides: Home, then Space.
        Harness.press([.home, .char(" ")], &model)
        #expect(model.plan.roles[0].managedPolicies == ["AmazonSSMReadOnlyAccess"])
        #expect(model.managed.selected == 0)
        #expect(model.managed.filter.text == "AmazonSSMReadOnlyAccess")
    }

    @Test func theQuotaBlocksAnEleventhPolicy() {
        let ten = ["AmazonS3ReadOnlyAccess", "AmazonSSMReadOnlyAccess", "CloudWatchAgentServerPolicy", "AmazonEC2ContainerRegistryReadOnly",
                   "AmazonDynamoDBReadOnlyAccess", "AmazonSQSReadOnlyAccess", "AmazonSNSReadOnlyAccess", "AWSXrayWriteOnlyAccess",
                   "CloudWatchLogsReadOnlyAccess", "AmazonKinesisReadOnlyAccess"]
        var model = Harness.model(plan: Plan(roles: [Role(name: "busy", kind: .task, managedPolicies: ten)]), step: .managedPolicies)
        #expect(model.problems.isEmpty)
        let before = model.plan
        let effects = Harness.press(Harness.type("AmazonECS_FullAccess") + [.char(" ")], &model)
        #expect(model.plan == before)
        #expect(effects.isEmpty)
        #expect(model.status == .error("busy has 10 managed policies; IAM allows 10 per role by default: detach one first"))
        Harness.press([.home, .char(" ")], &model)
        #expect(model.plan.roles[0].managedPolicies?.count == 9)
    }

    @Test func customerARNsAndThePlansOwnPoliciesShowAsAttached() {
        var model = Self.mixedModel()
        let attached = ManagedPoliciesScreen.attached(model)
        #expect(attached.count == 4)
        if case let .customer(arn, reference) = attached[1] {
            #expect(arn == Self.customerARN && reference == 1)
        } else {
            Issue.record("the customer managed ARN is not listed as attached")
        }
        if case let .unresolved(text, _, reference) = attached[2] {
            #expect(text == "AmazonSSMReadOnlyAcess" && reference == 2)
        } else {
            Issue.record("the unknown name is not listed as attached")
        }
        if case let .planPolicy(index) = attached[3] { #expect(index == 0) } else { Issue.record("the plan's own policy is missing") }
        #expect(Harness.frame(model).contains("Attached 4/10"))
        #expect(model.problems(of: .managedPolicies, role: 0).map(\.path.description) == ["roles[0].managedPolicies[2]"])

        // The plan's own policy is not detached here: its attachTo list decides.
        Harness.press([.down, .down, .down, .char(" ")], &model)
        #expect(model.status == .info("AmazonECSTaskS3BucketPolicy is created by this plan; its attachTo list decides which roles get it"))
        #expect(model.plan.roles[0].managedPolicies?.count == 3)
        // The unknown name and the customer ARN are detached from the list they came from.
        Harness.press([.up, .char(" ")], &model)
        #expect(model.plan.roles[0].managedPolicies == ["AmazonS3ReadOnlyAccess", Self.customerARN])
        #expect(model.problems.isEmpty)
        Harness.press([.up, .char(" ")], &model)
        #expect(model.plan.roles[0].managedPolicies == ["AmazonS3ReadOnlyAccess"])
    }

    @Test func escClearsTheFilterThenGoesBack() {
        var model = Harness.preset("ecs-workshop", step: .managedPolicies)
        Harness.press(Harness.type("s3") + [.tab], &model)
        #expect(model.managed.focus == .document)
        Harness.press([.escape], &model)
        #expect(model.managed.filter.text.isEmpty && model.managed.focus == .list && model.step == .managedPolicies)
        #expect(model.managed.matches.query == "")
        Harness.press([.tab, .escape], &model)
        #expect(model.managed.focus == .list && model.step == .managedPolicies)
        Harness.press([.escape], &model)
        #expect(model.step == .trust)
    }

    @Test func theDocumentScrollsWithinItsLength() {
        var model = Harness.preset("ecs-workshop", step: .managedPolicies)
        Harness.press([.tab, .end], &model)
        let (lines, rows) = ManagedPoliciesScreen.documentGeometry(model)
        #expect(lines?.count == 19 && rows == 10)
        #expect(model.managed.documentTop == 9)
        Harness.press([.pageDown, .down], &model)
        #expect(model.managed.documentTop == 9)
        Harness.press([.pageUp], &model)
        #expect(model.managed.documentTop == 0)
        // Typing goes back to the list, at the top of the new policy's document.
        Harness.press(Harness.type("ssmread"), &model)
        #expect(model.managed.focus == .list && model.managed.documentTop == 0)
    }

    @Test func typingShowsTheNewBestMatchFromTheTopOfItsDocument() {
        var model = Harness.preset("ecs-workshop", step: .managedPolicies, role: 1)
        Harness.press([.tab, .pageDown], &model)
        #expect(model.managed.selected == 0 && model.managed.documentTop == 11)
        Harness.press(Harness.type("s3read"), &model)
        #expect(model.managed.selected == 0 && model.managed.documentTop == 0 && model.managed.focus == .list)
        #expect(model.managed.document.key == "AmazonS3ReadOnlyAccess 36")
    }

    @Test func largeDocumentsOpenOnTab() {
        var model = Harness.preset("ecs-workshop", step: .managedPolicies, role: 1)
        Harness.press(Harness.type("ReadOnlyAccess"), &model)
        #expect(model.managed.matches.names.first == "ReadOnlyAccess")
        #expect(model.managed.document.key != "ReadOnlyAccess 36")
        #expect(Harness.frame(model).contains("A large document (94,907"))
        Harness.press([.tab], &model)
        #expect(model.managed.document.key == "ReadOnlyAccess 36")
        #expect(model.managed.document.lines.first == DocumentPane.Line("{"))
    }

    @Test func jumpingToAProblemSelectsThatReference() {
        var model = Self.mixedModel()
        model.step = .review
        Wizard.jump(to: FieldPath.root / "roles" / 0 / "managedPolicies" / 2, &model)
        #expect(model.step == .managedPolicies)
        #expect(model.managed.selected == 2 && model.managed.focus == .list)
        guard case .attached(.unresolved("AmazonSSMReadOnlyAcess", _, 2))? = ManagedPoliciesScreen.selectedItem(model) else {
            Issue.record("the reference is not selected")
            return
        }
    }

    @Test func withoutRolesNothingHappens() {
        var model = Harness.model(plan: Plan(), step: .managedPolicies)
        #expect(!ManagedPoliciesScreen.capturesText(model))
        #expect(ManagedPoliciesScreen.bindings(model).isEmpty)
        Harness.press([.char("a"), .char(" "), .down, .tab, .enter], &model)
        #expect(model.plan == Plan() && model.managed == ManagedPoliciesState())
        #expect(Harness.frame(model).contains("Add a role in step 1"))
    }

    @Test func beforeTheCatalogLoadsTheFilterWaits() {
        let plan = Presets.named("ecs-workshop")!.plan()
        var model = WizardModel(plan: plan, step: .managedPolicies, size: (80, 24))
        #expect(model.catalog == nil && model.compiled == nil)
        #expect(ManagedPoliciesScreen.bindings(model).isEmpty)
        Harness.press(Harness.type("s3 read") + [.down], &model)
        #expect(model.managed.filter.text == "s3read" && model.plan == plan)
        #expect(Harness.frame(model).contains("loading the catalog…"))
        _ = Wizard.update(&model, .catalogLoaded(.bundled))
        #expect(Harness.frame(model).contains("Matching \"s3read\": "))
        Harness.press([.down], &model)
        #expect(model.managed.matches.names.first == "AmazonS3ReadOnlyAccess")
        #expect(Harness.frame(model).contains("› [ ] ◆ AmazonS3ReadOnlyAccess"))
        Harness.press([.char(" ")], &model)
        #expect(model.plan.roles[0].managedPolicies == [Self.executionDefault, "AmazonS3ReadOnlyAccess"])
    }

    @Test func randomKeysAndSizesNeverBreakTheScreen() {
        var generator = SeededGenerator(seed: 3)
        let keys: [Key] = [.up, .down, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter, .escape, .backspace,
                           .char(" "), .char("s"), .char("3"), .char("a"), .char("x"), .left, .right, .delete, .ctrl("u")]
        let sizes = [(80, 24), (100, 30), (120, 40), (200, 60), (80, 24)]
        var model = Self.mixedModel()
        // A wrong path, not an unknown name: the compiler's "did you mean" search is slow in debug builds.
        model.plan.roles[0].managedPolicies![2] = "job-function/AmazonS3ReadOnlyAccess"
        for round in 0..<800 {
            if round % 160 == 0 { _ = Wizard.update(&model, .resize(width: sizes[round / 160].0, height: sizes[round / 160].1)) }
            if round % 100 == 0 { model.teachingVisible.toggle() }
            model.step = .managedPolicies
            model.overlay = nil
            _ = Wizard.update(&model, .key(keys[Int(generator.next() % UInt64(keys.count))]))
            model.step = .managedPolicies
            _ = Wizard.render(model)
        }
        #expect(model.managed.selected >= 0)
        #expect(model.plan.roles[0].managedPolicies!.count <= IAMRules.managedPoliciesPerRole)
    }
}

/// A small deterministic generator, so that a failing random run can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
}
