/// Every check the linter runs: its code, its severity and what it is about.
///
/// The README's list of checks, `lint --list-checks` and the tests that make every check fire
/// (and a close document not fire) are all driven by this list and `LintCheck.example`.
public enum LintCheck: String, Sendable, CaseIterable, Codable {
    // Grammar
    case syntaxError = "SYNTAX_ERROR"
    case invalidSpec = "INVALID_SPEC"
    case notAPolicy = "NOT_A_POLICY"
    case missingVersion = "MISSING_VERSION"
    case oldVersion = "OLD_VERSION"
    case invalidVersion = "INVALID_VERSION"
    case unknownKey = "UNKNOWN_KEY"
    case duplicateKey = "DUPLICATE_KEY"
    case wrongType = "WRONG_TYPE"
    case missingStatement = "MISSING_STATEMENT"
    case invalidEffect = "INVALID_EFFECT"
    case duplicateSid = "DUPLICATE_SID"
    case invalidSid = "INVALID_SID"
    case missingAction = "MISSING_ACTION"
    case missingResource = "MISSING_RESOURCE"
    case conflictingElements = "CONFLICTING_ELEMENTS"
    case principalInIdentityPolicy = "PRINCIPAL_IN_IDENTITY_POLICY"
    case missingPrincipal = "MISSING_PRINCIPAL"
    case resourceInTrustPolicy = "RESOURCE_IN_TRUST_POLICY"
    case invalidPrincipal = "INVALID_PRINCIPAL"
    case trustActionNotSTS = "TRUST_ACTION_NOT_STS"
    // Actions
    case invalidActionSyntax = "INVALID_ACTION_SYNTAX"
    case unknownService = "UNKNOWN_SERVICE"
    case unknownAction = "UNKNOWN_ACTION"
    case wildcardMatchesNothing = "WILDCARD_MATCHES_NOTHING"
    case redundantAction = "REDUNDANT_ACTION"
    case allowWithNotAction = "ALLOW_WITH_NOT_ACTION"
    case allowWithNotResource = "ALLOW_WITH_NOT_RESOURCE"
    // Resources
    case invalidARN = "INVALID_ARN"
    case invalidAccountID = "INVALID_ACCOUNT_ID"
    case arnServiceMismatch = "ARN_SERVICE_MISMATCH"
    case resourceTypeMismatch = "RESOURCE_TYPE_MISMATCH"
    // Conditions
    case unknownOperator = "UNKNOWN_OPERATOR"
    case unknownGlobalConditionKey = "UNKNOWN_GLOBAL_CONDITION_KEY"
    case unknownServiceConditionKey = "UNKNOWN_SERVICE_CONDITION_KEY"
    case conditionKeyNotForActions = "CONDITION_KEY_NOT_FOR_ACTIONS"
    case conditionTypeMismatch = "CONDITION_TYPE_MISMATCH"
    // Security
    case passRoleWithStar = "PASS_ROLE_WITH_STAR"
    case allActions = "ALL_ACTIONS"
    case writeOnAllResources = "WRITE_ON_ALL_RESOURCES"
    case secretsReadableOnAllResources = "SECRETS_READABLE_ON_ALL_RESOURCES"
    case trustAllowsEveryone = "TRUST_ALLOWS_EVERYONE"
    case trustAllowsWholeAccount = "TRUST_ALLOWS_WHOLE_ACCOUNT"
    case allowWithNotPrincipal = "ALLOW_WITH_NOT_PRINCIPAL"
    case missingConfusedDeputyCondition = "MISSING_CONFUSED_DEPUTY_CONDITION"
    // ECS
    case executeCommandInTaskRole = "EXECUTE_COMMAND_IN_TASK_ROLE"
    case wrongTrustForRoleKind = "WRONG_TRUST_FOR_ROLE_KIND"
    case executionRoleIncomplete = "EXECUTION_ROLE_INCOMPLETE"
    // Size
    case trustPolicyTooLarge = "TRUST_POLICY_TOO_LARGE"
    case inlinePoliciesTooLarge = "INLINE_POLICIES_TOO_LARGE"
    case managedPolicyTooLarge = "MANAGED_POLICY_TOO_LARGE"

    public enum Family: String, Sendable, CaseIterable {
        case grammar = "Grammar", actions = "Actions", resources = "Resources", conditions = "Conditions"
        case security = "Security", ecs = "ECS", size = "Size"
    }

    public var severity: Severity {
        switch self {
        case .missingVersion, .oldVersion, .allowWithNotAction, .allowWithNotResource, .arnServiceMismatch,
             .resourceTypeMismatch, .unknownServiceConditionKey, .conditionKeyNotForActions,
             .executeCommandInTaskRole, .executionRoleIncomplete:
            return .warning
        case .redundantAction, .missingConfusedDeputyCondition:
            return .suggestion
        case .passRoleWithStar, .allActions, .writeOnAllResources, .secretsReadableOnAllResources,
             .trustAllowsEveryone, .trustAllowsWholeAccount, .allowWithNotPrincipal:
            return .securityWarning
        default:
            return .error
        }
    }

    public var family: Family {
        switch self {
        case .syntaxError, .invalidSpec, .notAPolicy, .missingVersion, .oldVersion, .invalidVersion, .unknownKey, .duplicateKey,
             .wrongType, .missingStatement, .invalidEffect, .duplicateSid, .invalidSid, .missingAction,
             .missingResource, .conflictingElements, .principalInIdentityPolicy, .missingPrincipal,
             .resourceInTrustPolicy, .invalidPrincipal, .trustActionNotSTS:
            return .grammar
        case .invalidActionSyntax, .unknownService, .unknownAction, .wildcardMatchesNothing, .redundantAction,
             .allowWithNotAction, .allowWithNotResource:
            return .actions
        case .invalidARN, .invalidAccountID, .arnServiceMismatch, .resourceTypeMismatch:
            return .resources
        case .unknownOperator, .unknownGlobalConditionKey, .unknownServiceConditionKey, .conditionKeyNotForActions,
             .conditionTypeMismatch:
            return .conditions
        case .passRoleWithStar, .allActions, .writeOnAllResources, .secretsReadableOnAllResources,
             .trustAllowsEveryone, .trustAllowsWholeAccount, .allowWithNotPrincipal, .missingConfusedDeputyCondition:
            return .security
        case .executeCommandInTaskRole, .wrongTrustForRoleKind, .executionRoleIncomplete:
            return .ecs
        case .trustPolicyTooLarge, .inlinePoliciesTooLarge, .managedPolicyTooLarge:
            return .size
        }
    }

    /// One line on what the check finds.
    public var title: String {
        switch self {
        case .syntaxError: return "The file is not valid JSON (or YAML)."
        case .invalidSpec: return "A spec file with problems (the ones `validate` reports)."
        case .notAPolicy: return "The document is not a JSON object."
        case .missingVersion: return "No Version: IAM falls back to 2008-10-17, which has no policy variables."
        case .oldVersion: return "Version 2008-10-17: policy variables such as ${aws:username} are not replaced."
        case .invalidVersion: return "Version is neither 2012-10-17 nor 2008-10-17."
        case .unknownKey: return "A key IAM does not know at the top level or in a statement."
        case .duplicateKey: return "The same key twice in one object: IAM keeps only one of them."
        case .wrongType: return "A value of the wrong JSON type (a number for Action, an object for Resource…)."
        case .missingStatement: return "No Statement, or an empty one."
        case .invalidEffect: return "Effect missing, or not exactly Allow or Deny."
        case .duplicateSid: return "Two statements with the same Sid."
        case .invalidSid: return "A Sid with characters other than ASCII letters and digits."
        case .missingAction: return "A statement with no Action or NotAction, or an empty list."
        case .missingResource: return "A permissions statement with no Resource or NotResource."
        case .conflictingElements: return "Action with NotAction, Resource with NotResource, or Principal with NotPrincipal."
        case .principalInIdentityPolicy: return "Principal in a permissions policy: the identity it is attached to is the principal."
        case .missingPrincipal: return "A trust policy statement with no Principal."
        case .resourceInTrustPolicy: return "Resource in a trust policy: the role itself is the resource."
        case .invalidPrincipal: return "A principal that is not *, an account, an IAM ARN, a service or a federated provider."
        case .trustActionNotSTS: return "A trust policy allowing an action other than sts:…"
        case .invalidActionSyntax: return "An action not written SERVICE:Action."
        case .unknownService: return "A service prefix IAM does not have (closest ones suggested)."
        case .unknownAction: return "An action the service does not have (closest ones suggested)."
        case .wildcardMatchesNothing: return "A wildcard action that matches no action."
        case .redundantAction: return "An action already covered by a wildcard in the same statement."
        case .allowWithNotAction: return "Allow with NotAction: allows every other action, including future ones."
        case .allowWithNotResource: return "Allow with NotResource: allows every other resource, including future ones."
        case .invalidARN: return "A resource that is neither * nor a well-formed ARN."
        case .invalidAccountID: return "An account ID in an ARN that is not 12 digits."
        case .arnServiceMismatch: return "A resource ARN of a service none of the statement's actions uses."
        case .resourceTypeMismatch: return "An action whose resources are all of types it does not take."
        case .unknownOperator: return "A condition operator IAM does not have."
        case .unknownGlobalConditionKey: return "An aws: condition key that is not a global condition key."
        case .unknownServiceConditionKey: return "A service condition key the service does not define."
        case .conditionKeyNotForActions: return "A service condition key none of the statement's actions supports."
        case .conditionTypeMismatch: return "An operator of the wrong type for the key (a Date operator on a string key…)."
        case .passRoleWithStar: return "iam:PassRole on *: any role, however powerful, can be handed to a service."
        case .allActions: return "Action * with Allow: every action of every service."
        case .writeOnAllResources: return "Write or permissions-management actions on * where the action takes a resource."
        case .secretsReadableOnAllResources: return "Secrets, parameters or keys readable on *."
        case .trustAllowsEveryone: return "A trust policy that lets anyone (*) assume the role without a condition."
        case .trustAllowsWholeAccount: return "A trust policy that lets a whole account assume the role without a condition."
        case .allowWithNotPrincipal: return "Allow with NotPrincipal: everyone but the listed principals."
        case .missingConfusedDeputyCondition: return "A service principal trusted without aws:SourceAccount / aws:SourceArn."
        case .executeCommandInTaskRole: return "ecs:ExecuteCommand in a task role: it belongs to the operator who runs ECS Exec."
        case .wrongTrustForRoleKind: return "A task or execution role not trusting ecs-tasks.amazonaws.com (or an instance role not trusting ec2.amazonaws.com)."
        case .executionRoleIncomplete: return "An execution role without what pulling from ECR and writing logs needs."
        case .trustPolicyTooLarge: return "A trust policy over 2,048 characters (whitespace not counted)."
        case .inlinePoliciesTooLarge: return "A role's inline policies over 10,240 characters together."
        case .managedPolicyTooLarge: return "A managed policy over 6,144 characters."
        }
    }
}
