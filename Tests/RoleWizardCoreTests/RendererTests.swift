import Foundation
import Testing
@testable import RoleWizardCore

@Suite struct RendererTests {
    func compiled(_ preset: String, account: String? = "123456789012", region: String? = "us-east-1") throws -> CompiledPlan {
        let plan = PlanCompiler().compile(try #require(Presets.named(preset)).plan(account: account, region: region))
        #expect(plan.isValid)
        return plan
    }

    @Test func jsonWritesOneFilePerDocumentAndAManifest() throws {
        let bundle = JSONRenderer.render(try compiled("ecs-workshop"))
        #expect(bundle.files.map(\.path) == [
            "manifest.json",
            "roles/retailStoreECSTaskExecutionRole/trust-policy.json",
            "roles/retailStoreEcsTaskRole/trust-policy.json",
            "roles/retailStoreEcsTaskRole/inline/retailStoreEcsExecPolicy.json",
        ])
        let manifestText = try #require(bundle["manifest.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestText.utf8)) as? [String: Any])
        let roles = try #require(manifest["roles"] as? [[String: Any]])
        #expect(roles[0]["arn"] as? String == "arn:aws:iam::123456789012:role/retailStoreECSTaskExecutionRole")
        #expect(roles[0]["managedPolicies"] as? [String] == ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"])
        #expect(roles[1]["trustPolicy"] as? String == "roles/retailStoreEcsTaskRole/trust-policy.json")
        #expect(manifest["placeholders"] == nil)
        for file in bundle.files {
            #expect((try? JSONSerialization.jsonObject(with: Data(file.contents.utf8))) != nil, "\(file.path) is not JSON")
            #expect(file.contents.hasSuffix("}\n"))
        }
    }

    @Test func placeholdersAreExplainedInTheManifest() throws {
        let bundle = JSONRenderer.render(try compiled("ecs-workshop", account: nil, region: nil))
        let manifest = try #require(bundle["manifest.json"])
        #expect(manifest.contains("\"{{AccountId}}\""))
        #expect(manifest.contains("\"{{Region}}\""))
        #expect(bundle["roles/retailStoreEcsTaskRole/inline/retailStoreEcsExecPolicy.json"]?
            .contains("arn:aws:ecs:{{Region}}:{{AccountId}}:task/retail-store-ecs-cluster/*") == true)
    }

    /// The script with long calls joined back onto one line.
    func joined(_ script: String) -> String { script.replacingOccurrences(of: " \\\n  ", with: " ") }

    @Test func awsCLIAddsExecutableScriptsThatCallEveryStep() throws {
        let bundle = AWSCLIRenderer.render(try compiled("ec2-container-instance"))
        let apply = try #require(bundle.files.first { $0.path == "apply.sh" })
        #expect(apply.executable)
        #expect(apply.contents.hasPrefix("#!/usr/bin/env bash\n"))
        #expect(apply.contents.contains("set -euo pipefail"))
        #expect(joined(apply.contents).contains("ensure_role 'ecsInstanceRole' '/' 'roles/ecsInstanceRole/trust-policy.json' '{\"RoleName\":\"ecsInstanceRole\",\"Path\":\"/\",\"MaxSessionDuration\":3600}'"))
        #expect(apply.contents.contains("sync_attachments 'ecsInstanceRole' 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role'"))
        #expect(apply.contents.contains("ensure_instance_profile 'ecsInstanceRole' '/'"))
        #expect(apply.contents.contains("expected_account='123456789012'"))
        let teardown = try #require(bundle["teardown.sh"])
        #expect(teardown.contains("remove_role 'ecsInstanceRole'\nremove_instance_profile 'ecsInstanceRole'"))
        #expect(bundle["manifest.json"] != nil)
    }

    @Test func customerManagedPoliciesAreCreatedBeforeRolesAndDeletedAfterThem() throws {
        let bundle = AWSCLIRenderer.render(try compiled("s3-bucket-task-role"))
        let apply = joined(try #require(bundle["apply.sh"]))
        let policyLine = try #require(apply.range(of: "\nensure_policy 'AmazonECSTaskS3BucketPolicy'"))
        let roleLine = try #require(apply.range(of: "\nensure_role 'AmazonECSTaskS3BucketRole'"))
        #expect(policyLine.lowerBound < roleLine.lowerBound)
        let teardown = try #require(bundle["teardown.sh"])
        let removeRole = try #require(teardown.range(of: "\nremove_role "))
        let removePolicy = try #require(teardown.range(of: "\nremove_policy "))
        #expect(removeRole.lowerBound < removePolicy.lowerBound)
    }

    @Test func regionIsLookedUpOnlyWhenADocumentNeedsIt() throws {
        let workshop = try #require(AWSCLIRenderer.render(try compiled("ecs-workshop", account: nil, region: nil))["apply.sh"])
        let ufo = try #require(AWSCLIRenderer.render(try compiled("ufo-roles", account: nil, region: nil))["apply.sh"])
        #expect(workshop.contains("AWS_REGION"))
        #expect(!ufo.contains("AWS_REGION"))
    }

    @Test(arguments: [
        "plain", "it's", "$(touch /tmp/x) `id` \"q\" \\ ; | && > <", "line\nbreak\ttab\rcr", "", "--flag", "file:///etc/passwd", "Zürich €",
    ])
    func shellQuotingSurvivesBash(_ text: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "printf '%s' " + ShellQuote.quote(text)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output, as: UTF8.self) == text)
    }

    @Test func bundleWriterRefusesToReplaceWithoutForceAndReplacesWholeWithIt() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("erw-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        try BundleWriter.write(OutputBundle(files: [.init(path: "a/b.json", contents: "{}\n"), .init(path: "run.sh", contents: "x", executable: true)]),
                               to: out, force: false)
        #expect(try String(contentsOf: out.appendingPathComponent("a/b.json"), encoding: .utf8) == "{}\n")
        let mode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("run.sh").path)[.posixPermissions] as? Int
        #expect(mode == 0o755)
        #expect(throws: BundleWriter.Failure.exists(out.path)) {
            try BundleWriter.write(OutputBundle(files: [.init(path: "c.json", contents: "[]")]), to: out, force: false)
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a/b.json").path))
        try BundleWriter.write(OutputBundle(files: [.init(path: "c.json", contents: "[]")]), to: out, force: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["c.json"])
        // Nothing is left beside the target.
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["out"])
    }
}
