"use client";
import { useTranslations } from "next-intl";
import type { ServiceMapNode } from "@/lib/mapping/service-map/service-map-types";

/** The title a node is shown with: its label, or for aggregates the words that say what it gathers. */
export function useNodeTitle() {
  const t = useTranslations("stages.serviceMap.node");
  return (node: Pick<ServiceMapNode, "group" | "label" | "kind" | "members" | "region">): string => {
    switch (node.group) {
      case "untyped-things":
        return t("untypedThings", { region: node.label });
      case "certificates":
        return node.kind === "AWS::IoT::CACertificate" ? t("caCertificates", { name: node.label }) : t("certificatesWithoutCa", { region: node.label });
      case "aggregate":
        return t("aggregate", { kind: shortKind(node.kind), count: node.members });
      default:
        return node.label;
    }
  };
}

/** `AWS::IAM::Role` -> `IAM Role`: what a user reads on a small node. */
export function shortKind(kind: string): string {
  const parts = kind.split("::");
  return parts.length === 3 ? `${parts[1]} ${parts[2]}` : kind;
}
