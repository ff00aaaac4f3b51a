import type { AwsErrorCode } from "@/lib/aws/classify-aws-error";

/**
 * An AWS failure already classified into one of Silkroute's error codes, with a message a user can
 * read. Collectors and identifyAccount throw it when a failure stops their work; the scan engine
 * stores the code and message and logs `detail` and `cause`.
 */
export class AwsOperationError extends Error {
  override readonly name = "AwsOperationError";

  constructor(
    readonly code: AwsErrorCode,
    message: string,
    readonly retryable: boolean,
    options: {
      /** The API operation that failed, e.g. "ListThings". */
      operation?: string;
      /** Technical detail for the log (AWS error name and message); never shown to users. */
      detail?: string;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.operation = options.operation;
    this.detail = options.detail;
  }

  readonly operation: string | undefined;
  readonly detail: string | undefined;
}
