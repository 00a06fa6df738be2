// The one door from the screens to the Rust core. Screens call `call(commands.x(...))`, which
// turns the bindings' { status, data | error } result into a value or a thrown CommandError,
// the shape TanStack Query expects. Tests mock `./bindings`, so screens run without Tauri.
import type { AppError } from "./bindings";

export class CommandError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.error = error;
  }
}

type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

export async function call<T>(result: Promise<CommandResult<T>>): Promise<T> {
  const r = await result;
  if (r.status === "error") throw new CommandError(r.error);
  return r.data;
}

/** The core's error behind a failed call, or an internal one for anything unexpected. */
export function asAppError(e: unknown): AppError {
  if (e instanceof CommandError) return e.error;
  const message = e instanceof Error ? e.message : String(e);
  return { kind: "internal", message, field: null };
}

/** The message to show beside `field`, when the error is about that input. */
export function fieldError(e: unknown, field: string): string | undefined {
  if (!e) return undefined;
  const err = asAppError(e);
  return err.field === field ? err.message : undefined;
}

/** The message for an error no single input is to blame for. */
export function formError(e: unknown, fields: readonly string[]): string | undefined {
  if (!e) return undefined;
  const err = asAppError(e);
  return err.field && fields.includes(err.field) ? undefined : err.message;
}
