/// What makes a policy grant more than it seems to: PassRole on *, every action, writes and
/// secret reads on *, trust that anyone or a whole account may use, NotPrincipal, and service
/// principals without confused-deputy conditions.
enum SecurityChecks {
    /// Actions that read secret material: a secret's value, a parameter (SecureString ones
    /// decrypted), or anything a KMS key protects.
    static let secretReads: [(service: String, name: String)] = [
        // Not secretsmanager:BatchGetSecretValue: it takes no resource ("*" is its only form), and
        // each secret it returns still needs GetSecretValue on that secret.
        ("secretsmanager", "GetSecretValue"), ("ssm", "GetParameter"),
        ("ssm", "GetParameters"), ("ssm", "GetParametersByPath"), ("ssm", "GetParameterHistory"), ("kms", "Decrypt"),
    ]

    // These two are asked of every action a wildcard matches (a lint of the managed policies
    // asks ~300,000 times): the names' lengths, compared first, rule out nearly all of them
    // without comparing any text.
    static func isSecretRead(_ action: IAMAction) -> Bool {
        let length = action.name.utf8.count
        return secretReads.contains { $0.name.utf8.count == length && $0.name == action.name && $0.service == action.service }
    }

    static func isPassRole(_ action: IAMAction) -> Bool {
        action.name.utf8.count == 8 && action.name == "PassRole" && action.service == "iam"
    }
    static let confusedDeputyKeys: Set<String> = ["aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths"]

    static func check(_ statement: PolicyView.Statement, actions: [ResolvedAction], run: LintRun) {
        if statement.effect == .allow, let notPrincipal = statement.notPrincipal {
            run.report(.allowWithNotPrincipal, "Allow with NotPrincipal allows everyone except the principals listed, anonymous users included",
                       path: statement.principalPath, location: notPrincipal.location, statement: statement)
        }
        guard statement.effect == .allow else { return }
        switch run.use {
        case .identity: checkPermissions(statement, actions: actions, run: run)
        case .trust: checkTrust(statement, run: run)
        }
    }

    static func checkPermissions(_ statement: PolicyView.Statement, actions: [ResolvedAction], run: LintRun) {
        // By position, here and below: a loop over the entries would copy each one.
        for index in actions.indices where actions[index].isEverything {
            let entry = actions[index]
            run.report(.allActions, "Action \"*\" allows every action of every AWS service, IAM included; list the actions the role needs",
                       path: entry.item.path, location: entry.item.location, statement: statement)
        }
        guard statement.resource?.items.contains(where: { $0.text.isStar }) == true else { return }
        for index in actions.indices where !actions[index].isEverything {
            let meaning = actions[index].meaning
            guard meaning.allowsPassRole || (!statement.hasCondition && (meaning.secretRead != nil || meaning.firstWrite != nil)) else { continue }
            let entry = actions[index]
            if meaning.allowsPassRole {
                // These messages depend on the entry's text only: made once per text (`ActionMeaning.message`).
                let message = meaning.message(.passRoleWithStar) {
                    "\(JSONWriter.quoted(entry.item.text)) allows iam:PassRole on \"*\": any role in the account, however powerful, can be handed to a service; name the roles (arn:aws:iam::ACCOUNT:role/NAME)"
                }
                run.report(.passRoleWithStar, message,
                           path: entry.item.path, location: entry.item.location, statement: statement)
            }
            // A condition (a tag, kms:ViaService, a source VPC…) narrows "*"; such statements are left alone.
            guard !statement.hasCondition else { continue }
            if let secret = meaning.secretRead {
                let message = meaning.message(.secretsReadableOnAllResources) {
                    "\(JSONWriter.quoted(entry.item.text)) lets the role read every \(secretNoun(secret)) in the account (Resource \"*\"); name the ones it needs"
                }
                run.report(.secretsReadableOnAllResources, message,
                           path: entry.item.path, location: entry.item.location, statement: statement)
            }
            if let first = meaning.firstWrite {
                let message = meaning.message(.writeOnAllResources) {
                    writeOnAllResourcesMessage(entry.item.text, isWildcard: entry.isWildcard, count: meaning.writeCount, first: first)
                }
                run.report(.writeOnAllResources, message,
                           path: entry.item.path, location: entry.item.location, statement: statement)
            }
        }
    }

    /// `"TEXT" allows ACTION, a write action that takes a resource, on every resource ("*");
    /// name the resources` (or, for a wildcard, how many such actions it allows). Put together
    /// as bytes: a lint of the managed policies makes 2,000 of these, and a String built piece
    /// by piece slows down once a piece is not ASCII (the ellipsis).
    static func writeOnAllResourcesMessage(_ text: String, isWildcard: Bool, count: Int, first: IAMAction) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 160)
        JSONWriter.writeString(text, into: &out)
        out += " allows ".utf8
        if isWildcard {
            out += String(count).utf8
            out += " write or permissions-management actions (".utf8
            out += first.service.utf8
            out.append(UInt8(ascii: ":"))
            out += first.name.utf8
            out += "…)".utf8
        } else {
            out += first.service.utf8
            out.append(UInt8(ascii: ":"))
            out += first.name.utf8
            out += ", a ".utf8
            out += first.accessLevel.rawValue.lowercased().utf8
            out += " action that takes a resource,".utf8
        }
        out += " on every resource (\"*\"); name the resources".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// A write or permissions-management action (PassRole aside, which has its own check) that
    /// takes a resource: on "*", it writes to every one.
    static func isWriteTakingResource(_ action: IAMAction) -> Bool {
        (action.accessLevel == .write || action.accessLevel == .permissionsManagement)
            && !isPassRole(action)
            && action.resourceTypes.contains { !$0.name.isEmpty }
    }

    static func secretNoun(_ action: IAMAction) -> String {
        switch action.service {
        case "kms": return "KMS key's data (kms:Decrypt)"
        case "ssm": return "SSM parameter"
        default: return "secret"
        }
    }

    static func checkTrust(_ statement: PolicyView.Statement, run: LintRun) {
        guard let principal = statement.principal else { return }
        let keys = statement.conditionKeys()
        if principal.string == "*" {
            if !statement.hasCondition { reportEveryone(statement, location: principal.location, run: run) }
            return
        }
        for member in principal.members ?? [] {
            let values: [LocatedJSON] = {
                if case let .array(items) = member.value.value { return items }
                return [member.value]
            }()
            for value in values {
                guard let text = value.string else { continue }
                switch member.key {
                case "AWS":
                    guard !statement.hasCondition else { continue }
                    if text == "*" {
                        reportEveryone(statement, location: value.location, run: run)
                    } else if IAMRules.isAccountID(text) || text == Placeholder.account || (text.hasPrefix("arn:") && text.hasSuffix(":root")) {
                        run.report(.trustAllowsWholeAccount, "\(JSONWriter.quoted(text)) lets every user and role of that account that its own policies allow assume this role, with no condition (such as sts:ExternalId or aws:PrincipalArn); name the roles or add a condition",
                                   path: statement.principalPath / "AWS", location: value.location, statement: statement)
                    }
                case "Service":
                    // EC2 assumes an instance profile's role for the instance itself, on no other
                    // account's behalf: the confused-deputy keys do not apply to it.
                    if text != RoleKind.instance.trustedService, keys.isDisjoint(with: confusedDeputyKeys) {
                        run.report(.missingConfusedDeputyCondition, "\(text) may assume the role on behalf of any account's resources; add aws:SourceAccount (and aws:SourceArn) so only your account's can (the confused-deputy problem)",
                                   path: statement.principalPath / "Service", location: value.location, statement: statement)
                    }
                default: break
                }
            }
        }
    }

    static func reportEveryone(_ statement: PolicyView.Statement, location: SourceLocation?, run: LintRun) {
        run.report(.trustAllowsEveryone, "Principal \"*\" with no condition lets anyone with AWS credentials assume this role, from any account",
                   path: statement.principalPath, location: location, statement: statement)
    }
}
