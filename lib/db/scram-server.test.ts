import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ScramProtocolError, ScramServerExchange, deriveScramVerifier } from "@/lib/db/scram-server";

// The SCRAM client of `pg` itself (the driver the app, the worker, Prisma and pg-boss use).
const sasl = createRequire(import.meta.url)("pg/lib/crypto/sasl.js") as {
  startSession(mechanisms: string[], stream?: unknown): { response: string; clientNonce: string; serverSignature?: string; message: string };
  continueSession(session: object, password: string, serverData: string, stream?: unknown): Promise<void>;
  finalizeSession(session: object, serverData: string): void;
};

async function exchange(serverPassword: string, clientPassword: string) {
  const server = new ScramServerExchange(deriveScramVerifier(serverPassword));
  const session = sasl.startSession(["SCRAM-SHA-256"]);
  const serverFirst = server.start(session.response);
  await sasl.continueSession(session, clientPassword, serverFirst);
  const result = server.finish(session.response);
  return { session, result };
}

describe("SCRAM-SHA-256, server side", () => {
  it("accepts the right password, and pg's client checks the server's signature", async () => {
    const { session, result } = await exchange("s3cret-Passw0rd_x", "s3cret-Passw0rd_x");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(() => sasl.finalizeSession(session, result.serverFinal)).not.toThrow();
  });

  it("refuses a wrong password", async () => {
    const { result } = await exchange("s3cret-Passw0rd_x", "s3cret-Passw0rd_y");
    expect(result.ok).toBe(false);
  });

  it("cannot be passed with the proof of another exchange (the server nonce differs)", async () => {
    const verifier = deriveScramVerifier("pw-0123456789");
    const first = new ScramServerExchange(verifier);
    const session = sasl.startSession(["SCRAM-SHA-256"]);
    await sasl.continueSession(session, "pw-0123456789", first.start(session.response));
    expect(first.finish(session.response).ok).toBe(true);
    const replay = new ScramServerExchange(verifier);
    replay.start(`n,,n=*,r=${session.clientNonce}`);
    expect(() => replay.finish(session.response)).toThrow(ScramProtocolError);
  });

  it("refuses malformed messages as protocol errors, not as wrong passwords", () => {
    const verifier = deriveScramVerifier("pw-0123456789");
    for (const bad of ["", "x", "n,,", "n,,r=abc", "n,a=admin,n=*,r=abc", "p=tls-server-end-point,,n=*,r=abc", "n,,n=*,r=a,b", "n,,n=*,r=abc,m=ext"]) {
      expect(() => new ScramServerExchange(verifier).start(bad), bad).toThrow(ScramProtocolError);
    }
    const server = new ScramServerExchange(verifier);
    const serverFirst = server.start("n,,n=*,r=clientnonce");
    const nonce = /r=([^,]+)/.exec(serverFirst)![1];
    for (const bad of ["c=biws", `c=eSws,r=${nonce},p=${"A".repeat(43)}=`, `c=biws,r=${nonce}x,p=${"A".repeat(43)}=`, `c=biws,r=${nonce},p=!!!`, `c=biws,r=${nonce},p=AAAA`]) {
      expect(() => server.finish(bad), bad).toThrow(ScramProtocolError);
    }
    expect(server.finish(`c=biws,r=${nonce},p=${"A".repeat(43)}=`)).toEqual({ ok: false });
  });
});
