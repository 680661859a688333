import Testing
import RoleWizardCore
@testable import Screens

@Suite struct RolesScreenTests {
    @Test func goldens() {
        var model = Harness.preset("ecs-workshop")
        Golden.check(model, "roles-workshop")
        Harness.press([.char("a")], &model)
        Golden.check(model, "roles-add-kind")
        var blank = Harness.model(plan: Plan(), step: .roles)
        Golden.check(blank, "roles-empty")
        blank.teachingVisible = true
        Golden.check(blank, "roles-empty-teaching")
    }

    @Test func addingEachKindGivesAUniqueNameAndTheKindsDefaults() {
        var model = Harness.model(plan: Plan(), step: .roles)
        Harness.press([.char("a"), .enter, .char("a"), .enter, .char("a"), .down, .enter, .char("a"), .end, .enter], &model)
        #expect(model.plan.roles.map(\.name) == ["app-task-role", "app-task-role-2", "app-execution-role", "ecsInstanceRole"])
        #expect(model.plan.roles.map(\.kind) == [.task, .task, .execution, .instance])
        #expect(model.roleIndex == 3)
        #expect(model.compiled?.roles[2].managedPolicyARNs == ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"])
    }

    @Test func renameChecksIAMRulesAsTyped() {
        var model = Harness.preset("ecs-workshop")
        Harness.press([.char("r"), .ctrl("u")] + Harness.type("bad name") + [.enter], &model)
        #expect(model.status == .error("\"bad name\" holds \" \" (U+0020); a role name may hold only letters, digits and _+=,.@-"))
        #expect(model.plan.roles[0].name == "retailStoreECSTaskExecutionRole")
        Harness.press([.ctrl("u")] + Harness.type("RETAILSTOREECSTASKROLE") + [.enter], &model)
        #expect(model.status == .error("another role is named RETAILSTOREECSTASKROLE (names ignore case)"))
        Harness.press([.ctrl("u")] + Harness.type("exec-role") + [.enter], &model)
        #expect(model.plan.roles[0].name == "exec-role")
        #expect(model.roles.mode == .list)
    }

    @Test func renamingFollowsIntoCustomerManagedAttachments() {
        var model = Harness.preset("s3-bucket-task-role")
        Harness.press([.char("r"), .ctrl("u")] + Harness.type("bucket-reader") + [.enter], &model)
        #expect(model.plan.customerManagedPolicies[0].attachTo == ["bucket-reader"])
        #expect(model.problems.isEmpty)
    }

    @Test func deleteAsksFirst() {
        var model = Harness.preset("ecs-workshop")
        Harness.press([.down, .char("x")], &model)
        #expect(model.overlay == .confirm(question: "Delete role retailStoreEcsTaskRole?", purpose: .deleteRole(1)))
        Harness.press([.char("n")], &model)
        #expect(model.plan.roles.count == 2)
        Harness.press([.char("x"), .char("y")], &model)
        #expect(model.plan.roles.map(\.name) == ["retailStoreECSTaskExecutionRole"])
        #expect(model.roleIndex == 0)
    }

    @Test func duplicateAndEdit() {
        var model = Harness.preset("ecs-workshop")
        let effects = Harness.press([.down, .char("d")], &model)
        #expect(model.plan.roles.map(\.name) == ["retailStoreECSTaskExecutionRole", "retailStoreEcsTaskRole", "retailStoreEcsTaskRole-copy"])
        #expect(model.plan.roles[2].inlinePolicies == model.plan.roles[1].inlinePolicies)
        #expect(effects == [.saveDraft(model.plan)])
        Harness.press([.enter], &model)
        #expect(model.step == .trust && model.roleIndex == 2)
    }

    @Test func escLeavesASubModeThenGoesBack() {
        var model = Harness.preset("ecs-workshop")
        Harness.press([.char("a")], &model)
        Harness.press([.escape], &model)
        #expect(model.roles.mode == .list && model.step == .roles)
        Harness.press([.escape], &model)
        #expect(model.step == .roles, "roles is the first step: Esc does not leave it for the start screen")
    }
}
