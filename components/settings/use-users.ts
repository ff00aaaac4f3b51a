"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/ui/fetch-json";
import { usersKeys } from "@/components/settings/users-keys";
import type { UserRow } from "@/lib/users/list-users";

export function useUsers() {
  return useQuery({
    queryKey: usersKeys.list(),
    queryFn: () => fetchJson<{ users: UserRow[] }>("/api/users").then((r) => r.users),
  });
}
