import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "../../backend";
import type { AppError } from "../../bindings";
import { refresh } from "../../queries";

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

/** Saves or deletes a record, then refreshes everything the book feeds (the page, its health
 * card, the lists, the review): the `BookChanged` event does the same for every other write. */
export function useRecordMutation<I, T>(send: (input: I) => Promise<Result<T>>, onSaved?: (saved: T) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => call(send(input)),
    onSuccess: async (saved) => {
      await refresh(queryClient);
      onSaved?.(saved);
    },
  });
}
