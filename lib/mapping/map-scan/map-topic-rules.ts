/**
 * Maps the topic rules of one source region onto IoT Platform rules: the Name fitted (name map per
 * region, republish rule names reserved), the SQL translated by
 * lib/mapping/rule-sql/translate-rule-sql-batch.ts (with the action fields that hold `${...}`
 * templates), and each action matched against the catalogue's rule actions (iot.ruleActions).
 *
 * Statuses, by judgement:
 * - SQL that does not parse, or that uses a construct Alibaba's rule engine cannot express, is
 *   "blocked": no choice among candidates fixes it; the statement has to be rewritten by hand (an
 *   architect's override then records the rewrite). So is an action template that cannot be expressed,
 *   and a rule whose stored record could not be read.
 * - An action with no equivalent (S3, HTTP, CloudWatch...) or of a type the catalogue does not know, or
 *   more than 10 actions (CreateRuleAction: at most 10 per rule), is a "decision": the SQL maps, the
 *   architect chooses a workaround (the catalogue's words say which, e.g. through Function Compute to OSS).
 * - Otherwise "mapped", each translator warning a reason.
 */
import type { Catalogue } from "@/lib/catalogue/catalogue-types";
import { REL } from "@/lib/aws/relation-types";
import type { CatalogueChoice } from "@/lib/mapping/map-scan/choose-catalogue-target";
import type { Proposal, ProposalReason, ProposalStatus, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";
import type { RelationIndex } from "@/lib/mapping/map-scan/index-scan-relations";
import { settleStatus } from "@/lib/mapping/map-scan/settle-status";
import type { NameMapEntry } from "@/lib/mapping/names/name-types";
import { translateRuleSqlBatch, type RuleSqlInput } from "@/lib/mapping/rule-sql/translate-rule-sql-batch";
import { describeProposalHead } from "@/lib/mapping/map-scan/describe-proposal-head";

export const MAX_ACTIONS_PER_RULE = 10;

export interface RuleMappingInput {
  rules: readonly ScanResource[];
  /** The fitted Name of every rule, by its AWS name. */
  ruleNames: ReadonlyMap<string, NameMapEntry>;
  relations: RelationIndex;
  catalogue: Catalogue;
  choice: CatalogueChoice;
}

interface RuleRecord {
  sql: unknown;
  sqlVersion: unknown;
  disabled: boolean;
  actions: Array<{ type: string; fields: Record<string, unknown>; error: boolean }>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function readRule(raw: unknown): RuleRecord | null {
  if (!isObject(raw) || !isObject(raw.rule)) return null;
  const rule = raw.rule;
  const actions: RuleRecord["actions"] = [];
  const readAction = (action: unknown, error: boolean) => {
    if (!isObject(action)) return;
    for (const type of Object.keys(action).sort()) {
      const fields = action[type];
      if (isObject(fields)) actions.push({ type, fields, error });
    }
  };
  if (Array.isArray(rule.actions)) rule.actions.forEach((a) => readAction(a, false));
  readAction(rule.errorAction, true);
  return { sql: rule.sql, sqlVersion: rule.sqlVersion ?? rule.awsIotSqlVersion, disabled: rule.ruleDisabled === true, actions };
}

/** The action fields holding substitution templates, in action order. */
function templatesOf(record: RuleRecord): string[] {
  const out: string[] = [];
  for (const action of record.actions) {
    for (const key of Object.keys(action.fields).sort()) {
      const value = action.fields[key];
      if (typeof value === "string" && value.includes("${")) out.push(value);
    }
  }
  return out;
}

export function mapTopicRules(input: RuleMappingInput): Proposal[] {
  const records = input.rules.map((row) => ({ row, record: readRule(row.raw) }));
  const batch: RuleSqlInput[] = records
    .filter((r) => r.record !== null)
    .map(({ row, record }) => ({ name: row.arn, sql: record?.sql, sqlVersion: record?.sqlVersion ?? undefined, templates: record ? templatesOf(record) : [] }));
  const results = new Map(translateRuleSqlBatch(batch).map((item) => [item.name, item.result]));
  const actionFacts = new Map(input.catalogue.iot.ruleActions.map((a) => [a.key, a]));
  const errorFact = actionFacts.get("erroraction");
  const target = input.choice.target;

  return records.map(({ row, record }) => {
    const entry = input.ruleNames.get(row.name);
    const base = describeProposalHead(row, target);
    if (!record) {
      const issues = row.problem?.issues ? ` (${row.problem.issues})` : "";
      return {
        ...base,
        status: "blocked",
        properties: entry ? { ruleName: { name: entry.name, original: row.name } } : {},
        reasons: [{ code: "unreadable-record", message: `The stored record of rule "${row.name}" could not be read${issues}: re-scan it.` }],
        targetResources: {},
      } satisfies Proposal;
    }
    const reasons: ProposalReason[] = [];
    let status: ProposalStatus = input.choice.status;
    if (!entry) {
      status = "blocked";
      reasons.push({ code: "no-free-name", message: `No rule Name could be given to "${row.name}".` });
    } else if (entry.changed) {
      reasons.push({ code: "name-fitted.rule", message: `Rule "${row.name}" is named "${entry.name}" on Alibaba (${entry.status}).` });
    }
    if (record.disabled) reasons.push({ code: "rule-disabled", message: `"${row.name}" is disabled on AWS: create it stopped.` });

    const result = results.get(row.arn);
    const properties: Record<string, unknown> = { ruleName: entry ? { name: entry.name, original: row.name } : null };
    if (!result || result.status === "invalid") {
      status = "blocked";
      const error = result?.status === "invalid" ? result.error : { code: "internal", message: "not translated", position: null };
      const at = error.position ? ` (line ${error.position.line}, column ${error.position.column})` : "";
      reasons.push({ code: `sql.${error.code}`, message: `The rule's SQL could not be read${at}: ${error.message}` });
      properties.sql = { translated: null, original: typeof record.sql === "string" ? record.sql : null };
    } else if (result.status === "untranslatable") {
      status = "blocked";
      for (const block of result.reasons) reasons.push({ code: `sql.${block.code}`, message: `${block.construct}: ${block.message}` });
      for (const warning of result.warnings) reasons.push({ code: `sql-warning.${warning.code}`, message: `${warning.construct}: ${warning.message}` });
      properties.sql = { translated: null, original: record.sql };
    } else {
      for (const warning of result.warnings) reasons.push({ code: `sql-warning.${warning.code}`, message: `${warning.construct}: ${warning.message}` });
      for (const template of result.templates) {
        if (template.template === null) {
          status = "blocked";
          for (const block of template.reasons) reasons.push({ code: `template.${block.code}`, message: `${template.source}: ${block.message}` });
        }
        for (const warning of template.warnings) reasons.push({ code: `template-warning.${warning.code}`, message: `${template.source}: ${warning.message}` });
      }
      properties.sql = { translated: result.sql, original: record.sql };
      properties.select = result.select;
      properties.where = result.where;
      properties.topic = result.topic;
      properties.dataType = result.dataType;
      properties.templates = result.templates.map((t) => ({ original: t.source, translated: t.template }));
    }

    const actions = record.actions.map((action) => {
      const fact = actionFacts.get(action.type.toLowerCase());
      if (!fact) {
        status = settleStatus(status, "decision");
        reasons.push({ code: "action-unknown", message: `The catalogue does not know the ${action.type} action: choose what replaces it.` });
      } else if (fact.fit === "none" || fact.alibaba === null) {
        status = settleStatus(status, "decision");
        reasons.push({ code: `action-no-equivalent.${fact.key}`, message: `The ${action.type} action has no rule-action equivalent: ${fact.differs}` });
      } else if (fact.fit === "partial") {
        reasons.push({ code: `action-partial.${fact.key}`, message: `${action.type} becomes ${fact.alibaba}: ${fact.differs}` });
      }
      return { original: action.type, alibaba: fact?.alibaba ?? null, fit: fact?.fit ?? null, errorAction: action.error };
    });
    const carried = actions.filter((a) => a.alibaba !== null && a.fit !== "none");
    if (record.actions.some((a) => a.error) && errorFact) reasons.push({ code: "error-action", message: `The error action becomes a rule action with ${errorFact.alibaba}.` });
    if (carried.length > MAX_ACTIONS_PER_RULE) {
      status = settleStatus(status, "decision");
      reasons.push({ code: "too-many-actions", message: `"${row.name}" has ${carried.length} actions; an Alibaba rule holds at most ${MAX_ACTIONS_PER_RULE}: split it.` });
    }
    properties.actions = actions;
    properties.feeds = [...input.relations.targetsOf(REL.writesTo, row.arn), ...input.relations.targetsOf(REL.invokes, row.arn)].sort();

    const targetResources: Record<string, number> = {};
    if (status === "mapped" && target) {
      targetResources[target.rosType ?? target.name] = 1;
      if (carried.length > 0) targetResources["ALIYUN::IOT::RuleAction"] = carried.length;
    }
    return { ...base, status, properties, reasons: [...reasons, ...input.choice.reasons], targetResources } satisfies Proposal;
  });
}
