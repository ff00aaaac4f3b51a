/**
 * Fields that change on every read without anything having been changed by anyone: delivery
 * times, restore windows, message and byte counters. They are stored (the raw data stays as AWS
 * returned it) but left out of the content hash, so comparing two scans shows real changes only.
 */
export const VOLATILE_KEYS: Record<string, ReadonlySet<string>> = {
  "AWS::CloudTrail::Trail": new Set([
    "LatestDeliveryTime",
    "LatestDigestDeliveryTime",
    "LatestCloudWatchLogsDeliveryTime",
    "LatestNotificationTime",
    "LatestDeliveryAttemptTime",
    "LatestNotificationAttemptTime",
    "LatestDeliveryAttemptSucceeded",
    "LatestNotificationAttemptSucceeded",
    "LatestDeliveryError",
    "LatestDigestDeliveryError",
  ]),
  "AWS::DynamoDB::Table": new Set(["LatestRestorableDateTime", "EarliestRestorableDateTime", "ItemCount", "TableSizeBytes"]),
  "AWS::SQS::Queue": new Set(["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"]),
  "AWS::Logs::LogGroup": new Set(["storedBytes"]),
  "AWS::Kinesis::Stream": new Set(["OpenShardCount"]),
};

/** The value without the volatile keys of its kind (anywhere in the tree); the value itself when none. */
export function withoutVolatile(kind: string, value: unknown): unknown {
  const keys = VOLATILE_KEYS[kind];
  if (!keys) return value;
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => !keys.has(k)).map(([k, x]) => [k, strip(x)]));
    }
    return v;
  };
  return strip(value);
}
