import Testing
@testable import RoleWizardCore

/// A resource type's ARN format read into fields of tokens: variables are runs (`${BucketName}`
/// a run without "/"), wildcards are wildcards, the resource keeps its colons.
@Suite struct ResourceFormatTokensTests {
    @Test func formatFieldsAndService() {
        let bucket = ResourceFormat("arn:${Partition}:s3:::${BucketName}/x?*")
        #expect(bucket.fields == [[.run], Array("s3".utf8).map { .byte($0) }, [], [], [.segment] + Array("/x".utf8).map { .byte($0) } + [.any, .run]])
        #expect(bucket.service == "s3")
        let logs = ResourceFormat("arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}")
        #expect(logs.fields.count == 5)
        #expect(logs.fields[4] == Array("log-group:".utf8).map { .byte($0) } + [.run] + Array(":log-stream:".utf8).map { .byte($0) } + [.run])
        #expect(logs.service == "logs")
        #expect(ResourceFormat("arn:aws:s*:::x").service == nil)
        #expect(ResourceFormat("arn:aws:é:::${Name}").fields[4] == [.run])
    }
}
