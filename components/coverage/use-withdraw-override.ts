"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { withdrawOverrideAction } from "@/lib/actions/mapping/withdraw-override";
import { coverageKeys } from "@/components/coverage/coverage-keys";
import type { ErrorPayload } from "@/lib/errors";

export type WithdrawInput = Parameters<typeof withdrawOverrideAction>[0];

/** Withdraws a decision through the server action; the coverage and the lists are read again after it. */
export function useWithdrawOverride(planId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ErrorPayload, WithdrawInput>({
    mutationFn: async (input) => {
      const result = await withdrawOverrideAction(input);
      if (!result.ok) throw result.error;
      return result.data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coverageKeys.plan(planId) }),
  });
}
