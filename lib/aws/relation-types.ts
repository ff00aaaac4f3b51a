/**
 * The relation types the collectors emit. Every relation reads "from <type> to", e.g.
 * "thing has-type thing type", "rule writes-to bucket", "bucket encrypted-by key".
 */
export const REL = {
  /** thing -> thing type */
  hasType: "has-type",
  /** thing -> thing group, thing -> billing group */
  memberOf: "member-of",
  /** thing group -> parent thing group */
  childOf: "child-of",
  /** certificate or Cognito identity -> thing; policy -> certificate / thing group / identity */
  attachedTo: "attached-to",
  /** certificate -> CA certificate */
  issuedBy: "issued-by",
  /** rule -> bucket, table, stream, queue, topic, database, log group...; trail -> bucket, log group, topic */
  writesTo: "writes-to",
  /** rule -> function; authorizer -> function; provisioning template -> pre-provisioning hook function */
  invokes: "invokes",
  /** anything that acts with an IAM role -> the role */
  assumesRole: "assumes-role",
  /** rule -> rule destination (HTTP and VPC/Kafka actions) */
  usesDestination: "uses-destination",
  /** job -> thing or thing group */
  targets: "targets",
  /** job -> job template */
  createdFrom: "created-from",
  /** bucket, table, stream, queue, topic, database, log group, function, trail -> KMS key or alias */
  encryptedBy: "encrypted-by",
  /** DynamoDB table -> its replica in another region; bucket -> replication destination bucket */
  replicatesTo: "replicates-to",
  /** queue or function -> dead-letter queue or topic */
  deadLettersTo: "dead-letters-to",
  /** Timestream table -> database */
  partOf: "part-of",
  /** domain configuration -> default authorizer; CA certificate -> provisioning template */
  uses: "uses",
  /** KMS alias -> the key it names */
  aliasOf: "alias-of",
} as const;

export type RelationType = (typeof REL)[keyof typeof REL];
