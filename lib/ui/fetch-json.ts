import type { ErrorBody } from "@/lib/errors";

/** An API error as the browser sees it: a code to translate and a request id to quote. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers: { accept: "application/json", ...(init?.headers ?? {}) } });
  } catch {
    throw new ApiError(0, "NETWORK", "The server could not be reached.");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    throw new ApiError(response.status, body?.error.code ?? "INTERNAL", body?.error.message ?? response.statusText, body?.error.requestId);
  }
  return (await response.json()) as T;
}
