import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { useTestDatabase } from "@/lib/testing/use-test-database";

useTestDatabase();

// Entries of an organisation of this file alone (audit entries name it; no row is needed for it).
const org = `org-audit-${crypto.randomUUID()}`;

describe("audit log", () => {
  it("records who did what to which object from where", async () => {
    await recordAuditEvent({
      actor: { id: "u-audit-1", email: "audit-1@example.com", role: "admin" },
      action: "test.audit_record",
      outcome: "success",
      target: { type: "user", id: "u-2" },
      context: { requestId: "req-1", ipAddress: "192.0.2.7", userAgent: "vitest" },
      details: { from: "viewer", to: "engineer" },
      organizationId: org,
    });
    const { events } = await listAuditEvents(org, { action: "test.audit_record", limit: 10 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorEmail: "audit-1@example.com",
      action: "test.audit_record",
      outcome: "success",
      targetType: "user",
      targetId: "u-2",
      ipAddress: "192.0.2.7",
      requestId: "req-1",
      details: { from: "viewer", to: "engineer" },
    });
  });

  it("is append-only: the database refuses to update, delete or truncate rows", async () => {
    await recordAuditEvent({ actor: null, action: "test.append_only", outcome: "success" });
    await expect(pool().query(`UPDATE audit_events SET action = 'forged' WHERE action = 'test.append_only'`)).rejects.toThrow(/append-only/);
    await expect(pool().query(`DELETE FROM audit_events WHERE action = 'test.append_only'`)).rejects.toThrow(/append-only/);
    await expect(pool().query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.deleteMany({ where: { action: "test.append_only" } })).rejects.toThrow();
    expect(await db().auditEvent.count({ where: { action: "test.append_only" } })).toBe(1);
  });

  it("filters by actor, outcome and date, newest first, and pages with a cursor", async () => {
    for (let i = 0; i < 5; i++) {
      await recordAuditEvent({ actor: { id: null, email: `pager-${i % 2}@example.com`, role: null }, action: "test.pager", outcome: i % 2 ? "denied" : "success", organizationId: org });
    }
    const denied = await listAuditEvents(org, { action: "test.pager", outcome: "denied", limit: 50 });
    expect(denied.events.map((e) => e.actorEmail)).toEqual(["pager-1@example.com", "pager-1@example.com"]);
    const first = await listAuditEvents(org, { action: "test.pager", limit: 2 });
    expect(first.events).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await listAuditEvents(org, { action: "test.pager", limit: 2, cursor: first.nextCursor! });
    expect(Number(second.events[0]!.id)).toBeLessThan(Number(first.events[1]!.id));
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(org, { action: "test.pager", from: today, to: today, limit: 50 })).events).toHaveLength(5);
    expect((await listAuditEvents(org, { action: "test.pager", to: "2000-01-01", limit: 50 })).events).toHaveLength(0);
    expect((await listAuditEvents(org, { action: "test.pager", actor: "PAGER-0", limit: 50 })).events).toHaveLength(3);
  });
});
