/**
 * Thrown by the AWS client factory when code tries to send a command that could change the AWS
 * account. Silkroute only reads AWS; this error means a bug, never a user mistake, and the command
 * was refused before anything was sent.
 */
export class ReadOnlyViolationError extends Error {
  override readonly name = "ReadOnlyViolationError";
  readonly code = "ReadOnlyViolation";

  constructor(
    readonly service: string,
    readonly operation: string,
  ) {
    super(
      `Refused to call ${service}:${operation}: Silkroute reads AWS read-only and only sends List, Describe ` +
        `and Get operations. Nothing was sent to AWS.`,
    );
  }
}
