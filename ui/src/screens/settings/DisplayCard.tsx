import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { asAppError, call, fieldError } from "../../backend";
import { Banner } from "../../components/Banner";
import { Field } from "../../components/Field";
import { keys } from "../../queries";

/** How an example date and amount look in `tag` (or the computer's own format). */
function example(tag: string, currency: string): string {
  const locale = tag || undefined;
  const date = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(2026, 10, 26)));
  const money = new Intl.NumberFormat(locale, { style: "currency", currency }).format(1234.5);
  return `${date} · ${money}`;
}

/** Dates and numbers: follow the computer, or a chosen locale. */
export function DisplayCard({ currency }: { currency: string }) {
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: keys.displaySettings(), queryFn: () => call(commands.displaySettings()) });
  const choices = useQuery({ queryKey: keys.localeChoices(), queryFn: () => commands.localeChoices() });
  const [tag, setTag] = useState("");
  useEffect(() => {
    if (stored.data) setTag(stored.data.locale ?? "");
  }, [stored.data]);
  const save = useMutation({
    mutationFn: () => call(commands.saveDisplaySettings({ locale: tag || null })),
    onSuccess: (saved) => queryClient.setQueryData(["display-settings"], saved),
  });
  if (stored.isError) return <Banner tone="error">{asAppError(stored.error).message}</Banner>;
  return (
    <form
      className="card form"
      aria-labelledby="display-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="display-title">Dates and numbers</h2>
      <Field label="Show dates and amounts as" hint="Only on your screens: the reports you send are in English with your studio’s currency." error={fieldError(save.error, "locale")}>
        {(p) => (
          <select {...p} value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">This computer’s settings — {example("", currency)}</option>
            {(choices.data ?? []).map((c) => (
              <option key={c.tag} value={c.tag}>
                {c.name} — {example(c.tag, currency)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form__actions">
        <button className="button button--primary" disabled={save.isPending}>
          Save
        </button>
        {save.isSuccess && <span className="saved">Saved</span>}
      </div>
    </form>
  );
}
