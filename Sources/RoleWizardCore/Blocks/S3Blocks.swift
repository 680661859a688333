extension BuildingBlock {
    /// Read-only access to whole buckets (the Terraform module's `s3_ro_paths`).
    static let s3ReadOnly = s3Block(
        name: "s3-read-only", title: "S3 read-only",
        summary: "List the buckets and read their objects. s3:ListBucket is authorized on the bucket "
            + "ARN and s3:GetObject on bucket/*, so each bucket gets both.",
        bucketActions: ["s3:ListBucket", "s3:GetBucketLocation"],
        objectActions: ["s3:GetObject"])

    /// Read-write access to whole buckets (the Terraform module's `s3_rw_paths`).
    static let s3ReadWrite = s3Block(
        name: "s3-read-write", title: "S3 read-write",
        summary: "List, read, write and delete objects in the buckets, including multipart uploads; "
            + "no bucket configuration or policy changes.",
        bucketActions: ["s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"],
        objectActions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"])

    private static func s3Block(name: String, title: String, summary: String,
                                bucketActions: [String], objectActions: [String]) -> BuildingBlock {
        BuildingBlock(
            name: name, title: title, summary: summary,
            parameters: [
                BlockParameter("buckets", .list, required: true, help: "bucket names",
                               example: "my-app-config", check: { value, _ in IdentifierRules.checkBucketName(value) }),
            ],
            checkAll: { _ in [] },
            build: { arguments, context in
                let buckets = arguments.list("buckets")
                let bucketARN = { (bucket: String) in "arn:\(context.partition.rawValue):s3:::\(bucket)" }
                return [
                    Statement(action: StringList(bucketActions, isList: true),
                              resource: StringList(buckets.map(bucketARN), isList: true)),
                    Statement(action: StringList(objectActions, isList: true),
                              resource: StringList(buckets.map { bucketARN($0) + "/*" }, isList: true)),
                ]
            })
    }
}
