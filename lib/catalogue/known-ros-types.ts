/**
 * The ROS (Resource Orchestration Service) resource types the catalogue may name as a target, each
 * with where its name was checked. A catalogue entry naming any other ROS type is refused
 * (catalogue-schema.ts): ROS types are never guessed. Add a type only with a source.
 *
 * Sources:
 * - "research-note": /work/shared/research/alibaba-iot-target.md ("Infrastructure as code" and
 *   "Corrections": the six IoT types, checked 2026-12 against ROS's pages).
 * - "ros-cdk": the type string as generated in aliyun/Resource-Orchestration-Service-Cloud-Development-Kit
 *   ("A ROS resource type: ``ALIYUN::...``" in the per-service CDK packages).
 * - "ros-templates": the type as used in public ROS templates (`Type: ALIYUN::ECS::...` lines found
 *   across public repositories); not read from ROS's own reference pages.
 * - "tablestore-docs": https://www.alibabacloud.com/help/en/tablestore/table-store-service/developer-reference/ros-resource-list-of-tablestore
 */
export type RosTypeSource = "research-note" | "ros-cdk" | "ros-templates" | "tablestore-docs";

export const KNOWN_ROS_TYPES = {
  "ALIYUN::IOT::Product": "research-note",
  "ALIYUN::IOT::Device": "research-note",
  "ALIYUN::IOT::DeviceGroup": "research-note",
  "ALIYUN::IOT::ProductTopic": "research-note",
  "ALIYUN::IOT::Rule": "research-note",
  "ALIYUN::IOT::RuleAction": "research-note",
  "ALIYUN::OSS::Bucket": "ros-cdk",
  "ALIYUN::OTS::Instance": "tablestore-docs",
  "ALIYUN::OTS::Table": "tablestore-docs",
  "ALIYUN::FC::Function": "ros-cdk",
  "ALIYUN::DATAHUB::Project": "ros-cdk",
  "ALIYUN::DATAHUB::Topic": "ros-cdk",
  "ALIYUN::MNS::Queue": "ros-cdk",
  "ALIYUN::MNS::Topic": "ros-cdk",
  "ALIYUN::ROCKETMQ5::Instance": "ros-cdk",
  "ALIYUN::SLS::Project": "ros-cdk",
  "ALIYUN::SLS::Logstore": "ros-cdk",
  "ALIYUN::ACTIONTRAIL::Trail": "ros-cdk",
  "ALIYUN::RAM::Role": "ros-cdk",
  "ALIYUN::KMS::Key": "ros-cdk",
  "ALIYUN::KMS::Alias": "ros-cdk",
  "ALIYUN::KMS::Secret": "ros-cdk",
  "ALIYUN::Lindorm::Instance": "ros-cdk",
  "ALIYUN::ECS::Instance": "ros-templates",
  "ALIYUN::ECS::VPC": "ros-templates",
  "ALIYUN::ECS::VSwitch": "ros-templates",
  "ALIYUN::ECS::SecurityGroup": "ros-templates",
  "ALIYUN::ECS::Disk": "ros-templates",
  "ALIYUN::RDS::DBInstance": "ros-cdk",
  "ALIYUN::POLARDB::DBCluster": "ros-cdk",
  "ALIYUN::CS::ManagedKubernetesCluster": "ros-cdk",
  "ALIYUN::CR::Instance": "ros-cdk",
  "ALIYUN::SLB::LoadBalancer": "ros-cdk",
  "ALIYUN::ALB::LoadBalancer": "ros-cdk",
  "ALIYUN::REDIS::Instance": "ros-cdk",
  "ALIYUN::MONGODB::Instance": "ros-cdk",
  "ALIYUN::KAFKA::Instance": "ros-cdk",
  "ALIYUN::NAS::FileSystem": "ros-cdk",
  "ALIYUN::CEN::CenInstance": "ros-cdk",
  "ALIYUN::DNS::Domain": "ros-cdk",
  "ALIYUN::PVTZ::Zone": "ros-cdk",
  "ALIYUN::CDN::Domain": "ros-cdk",
  "ALIYUN::ApiGateway::Api": "ros-cdk",
  "ALIYUN::ElasticSearch::Instance": "ros-cdk",
  "ALIYUN::FNF::Flow": "ros-cdk",
  "ALIYUN::ROS::Stack": "ros-cdk",
} as const satisfies Record<string, RosTypeSource>;

export type KnownRosType = keyof typeof KNOWN_ROS_TYPES;

export function isKnownRosType(value: string): value is KnownRosType {
  return Object.hasOwn(KNOWN_ROS_TYPES, value);
}
