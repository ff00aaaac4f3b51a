/**
 * A throwaway HTTP server on 127.0.0.1 for tests that must see what an SDK client really sends
 * (the read-only guard, pacing, retries). Point a client at it with AWS_ENDPOINT_URL.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface LocalResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface LocalEndpoint {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startLocalEndpoint(
  respond: (request: RecordedRequest, index: number) => LocalResponse | Promise<LocalResponse>,
): Promise<LocalEndpoint> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: performance.now(),
      };
      requests.push(recorded);
      Promise.resolve(respond(recorded, requests.length - 1)).then(
        (answer) => {
          res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
          res.end(answer.body ?? "{}");
        },
        (error: unknown) => {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A REST-JSON error answer as AWS IoT and friends send it. */
export function jsonError(status: number, type: string, message = type): LocalResponse {
  return {
    status,
    headers: { "x-amzn-errortype": type },
    body: JSON.stringify({ message }),
  };
}
