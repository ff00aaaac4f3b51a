import { AppError, reasonText, type ErrorParams, type ErrorReason } from "@/lib/errors";

/**
 * A socket the SDK was about to open to a connection's custom endpoint, refused by the endpoint
 * rules (lib/connections/check-endpoint-url.ts): a metadata, link-local or reserved address, or a
 * loopback or private one that the server does not allow. Its message is Silkroute's own text,
 * never the endpoint's answer; classifyAwsError reports it as `EndpointRefused`.
 */
export class EndpointRefusedError extends Error {
  override readonly name = "EndpointRefusedError";
  readonly code = "EndpointRefused";
  constructor(
    readonly reason: ErrorReason,
    readonly params: ErrorParams,
  ) {
    super(reasonText(reason, params));
  }

  toAppError(): AppError {
    return new AppError("VALIDATION_FAILED", this.reason, this.params);
  }
}
