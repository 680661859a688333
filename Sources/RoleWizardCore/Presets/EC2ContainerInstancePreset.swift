extension Preset {
    /// The EC2 launch type's container-instance role and its instance profile.
    static let ec2ContainerInstance = Preset(
        name: "ec2-container-instance",
        summary: "The EC2 launch type's container-instance role (ecsInstanceRole) and its instance profile.",
        source: "\"IAM Roles for ECS\": EC2 instance profile (EC2 launch type only) vs ECS task role",
        notes: [
            "EC2 assumes this role through the instance profile of the same name; the ECS agent on the instance uses it to "
                + "register, poll for tasks, pull from ECR and send logs (AmazonEC2ContainerServiceforEC2Role).",
            "Containers can reach these credentials through the instance metadata service: keep application permissions in "
                + "task roles, and block IMDS from tasks (ECS_AWSVPC_BLOCK_IMDS, or the iptables rule for bridge mode).",
        ],
        build: {
            Plan(roles: [
                Role(name: "ecsInstanceRole", kind: .instance,
                     managedPolicies: ["service-role/AmazonEC2ContainerServiceforEC2Role"]),
            ])
        })
}
