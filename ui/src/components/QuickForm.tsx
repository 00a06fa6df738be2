import { useState, type FormEvent } from "react";
import { fieldError, formError } from "../backend";
import { Banner } from "./Banner";
import { Field } from "./Field";

type Value = string | boolean | number | null;

export type FieldSpec<T> = {
  name: keyof T & string;
  label: string;
  type?: "text" | "date" | "textarea" | "select" | "checkbox" | "number";
  options?: { value: string; label: string }[];
  hint?: string;
  placeholder?: string;
  /** Wide fields take the whole row. */
  wide?: boolean;
};

type Props<T> = {
  title: string;
  fields: FieldSpec<T>[];
  initial: T;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: T) => void;
  onCancel?: () => void;
};

/**
 * A small form for one record: the inputs from a list of field specs, the core's message next
 * to the field it names, Enter to submit. Values stay as typed; the core parses and validates.
 */
export function QuickForm<T extends Record<string, Value>>({ title, fields, initial, submitLabel, pending, error, onSubmit, onCancel }: Props<T>) {
  const [values, setValues] = useState<T>(initial);
  const set = (name: keyof T, value: Value) => setValues((v) => ({ ...v, [name]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };
  const general = formError(error, fields.map((f) => f.name));
  const checkboxes = fields.filter((f) => f.type === "checkbox");
  return (
    <form className="quickform" onSubmit={submit} noValidate aria-label={title}>
      {general && <Banner tone="error">{general}</Banner>}
      <div className="quickform__grid">
        {fields
          .filter((f) => f.type !== "checkbox")
          .map((f) => (
            <div key={f.name} className={f.wide || f.type === "textarea" ? "quickform__wide" : undefined}>
              <Field label={f.label} hint={f.hint} error={fieldError(error, f.name)}>
                {(p) => {
                  const value = values[f.name];
                  const text = value === null || value === undefined ? "" : String(value);
                  if (f.type === "select")
                    return (
                      <select {...p} name={f.name} value={text} onChange={(e) => set(f.name, e.target.value)}>
                        {(f.options ?? []).map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    );
                  if (f.type === "textarea")
                    return <textarea {...p} name={f.name} rows={2} value={text} onChange={(e) => set(f.name, e.target.value)} />;
                  return (
                    <input
                      {...p}
                      name={f.name}
                      type={f.type === "date" ? "date" : "text"}
                      inputMode={f.type === "number" ? "decimal" : undefined}
                      placeholder={f.placeholder}
                      value={text}
                      onChange={(e) => set(f.name, e.target.value)}
                    />
                  );
                }}
              </Field>
            </div>
          ))}
      </div>
      {checkboxes.length > 0 && (
        <div className="quickform__checks">
          {checkboxes.map((f) => (
            <label key={f.name} className="checkbox">
              <input type="checkbox" name={f.name} checked={Boolean(values[f.name])} onChange={(e) => set(f.name, e.target.checked)} /> {f.label}
            </label>
          ))}
          {checkboxes.map((f) => fieldError(error, f.name)).filter(Boolean).map((m) => (
            <p key={m} className="field__error" role="alert">
              {m}
            </p>
          ))}
        </div>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
