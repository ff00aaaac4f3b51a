/**
 * Whether a topic one device may publish (tokens of literals and SELF, the publisher) can reach a
 * subscription or Receive permission of another device (SELF there is the receiver), and if so
 * where, on Alibaba, the message has to be delivered: the receiver's own topic with its wildcard
 * levels filled from the published topic (the publisher's own level becomes `${source}`, the
 * rule's `deviceName() as source`). Two SELF levels never meet: they are two different devices.
 */
import type { TopicToken } from "@/lib/mapping/policies/translate-topic-pattern";

export interface FlowMatch {
  /** The publishing device, when the receiver's permission names one literally. */
  sourceThing: string | null;
  /** The receiving device, when the publisher's topic names one literally. */
  targetThing: string | null;
  /** The receiver-side levels after /user/, wildcards filled in. */
  targetLevels: string[];
  usesSource: boolean;
}

export interface FlowSides {
  isPublisherThing: (name: string) => boolean;
  isReceiverThing: (name: string) => boolean;
  /** How a published literal level is spelt in a target topic (the class-level rewrite). */
  spell: (literal: string) => string;
}

const SOURCE = "${source}";

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}

/**
 * `globs` says how a receiver level holding `*` or `?` is read: "refuse" (a subscription whose
 * class could not be made) or "match" (a Receive permission, matched level by level).
 */
export function matchTopicFlow(pub: readonly TopicToken[], recv: readonly TopicToken[], sides: FlowSides, globs: "refuse" | "match"): FlowMatch | null {
  let sourceThing: string | null = null;
  let targetThing: string | null = null;
  let usesSource = false;
  const target: string[] = [];
  const fill = (token: TopicToken): string => {
    if (token.t === "self") {
      usesSource = true;
      return SOURCE;
    }
    return token.t === "lit" ? sides.spell(token.v) : "";
  };
  let j = 0;
  for (const r of recv) {
    if (r.t === "rest") {
      pub.slice(j).forEach((p) => target.push(fill(p)));
      return { sourceThing, targetThing, targetLevels: target, usesSource };
    }
    const p = pub[j];
    if (p === undefined) return null;
    j += 1;
    if (p.t !== "lit" && p.t !== "self") return null;
    if (r.t === "one") target.push(fill(p));
    else if (r.t === "glob") {
      if (globs === "refuse") return null;
      if (p.t === "lit" && !globToRegExp(r.v).test(p.v)) return null;
      target.push(fill(p));
    } else if (r.t === "lit") {
      if (p.t === "lit") {
        if (p.v !== r.v) return null;
      } else {
        if (!sides.isPublisherThing(r.v)) return null;
        sourceThing = r.v;
      }
      target.push(sides.spell(r.v));
    } else {
      // r is the receiver's own level
      if (p.t === "self" || !sides.isReceiverThing(p.v)) return null;
      targetThing = p.v;
    }
  }
  if (j !== pub.length) return null;
  return { sourceThing, targetThing, targetLevels: target, usesSource };
}
