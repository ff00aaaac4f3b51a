/**
 * The contract between the stand-in server and the services it emulates. Each service is one
 * file under services/ that exports a ServiceDefinition; the registry maps signing names to them.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { EstateIndex, RegionIndex } from "./estate-index";
import { AwsError, type ProtocolMeta, type Reply } from "./protocol";

/** A request as it arrived, before it is matched to an operation. */
export interface IncomingCall {
  method: string;
  /** Path as sent (percent-encoded), without the query string. */
  rawPath: string;
  rawQuery: string;
  /** Query parameters, decoded; the first value of each. */
  query: Map<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface CallerIdentity {
  accessKeyId: string;
  accountId: string;
  arn: string;
  userId: string;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch seconds. */
  expiration: number;
  assumedRoleId: string;
  assumedRoleArn: string;
}

/** What a handler gets: the call, where it is aimed, who makes it, and the estate to answer from. */
export interface CallContext extends IncomingCall {
  requestId: string;
  service: ServiceDefinition;
  operation: string;
  /** Decoded path labels of REST operations. */
  labels: Record<string, string>;
  region: string;
  accountId: string;
  index: RegionIndex;
  estateIndex: EstateIndex;
  /** Origin the client used to reach the server, e.g. "http://127.0.0.1:4566". */
  origin: string;
  /** Host name part of the origin. */
  hostname: string;
  caller: CallerIdentity;
  /** Parsed JSON body (JSON protocols) or form parameters (query protocol). */
  input: Record<string, unknown>;
  /** S3: answer bucket calls signed for another region with a redirect, as S3 does. */
  strictS3Regions: boolean;
  /** Timestream: the address DescribeEndpoints answers, when not the host the request came to. */
  discoveryAddress?: string;
  /** STS: mint temporary credentials for an assumed role. */
  issueCredentials(roleArn: string, sessionName: string, durationSeconds: number): IssuedCredentials;
  /** STS: whether the server allows the caller to assume a role with the given external id. */
  canAssume(roleArn: string, externalId: string | undefined): boolean;
}

export type OperationHandler = (ctx: CallContext) => Reply | Promise<Reply>;

export interface ResolvedOperation {
  operation: string;
  labels?: Record<string, string>;
  /** For query and JSON protocols: the parsed input, so it is not parsed twice. */
  input?: Record<string, unknown>;
}

export interface ErrorShape {
  status: number;
  code: string;
  message?: string;
  queryCode?: string;
}

export interface ServiceErrors {
  throttling: ErrorShape;
  internal: ErrorShape;
  accessDenied: ErrorShape;
  unrecognizedClient: ErrorShape;
  badSignature: ErrorShape;
  expiredToken: ErrorShape;
  unknownOperation: ErrorShape;
}

export interface ServiceDefinition {
  /** Service name used in stats, quotas and fault rules: the main signing name ("iot", "s3"...). */
  id: string;
  /** SigV4 signing names routed to this service. */
  signingNames: readonly string[];
  meta: ProtocolMeta;
  /** IAM: one endpoint for every region; resources are not per region. */
  global?: boolean;
  errors: ServiceErrors;
  /** Matches a call to an operation, or null when the service has no such (read) operation. */
  resolve(call: IncomingCall): ResolvedOperation | null;
  handlers: Record<string, OperationHandler>;
}

export function serviceError(service: ServiceDefinition, kind: keyof ServiceErrors, message?: string, headers?: Record<string, string>): AwsError {
  const shape = service.errors[kind];
  return new AwsError(shape.status, shape.code, message ?? shape.message ?? shape.code, { queryCode: shape.queryCode, headers });
}
