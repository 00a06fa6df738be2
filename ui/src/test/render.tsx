import type { ReactElement } from "react";
import type { ErrorKind } from "../bindings";
import { render } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";

/** Renders a screen with a fresh query cache, as main.tsx does. */
export function renderWithQuery(ui: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

export const ok = <T,>(data: T) => Promise.resolve({ status: "ok" as const, data });
export const err = (kind: ErrorKind, message: string, field: string | null = null) =>
  Promise.resolve({ status: "error" as const, error: { kind, message, field } });
/** The answer of a write whose result the screen does not read (it refreshes from the book). */
export const written = () => Promise.resolve({ status: "ok" as const, data: undefined as never });
/** A command that has not answered yet: the screen stays in its loading state. */
export const pending = () => new Promise<never>(() => {});
