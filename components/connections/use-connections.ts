"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { connectionKeys } from "@/components/connections/connection-keys";
import type { ConnectionView } from "@/lib/connections/list-connections";

/** The organisation's AWS connections: settings and last test, never a secret. */
export function useConnections() {
  return useQuery({
    queryKey: connectionKeys.list(),
    queryFn: () => fetchJson<{ connections: ConnectionView[] }>("/api/connections").then((r) => r.connections),
  });
}
