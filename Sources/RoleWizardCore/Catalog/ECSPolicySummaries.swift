/// Short summaries of the AWS managed policies that matter to ECS workloads, written for this
/// tool. The catalog marks these as ECS-relevant and ranks them first.
enum ECSPolicySummaries {
    static let byName: [String: String] = [
        "AmazonECSTaskExecutionRolePolicy":
            "For the task execution role: pull images from ECR and write container logs to CloudWatch Logs. "
            + "Secrets and parameters injected at start need their own statements.",
        "AmazonEC2ContainerServiceforEC2Role":
            "For the EC2 container-instance role: lets the ECS agent register the instance, poll for tasks, "
            + "pull from ECR and write logs. Not for tasks.",
        "AmazonEC2ContainerServiceRole":
            "Legacy ECS service role for classic load balancer registration; the ECS service-linked role replaced it.",
        "AmazonEC2ContainerServiceAutoscaleRole":
            "For Application Auto Scaling to change an ECS service's desired count.",
        "AmazonEC2ContainerServiceEventsRole":
            "For EventBridge to run ECS tasks on a schedule or event (ecs:RunTask and iam:PassRole).",
        "AmazonECSServiceRolePolicy":
            "Policy of the ECS service-linked role (AWSServiceRoleForECS). Managed by AWS; never attach it yourself.",
        "AmazonECS_FullAccess":
            "Full ECS administration for people and pipelines; far too broad for any task role.",
        "AmazonECSInfrastructureRolePolicyForVolumes":
            "For the ECS infrastructure role that attaches EBS volumes to tasks.",
        "AmazonEC2ContainerRegistryReadOnly":
            "Pull images from any ECR repository. Execution roles already get this through AmazonECSTaskExecutionRolePolicy.",
        "AmazonEC2ContainerRegistryPowerUser":
            "Push and pull ECR images; for CI pipelines, not for tasks.",
        "AmazonEC2ContainerRegistryFullAccess":
            "Full ECR administration, including deleting repositories; not for tasks.",
        "AmazonSSMManagedInstanceCore":
            "Lets the SSM agent on an EC2 instance register with Systems Manager (Session Manager, Run Command).",
        "AmazonSSMReadOnlyAccess":
            "Read every SSM resource, including every parameter in the account: broad; the ssm-parameters block is narrower.",
        "SecretsManagerReadWrite":
            "Read and write every secret, plus related services: broad; the secrets-read block is narrower.",
        "AmazonS3ReadOnlyAccess":
            "Read every object in every bucket: broad; the s3-read-only block names buckets.",
        "CloudWatchLogsFullAccess":
            "Full CloudWatch Logs administration; the logs-write block is narrower.",
        "CloudWatchAgentServerPolicy":
            "What the CloudWatch agent needs to publish metrics and logs from an instance or sidecar.",
        "AWSXRayDaemonWriteAccess":
            "Lets an X-Ray daemon or ADOT sidecar send traces.",
        "AWSAppMeshEnvoyAccess":
            "Lets an App Mesh Envoy sidecar read its mesh configuration.",
    ]
}
