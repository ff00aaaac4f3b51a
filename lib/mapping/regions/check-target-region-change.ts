/**
 * Reports what an architect's change of one source region's target (current Alibaba region -> new
 * one) breaks: each needed service the new region does not offer (with its kind, target and its
 * availability in the current region), each one whose offer there is unknown or only absent from a
 * list cut short, a move between mainland China and international (a different account world),
 * a region outside the plan's world, and each residency rule whose area the data would leave.
 * `safe` is true when nothing breaks; warnings may remain. Findings are sorted (breaks first, then by
 * code and parameters), so the report does not depend on the input's order.
 */
import { checkResidencyRules } from "@/lib/mapping/regions/check-residency-rules";
import { readRegionConstraints } from "@/lib/mapping/regions/read-region-constraints";
import { readTargetAvailability } from "@/lib/mapping/regions/read-target-availability";
import {
  readAlibabaRegionPlace,
  readAwsRegionGeography,
  readAlibabaRegionWorld,
} from "@/lib/mapping/regions/region-geography";
import type {
  CheckTargetRegionChangeInput,
  RegionChangeFinding,
  RegionChangeReport,
  RegionInputIssue,
} from "@/lib/mapping/regions/region-types";
import { hasCatalogueEntries, resolveServiceNeeds, serviceKey } from "@/lib/mapping/regions/resolve-service-needs";

export function checkTargetRegionChange(input: CheckTargetRegionChangeInput): RegionChangeReport {
  if (input === null || typeof input !== "object") {
    return { sourceRegion: "", from: "", to: "", safe: false, findings: [], issues: [{ code: "invalid-input", sourceRegion: null, params: { field: "input" } }] };
  }
  const sourceRegion = typeof input.sourceRegion === "string" ? input.sourceRegion : "";
  const from = typeof input.currentRegion === "string" ? input.currentRegion : "";
  const to = typeof input.newRegion === "string" ? input.newRegion : "";
  const report: RegionChangeReport = { sourceRegion, from, to, safe: false, findings: [], issues: [] };
  const issue = (code: string, params: RegionInputIssue["params"]) => report.issues.push({ code, sourceRegion: sourceRegion || null, params });

  if (!readAwsRegionGeography(sourceRegion)) issue("unknown-source-region", { sourceRegion });
  for (const [field, region] of [["currentRegion", from], ["newRegion", to]] as const) {
    if (!readAlibabaRegionPlace(region)) issue("unknown-target-region", { field, region });
  }
  if (readAlibabaRegionPlace(to)?.closed) issue("closed-target-region", { region: to });
  const { constraints, issues: constraintIssues } = readRegionConstraints((input as { constraints?: unknown }).constraints);
  report.issues.push(...constraintIssues);
  if (!hasCatalogueEntries(input.catalogue)) issue("invalid-input", { field: "catalogue" });
  // Without a known source, both regions and valid constraints, nothing can be said safely.
  if (report.issues.length > 0 || constraints === null) return report;

  const needs = resolveServiceNeeds(sourceRegion, (input as { services?: unknown }).services, input.catalogue);
  report.issues.push(...needs.issues);
  if (needs.services.length === 0 && needs.unchecked.length === 0 && needs.issues.length === 0) {
    issue("no-needs", { sourceRegion });
  }

  const findings: RegionChangeFinding[] = [];
  for (const service of needs.services) {
    const target = needs.targets.get(serviceKey(service.kind, service.target));
    if (!target) continue;
    const after = readTargetAvailability(target, to);
    if (after === "offered") continue;
    const params = { kind: service.kind, target: service.target, region: to, before: readTargetAvailability(target, from) };
    if (after === "not-offered") findings.push({ code: "service-not-offered", severity: "break", params });
    else findings.push({ code: `availability-${after}`, severity: "warning", params });
  }

  const fromWorld = readAlibabaRegionWorld(from);
  const toWorld = readAlibabaRegionWorld(to);
  if (fromWorld !== toWorld) findings.push({ code: "world-change", severity: "warning", params: { from, to, fromWorld, toWorld } });
  if (constraints.world !== "either" && constraints.world !== toWorld) {
    findings.push({ code: "outside-world-constraint", severity: "break", params: { region: to, world: toWorld, allowed: constraints.world } });
  }

  const before = new Map(checkResidencyRules(sourceRegion, from, constraints.residency ?? []).map((c) => [c.rule.id, c.kept]));
  for (const { rule, kept } of checkResidencyRules(sourceRegion, to, constraints.residency ?? [])) {
    if (kept) continue;
    findings.push({
      code: "residency-left",
      severity: rule.strength === "required" ? "break" : "warning",
      params: { rule: rule.id, strength: rule.strength, keepWithin: [...rule.keepWithin], from, to, keptBefore: before.get(rule.id) ?? false },
    });
  }

  findings.sort(compareFindings);
  report.findings = findings;
  report.safe = report.issues.length === 0 && findings.every((f) => f.severity !== "break");
  return report;
}

function compareFindings(a: RegionChangeFinding, b: RegionChangeFinding): number {
  const severity = Number(a.severity !== "break") - Number(b.severity !== "break");
  if (severity !== 0) return severity;
  const left = `${a.code}\u0000${JSON.stringify(a.params)}`;
  const right = `${b.code}\u0000${JSON.stringify(b.params)}`;
  return left < right ? -1 : left > right ? 1 : 0;
}
