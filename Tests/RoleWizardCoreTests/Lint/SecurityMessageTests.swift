import Testing
@testable import RoleWizardCore

/// The write-on-"*" message, put together as bytes, reads as the plain interpolation does.
@Suite struct SecurityMessageTests {
    @Test func writeOnAllResourcesMessageReadsAsInterpolated() throws {
        let catalog = IAMCatalog.bundled
        let actions = ["s3:PutObject", "iam:AttachRolePolicy", "ec2:DeleteNetworkInterface", "kms:Decrypt"].compactMap { catalog.action($0) }
        #expect(actions.count == 4)
        for action in actions {
            for text in ["s3:Put*", "ünï\"code\"", action.fullName] {
                for isWildcard in [true, false] {
                    let what = isWildcard ? "12 write or permissions-management actions (\(action.fullName)…)"
                        : "\(action.fullName), a \(action.accessLevel.rawValue.lowercased()) action that takes a resource,"
                    let expected = "\(JSONWriter.quoted(text)) allows \(what) on every resource (\"*\"); name the resources"
                    #expect(SecurityChecks.writeOnAllResourcesMessage(text, isWildcard: isWildcard, count: 12, first: action) == expected)
                }
            }
        }
    }
}
