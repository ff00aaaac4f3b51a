"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { auditKeys, type AuditQuery } from "@/components/settings/audit-keys";
import type { AuditEventRow } from "@/lib/audit/list-audit-events";

export function useAuditEvents(filter: AuditQuery) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<{ events: AuditEventRow[]; nextCursor: string | null }>(`/api/audit?${params.toString()}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
