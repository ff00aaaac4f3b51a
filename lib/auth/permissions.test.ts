import { describe, expect, it } from "vitest";
import { can, isRole, PERMISSIONS, permissionsOf, ROLES } from "@/lib/auth/permissions";

describe("permission table", () => {
  it("lets every role read every stage", () => {
    for (const role of ROLES) {
      for (const p of ["plan.read", "inventory.read", "servicemap.read", "compliance.read", "runbook.read"] as const) {
        expect(can(role, p)).toBe(true);
      }
    }
  });

  it("keeps user management and the audit log to admins", () => {
    expect(ROLES.filter((r) => can(r, "users.manage"))).toEqual(["admin"]);
    expect(ROLES.filter((r) => can(r, "audit.read"))).toEqual(["admin"]);
  });

  it("gives each working role its own power and viewers none", () => {
    expect(can("architect", "mapping.decide")).toBe(true);
    expect(can("engineer", "mapping.decide")).toBe(false);
    expect(can("compliance", "compliance.signoff")).toBe(true);
    expect(can("architect", "compliance.signoff")).toBe(false);
    expect(can("engineer", "runbook.execute")).toBe(true);
    expect(can("engineer", "scan.run")).toBe(true);
    expect(can("compliance", "runbook.execute")).toBe(false);
    const viewerWrites = permissionsOf("viewer").filter((p) => !p.endsWith(".read"));
    expect(viewerWrites).toEqual([]);
  });

  it("names only known roles", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(isRole(r)).toBe(true);
    expect(isRole("root")).toBe(false);
  });
});
