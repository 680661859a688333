/// Names of things other than IAM entities that building blocks put into ARNs.
enum IdentifierRules {
    static func checkClusterName(_ name: String) -> String? {
        if name.isEmpty || name.count > 255 { return "an ECS cluster name is 1 to 255 characters" }
        if !name.unicodeScalars.allSatisfy({ isASCIIAlphanumeric($0) || $0 == "-" || $0 == "_" }) {
            return "\(IAMRules.quoted(name)) is not an ECS cluster name (letters, digits, - and _)"
        }
        return nil
    }

    /// S3 bucket names: 3–63 of lower-case letters, digits, dots and hyphens, starting and
    /// ending with a letter or digit.
    static func checkBucketName(_ name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        let ok = (3...63).contains(scalars.count)
            && scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
            && isLowerAlphanumeric(scalars.first!) && isLowerAlphanumeric(scalars.last!)
            && !name.contains("..")
        if ok { return nil }
        if name.hasPrefix("arn:") || name.contains("/") {
            return "\(IAMRules.quoted(name)) should be a bare bucket name such as my-app-config; the block builds the ARNs"
        }
        return "\(IAMRules.quoted(name)) is not an S3 bucket name (3–63 lower-case letters, digits, dots and hyphens)"
    }

    /// SSM parameter hierarchy segments below the prefix: `shared_domain`, `app/prod`.
    static func checkParameterPath(_ name: String) -> String? {
        if name.isEmpty { return "a parameter path cannot be empty" }
        if name.hasPrefix("/") || name.hasSuffix("/") || name.contains("//") {
            return "\(IAMRules.quoted(name)) should have no leading, trailing or doubled \"/\" (the block adds them)"
        }
        if !name.unicodeScalars.allSatisfy({ isASCIIAlphanumeric($0) || "_.-/".unicodeScalars.contains($0) }) {
            return "\(IAMRules.quoted(name)) is not an SSM parameter path (letters, digits and _.-/)"
        }
        return nil
    }

    static func checkLogGroupName(_ name: String) -> String? {
        if name.isEmpty || name.count > 512 { return "a log group name is 1 to 512 characters" }
        if !name.unicodeScalars.allSatisfy({ isASCIIAlphanumeric($0) || "._-/#".unicodeScalars.contains($0) }) {
            return "\(IAMRules.quoted(name)) is not a log group name (letters, digits and ._-/#)"
        }
        return nil
    }

    static func checkMetricNamespace(_ name: String) -> String? {
        if name.isEmpty || name.count > 255 { return "a metric namespace is 1 to 255 characters" }
        if name.hasPrefix("AWS/") { return "namespaces starting with AWS/ are reserved for AWS services" }
        if !name.unicodeScalars.allSatisfy({ isASCIIAlphanumeric($0) || "._-/#:".unicodeScalars.contains($0) || $0 == " " }) {
            return "\(IAMRules.quoted(name)) is not a CloudWatch namespace (letters, digits, spaces and ._-/#:)"
        }
        return nil
    }

    /// Checks an ARN of a given service whose resource starts with `resourcePrefix`.
    static func checkARN(_ text: String, service: String, resourcePrefix: String, example: String) -> String? {
        switch ARN.parse(text) {
        case let .failure(error): return error.message
        case let .success(arn):
            if arn.service != service || !arn.resource.hasPrefix(resourcePrefix) {
                return "\(IAMRules.quoted(text)) is not a \(service) \(resourcePrefix) ARN (like \(example))"
            }
            return nil
        }
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
