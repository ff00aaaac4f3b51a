/**
 * Which IoT policies reach each thing, from the inventory's relations: a policy attached to a
 * certificate that is attached to the thing, or attached to a thing group the thing belongs to or
 * to any ancestor of that group (AWS applies thing-group policies to the group's things and to
 * those of its child groups). Relations read "from -> to": policy attached-to certificate or
 * thing group, certificate attached-to thing, thing member-of group, group child-of parent. A
 * cycle among groups (damaged input) is walked once.
 */
/** The fields of the inventory's relation rows (lib/inventory/read-relations.ts) this reads. */
export interface PolicyRelation {
  fromArn: string;
  toArn: string;
  type: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `policyNames` maps policy ARNs to their names; `thingArns` are the things to answer for.
 * Returns, per thing ARN, the sorted names of the policies that reach it.
 */
export function collectThingPolicies(relations: Iterable<PolicyRelation>, policyNames: ReadonlyMap<string, string>, thingArns: Iterable<string>): Map<string, string[]> {
  // Per certificate or group, the names of the policies attached to it, each once, in the order met.
  const attached = new Map<string, string[]>();
  const certificatesOf = new Map<string, string[]>();
  const groupsOf = new Map<string, string[]>();
  const parentsOf = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  // Policy attachments in relation order: only those to a certificate or group a thing can reach are
  // kept below (an estate attaches its policies to a great many certificates that no thing lists).
  const policyTargets: string[] = [];
  const policyOfTarget: string[] = [];
  for (const relation of relations) {
    if (relation.type === "attached-to") {
      const policy = policyNames.get(relation.fromArn);
      if (policy !== undefined) {
        policyTargets.push(relation.toArn);
        policyOfTarget.push(policy);
      } else push(certificatesOf, relation.toArn, relation.fromArn);
    } else if (relation.type === "member-of") push(groupsOf, relation.fromArn, relation.toArn);
    else if (relation.type === "child-of") push(parentsOf, relation.fromArn, relation.toArn);
  }
  const reachable = new Set<string>();
  for (const map of [certificatesOf, groupsOf, parentsOf]) for (const list of map.values()) for (const arn of list) reachable.add(arn);
  for (let i = 0; i < policyTargets.length; i++) {
    const target = policyTargets[i]!;
    if (!reachable.has(target)) continue;
    const policy = policyOfTarget[i]!;
    const names = attached.get(target);
    if (!names) attached.set(target, [policy]);
    else if (!names.includes(policy)) names.push(policy);
  }
  const groupPolicies = new Map<string, string[]>();
  const policiesOfGroup = (group: string, visiting: Set<string>): string[] => {
    const known = groupPolicies.get(group);
    if (known) return known;
    if (visiting.has(group)) return [];
    visiting.add(group);
    const names = new Set(attached.get(group) ?? []);
    for (const parent of parentsOf.get(group) ?? []) for (const n of policiesOfGroup(parent, visiting)) names.add(n);
    visiting.delete(group);
    const result = [...names].sort(compare);
    groupPolicies.set(group, result);
    return result;
  };
  // A group's policies are worked out once (the walk's set of visited groups made only then).
  const policiesOf = (group: string) => groupPolicies.get(group) ?? policiesOfGroup(group, new Set());
  const out = new Map<string, string[]>();
  for (const thing of thingArns) {
    const certificates = certificatesOf.get(thing);
    const groups = groupsOf.get(thing);
    let names: Set<string> | null = null;
    if (certificates) {
      for (const certificate of certificates) {
        const policies = attached.get(certificate);
        if (policies) for (const n of policies) (names ??= new Set()).add(n);
      }
    }
    if (groups) {
      for (const group of groups) {
        const policies = policiesOf(group);
        if (policies.length > 0) for (const n of policies) (names ??= new Set()).add(n);
      }
    }
    out.set(thing, names === null ? [] : names.size === 1 ? [...names] : [...names].sort(compare));
  }
  return out;
}
