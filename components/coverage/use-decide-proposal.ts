"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { decideProposalAction } from "@/lib/actions/mapping/decide-proposal";
import { coverageKeys } from "@/components/coverage/coverage-keys";
import type { ErrorPayload } from "@/lib/errors";

export type DecideInput = Parameters<typeof decideProposalAction>[0];

/** Decides one proposal through the server action; the coverage and the lists are read again after it. */
export function useDecideProposal(planId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ErrorPayload, DecideInput>({
    mutationFn: async (input) => {
      const result = await decideProposalAction(input);
      if (!result.ok) throw result.error;
      return result.data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coverageKeys.plan(planId) }),
  });
}
