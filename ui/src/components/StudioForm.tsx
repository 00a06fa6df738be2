import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { commands, type PaperSize, type Studio, type StudioInput } from "../bindings";
import { call, fieldError, formError } from "../backend";
import { Banner } from "./Banner";
import { Field } from "./Field";
import { keys } from "../queries";

const FIELDS = ["name", "currency", "paper_size"] as const;

/** The studio's name, currency and paper size: used on first run and in settings. */
export function StudioForm({ studio, submitLabel, onSaved }: { studio: Studio | null; submitLabel: string; onSaved: (s: Studio) => void }) {
  const [input, setInput] = useState<StudioInput>(studio ?? { name: "", currency: "EUR", paper_size: "A4" });
  const currencies = useQuery({ queryKey: keys.currencies(), queryFn: () => commands.currencies() });
  const save = useMutation({ mutationFn: (i: StudioInput) => call(commands.saveStudio(i)), onSuccess: onSaved });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(input);
  };
  const general = formError(save.error, FIELDS);
  return (
    <form className="form" onSubmit={submit} noValidate>
      {general && <Banner tone="error">{general}</Banner>}
      <Field label="Studio name" hint="As it should appear on reports." error={fieldError(save.error, "name")}>
        {(p) => <input {...p} value={input.name} onChange={(e) => setInput({ ...input, name: e.target.value })} autoComplete="organization" />}
      </Field>
      <Field label="Currency" hint="The currency you invoice in." error={fieldError(save.error, "currency")}>
        {(p) => (
          <select {...p} value={input.currency} onChange={(e) => setInput({ ...input, currency: e.target.value })}>
            {(currencies.data ?? [{ code: input.currency, name: input.currency, minor_digits: 2 }]).map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} — {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Paper size" hint="For the PDF reports you send clients." error={fieldError(save.error, "paper_size")}>
        {(p) => (
          <select {...p} value={input.paper_size} onChange={(e) => setInput({ ...input, paper_size: e.target.value as PaperSize })}>
            <option value="A4">A4</option>
            <option value="Letter">US Letter</option>
          </select>
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : submitLabel}
        </button>
        {save.isSuccess && <span className="saved" role="status">Saved</span>}
      </div>
    </form>
  );
}
