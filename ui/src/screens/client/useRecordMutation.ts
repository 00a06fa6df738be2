import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "../../backend";
import type { AppError } from "../../bindings";

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

/** Saves or deletes a record, then refreshes the client page and the clients list. */
export function useRecordMutation<I, T>(clientId: number, send: (input: I) => Promise<Result<T>>, onSaved?: (saved: T) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => call(send(input)),
    onSuccess: async (saved) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["client-page", clientId] }),
        queryClient.invalidateQueries({ queryKey: ["clients"] }),
      ]);
      onSaved?.(saved);
    },
  });
}
