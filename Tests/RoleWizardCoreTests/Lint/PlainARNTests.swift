import Testing
@testable import RoleWizardCore

/// `PlainARN`, the byte-level reading of well-formed resource ARNs, agrees with the checks'
/// own reading wherever it answers, and leaves every text with a problem to them.
@Suite struct PlainARNTests {
    static let partitions = ["aws", "aws-cn", "aws-us-gov", "aws*", "awz", "", "AWS"]
    static let services = ["s3", "ec2", "*", "s?", "my-service", "", "s_3", "Ssm"]
    static let regions = ["", "*", "us-east-1", "us-*", "moon", "{{Region}}"]
    static let accounts = ["", "*", "aws", "123456789012", "12345678901", "1234567890ab", "{{AccountId}}", "${aws:PrincipalAccount}", "12*"]
    static let resources = ["bucket/*", "", "table/T:stream/*", "role/${aws:username}", "a\r\nb", "é/x", "function:f?"]

    static var texts: [String] {
        var texts: [String] = ["*", "arn", "arn:aws", "arn:aws:s3", "arn:aws:s3:::", "ARN:aws:s3:::b", "arn:aws:s3:::b:c:d", "arn:aws:s3:::bucket"]
        for partition in partitions {
            for service in services {
                for region in regions {
                    for account in accounts {
                        for resource in resources { texts.append("arn:\(partition):\(service):\(region):\(account):\(resource)") }
                    }
                }
            }
        }
        return texts
    }

    @Test func plainReadingIsTheGeneralReading() {
        var plain = 0
        for text in Self.texts {
            let general = ResourceReading.generalReading(text)
            guard let arn = PlainARN(text) else { continue }
            plain += 1
            #expect(general.problem == nil, "\(text)")
            #expect(arn.service(in: text) == general.service, "\(text)")
            #expect(arn.fields == general.fields, "\(text)")
        }
        #expect(plain > 500)
    }
}
