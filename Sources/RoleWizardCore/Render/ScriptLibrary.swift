/// The bash functions shared by apply.sh and teardown.sh. Plan values never appear in this
/// text: they are passed to the functions as single-quoted arguments.
enum ScriptLibrary {
    /// Set-up: strict mode, paths, the caller's account and (when needed) region.
    static func prelude(script: String, partition: String, account: String?, region: String?, needsRegion: Bool) -> String {
        var text = #"""
        set -euo pipefail
        here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
        export AWS_PAGER=""
        errors=$(mktemp)
        trap 'rm -f "$errors"' EXIT

        say() { printf '%s\n' "$*"; }
        fail() { printf '%s: %s\n' "\#(script)" "$*" >&2; exit 1; }

        # probe COMMAND...: runs an aws call, keeping its output in $reply. Succeeds when the
        # entity exists, fails when IAM answers NoSuchEntity, and stops the script on any other error.
        probe() {
          if reply=$("$@" 2>"$errors"); then return 0; fi
          if grep -q NoSuchEntity "$errors"; then return 1; fi
          cat "$errors" >&2
          fail "aws ${*:1:3} failed"
        }

        # fill TEXT: prints TEXT with {{AccountId}} and {{Region}} replaced.
        fill() {
          local text=$1
          text=${text//'{{AccountId}}'/$account}
          text=${text//'{{Region}}'/$region}
          printf '%s' "$text"
        }

        # document FILE: prints a policy document of this folder, filled in.
        document() {
          [[ -f "$here/$1" ]] || fail "missing $1 beside the script"
          fill "$(<"$here/$1")"
        }

        partition=\#(ShellQuote.quote(partition))
        expected_account=\#(ShellQuote.quote(account ?? ""))
        region=\#(ShellQuote.quote(region ?? ""))
        account=$(aws sts get-caller-identity --query Account --output text 2>"$errors") || {
          cat "$errors" >&2
          fail "cannot ask AWS who these credentials belong to (aws sts get-caller-identity)"
        }
        if [[ -n $expected_account && $account != "$expected_account" ]]; then
          fail "the credentials are for account $account, but this plan is for account $expected_account"
        fi

        """#
        if needsRegion {
            text += #"""
            if [[ -z $region ]]; then
              region=${AWS_REGION:-${AWS_DEFAULT_REGION:-}}
              [[ -n $region ]] || region=$(aws configure get region 2>/dev/null || true)
            fi
            [[ $region =~ ^[a-z]+(-[a-z]+)+-[0-9]+$ ]] || fail "the plan needs a region; set AWS_REGION (found '$region')"

            """#
        }
        text += #"say "${0##*/}: account $account, partition $partition""# + "\n"
        return text
    }

    static let applyFunctions = #"""
    # ensure_policy NAME ARN FILE CREATE_REQUEST: a customer managed policy with this document.
    ensure_policy() {
      local name=$1 arn doc version stale
      arn=$(fill "$2")
      doc=$(document "$3")
      if ! probe aws iam get-policy --policy-arn="$arn" --query Policy.DefaultVersionId --output text; then
        aws iam create-policy --cli-input-json "$4" --policy-document "$doc" >/dev/null
        say "policy $name: created"
        return
      fi
      version=$reply
      probe aws iam get-policy-version --policy-arn="$arn" --version-id="$version" \
        --query "PolicyVersion.Document == \`$doc\`" --output text
      if [[ $reply == True ]]; then say "policy $name: unchanged"; return; fi
      # IAM keeps at most five versions; drop the old ones before adding the new default.
      stale=$(aws iam list-policy-versions --policy-arn="$arn" --query 'Versions[?!IsDefaultVersion].VersionId' --output text)
      for version in $stale; do
        aws iam delete-policy-version --policy-arn="$arn" --version-id="$version"
      done
      aws iam create-policy-version --policy-arn="$arn" --policy-document "$doc" --set-as-default >/dev/null
      say "policy $name: document updated"
    }

    # ensure_role NAME PATH TRUST_FILE CREATE_REQUEST: creates the role, or checks that an
    # existing one has the same path (IAM cannot change a role's path) and trust policy.
    ensure_role() {
      local name=$1 path=$2 trust
      trust=$(document "$3")
      if ! probe aws iam get-role --role-name="$name" --query Role.Path --output text; then
        # Names, path, description and tags are used as written; only documents and ARNs hold placeholders.
        aws iam create-role --cli-input-json "$4" --assume-role-policy-document "$trust" >/dev/null
        say "role $name: created"
        return
      fi
      if [[ $reply != "$path" ]]; then
        fail "role $name exists with path $reply, not $path; IAM cannot move a role: run teardown.sh first or rename it"
      fi
      probe aws iam get-role --role-name="$name" --query "Role.AssumeRolePolicyDocument == \`$trust\`" --output text
      if [[ $reply == True ]]; then
        say "role $name: exists, trust policy unchanged"
      else
        aws iam update-assume-role-policy --role-name="$name" --policy-document "$trust"
        say "role $name: trust policy updated"
      fi
    }

    # sync_settings NAME QUERY UPDATE_REQUEST: description and maximum session duration.
    sync_settings() {
      probe aws iam get-role --role-name="$1" --query "$2" --output text
      if [[ $reply != True ]]; then
        aws iam update-role --cli-input-json "$3"
        say "role $1: description and session duration updated"
      fi
    }

    # sync_boundary NAME [ARN]: the permissions boundary, or none.
    sync_boundary() {
      local name=$1 want=${2:+$(fill "$2")}
      probe aws iam get-role --role-name="$name" --query 'Role.PermissionsBoundary.PermissionsBoundaryArn' --output text
      [[ $reply == None ]] && reply=''
      [[ $reply == "$want" ]] && return
      if [[ -n $want ]]; then
        aws iam put-role-permissions-boundary --role-name="$name" --permissions-boundary="$want"
        say "role $name: permissions boundary set"
      else
        aws iam delete-role-permissions-boundary --role-name="$name"
        say "role $name: permissions boundary removed"
      fi
    }

    # sync_tags NAME SORTED_TAGS KEYS TAG_REQUEST UNTAG_PREFIX: exactly these tags.
    sync_tags() {
      local name=$1 stale
      probe aws iam list-role-tags --role-name="$name" --query "sort_by(Tags, &Key) == \`$2\`" --output text
      [[ $reply == True ]] && return
      stale=$(aws iam list-role-tags --role-name="$name" --query "Tags[?!contains(\`$3\`, Key)].Key" --output json)
      if [[ $stale != '[]' ]]; then
        aws iam untag-role --cli-input-json "$5$stale}"
      fi
      if [[ $2 != '[]' ]]; then
        aws iam tag-role --cli-input-json "$4"
      fi
      say "role $name: tags updated"
    }

    # sync_inline ROLE POLICY FILE: an inline policy with this document.
    sync_inline() {
      local doc
      doc=$(document "$3")
      if probe aws iam get-role-policy --role-name="$1" --policy-name="$2" \
          --query "PolicyDocument == \`$doc\`" --output text && [[ $reply == True ]]; then
        say "role $1: inline policy $2 unchanged"
        return
      fi
      aws iam put-role-policy --role-name="$1" --policy-name="$2" --policy-document "$doc"
      say "role $1: inline policy $2 written"
    }

    # prune_inline ROLE KEEP: deletes inline policies not named in the JSON list KEEP.
    prune_inline() {
      local stale policy
      stale=$(aws iam list-role-policies --role-name="$1" --query "PolicyNames[?!contains(\`$2\`, @)]" --output text)
      for policy in $stale; do
        aws iam delete-role-policy --role-name="$1" --policy-name="$policy"
        say "role $1: inline policy $policy deleted (not in the plan)"
      done
    }

    # sync_attachments ROLE [ARN...]: exactly these managed policies attached.
    sync_attachments() {
      local name=$1 arn attached want=()
      shift
      for arn in "$@"; do want+=("$(fill "$arn")"); done
      attached=" $(aws iam list-attached-role-policies --role-name="$name" --query 'AttachedPolicies[].PolicyArn' --output text | tr '\t' ' ') "
      for arn in "${want[@]}"; do
        if [[ $attached != *" $arn "* ]]; then
          aws iam attach-role-policy --role-name="$name" --policy-arn="$arn"
          say "role $name: attached $arn"
        fi
      done
      for arn in $attached; do
        if [[ " ${want[*]} " != *" $arn "* ]]; then
          aws iam detach-role-policy --role-name="$name" --policy-arn="$arn"
          say "role $name: detached $arn (not in the plan)"
        fi
      done
    }

    # ensure_instance_profile NAME PATH: an instance profile holding the role of the same name,
    # and only it (a profile holds one role).
    ensure_instance_profile() {
      local other
      if ! probe aws iam get-instance-profile --instance-profile-name="$1" \
          --query 'InstanceProfile.Roles[].RoleName' --output text; then
        aws iam create-instance-profile --instance-profile-name="$1" --path="$2" >/dev/null
        say "instance profile $1: created"
        reply=''
      fi
      for other in $reply; do
        if [[ $other != "$1" ]]; then
          aws iam remove-role-from-instance-profile --instance-profile-name="$1" --role-name="$other"
          say "instance profile $1: removed role $other (not in the plan)"
        fi
      done
      if [[ " $(tr '\t' ' ' <<<"$reply") " != *" $1 "* ]]; then
        aws iam add-role-to-instance-profile --instance-profile-name="$1" --role-name="$1"
        say "instance profile $1: role added"
      fi
    }

    """#

    static let teardownFunctions = #"""
    # remove_role NAME: detaches and deletes everything IAM requires, then the role.
    remove_role() {
      local name=$1 item
      if ! probe aws iam get-role --role-name="$name" --query Role.RoleName --output text; then
        say "role $name: not there"
        return
      fi
      for item in $(aws iam list-instance-profiles-for-role --role-name="$name" --query 'InstanceProfiles[].InstanceProfileName' --output text); do
        aws iam remove-role-from-instance-profile --instance-profile-name="$item" --role-name="$name"
      done
      for item in $(aws iam list-attached-role-policies --role-name="$name" --query 'AttachedPolicies[].PolicyArn' --output text); do
        aws iam detach-role-policy --role-name="$name" --policy-arn="$item"
      done
      for item in $(aws iam list-role-policies --role-name="$name" --query 'PolicyNames' --output text); do
        aws iam delete-role-policy --role-name="$name" --policy-name="$item"
      done
      aws iam delete-role --role-name="$name"
      say "role $name: deleted"
    }

    # remove_instance_profile NAME
    remove_instance_profile() {
      local item
      if ! probe aws iam get-instance-profile --instance-profile-name="$1" --query 'InstanceProfile.Roles[].RoleName' --output text; then
        say "instance profile $1: not there"
        return
      fi
      for item in $reply; do
        aws iam remove-role-from-instance-profile --instance-profile-name="$1" --role-name="$item"
      done
      aws iam delete-instance-profile --instance-profile-name="$1"
      say "instance profile $1: deleted"
    }

    # remove_policy NAME ARN: detaches a customer managed policy everywhere, then deletes it.
    remove_policy() {
      local arn item
      arn=$(fill "$2")
      if ! probe aws iam get-policy --policy-arn="$arn" --query Policy.Arn --output text; then
        say "policy $1: not there"
        return
      fi
      for item in $(aws iam list-entities-for-policy --policy-arn="$arn" --query 'PolicyRoles[].RoleName' --output text); do
        aws iam detach-role-policy --role-name="$item" --policy-arn="$arn"
      done
      for item in $(aws iam list-entities-for-policy --policy-arn="$arn" --query 'PolicyUsers[].UserName' --output text); do
        aws iam detach-user-policy --user-name="$item" --policy-arn="$arn"
      done
      for item in $(aws iam list-entities-for-policy --policy-arn="$arn" --query 'PolicyGroups[].GroupName' --output text); do
        aws iam detach-group-policy --group-name="$item" --policy-arn="$arn"
      done
      for item in $(aws iam list-policy-versions --policy-arn="$arn" --query 'Versions[?!IsDefaultVersion].VersionId' --output text); do
        aws iam delete-policy-version --policy-arn="$arn" --version-id="$item"
      done
      aws iam delete-policy --policy-arn="$arn"
      say "policy $1: deleted"
    }

    """#
}
