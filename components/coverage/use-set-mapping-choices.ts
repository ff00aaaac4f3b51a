"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { setMappingChoicesAction } from "@/lib/actions/mapping/set-mapping-choices";
import { coverageKeys } from "@/components/coverage/coverage-keys";
import type { ErrorPayload } from "@/lib/errors";
import type { MappingChoicesOutcome } from "@/lib/mapping/set-mapping-choices";

export type SetChoicesInput = Parameters<typeof setMappingChoicesAction>[0];

/** Saves the plan's mapping choices through the server action; the choices are read again after it. */
export function useSetMappingChoices(planId: string) {
  const queryClient = useQueryClient();
  return useMutation<MappingChoicesOutcome, ErrorPayload, SetChoicesInput>({
    mutationFn: async (input) => {
      const result = await setMappingChoicesAction(input);
      if (!result.ok) throw result.error;
      return result.data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coverageKeys.choices(planId) }),
  });
}
