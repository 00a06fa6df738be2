import { useState } from "react";
import type { AppError } from "../../bindings";
import { QuickForm, type FieldSpec } from "../../components/QuickForm";
import { useRecordMutation } from "./useRecordMutation";

type Value = string | boolean | number | null;
type Result<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

type Props<I extends Record<string, Value>, T> = {
  label: string;
  form: { blank: () => I; fields: FieldSpec<I>[] };
  send: (input: I) => Promise<Result<T>>;
  /** Open from the start (for the everyday quick-adds). */
  open?: boolean;
};

/** An "Add …" button that opens a quick form, saves through the core and closes on success. */
export function AddRecord<I extends Record<string, Value>, T>({ label, form, send, open = false }: Props<I, T>) {
  const [isOpen, setOpen] = useState(open);
  const [generation, setGeneration] = useState(0);
  const save = useRecordMutation(send, () => {
    setGeneration((n) => n + 1);
    setOpen(open);
  });
  if (!isOpen)
    return (
      <button className="button button--small" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <QuickForm
      key={generation}
      title={label}
      fields={form.fields}
      initial={form.blank()}
      submitLabel="Save"
      pending={save.isPending}
      error={save.error}
      onSubmit={(v) => save.mutate(v)}
      onCancel={open ? undefined : () => setOpen(false)}
    />
  );
}
