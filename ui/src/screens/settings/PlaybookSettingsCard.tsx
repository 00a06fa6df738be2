import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type PlaybookSettings } from "../../bindings";
import { asAppError, call, fieldError } from "../../backend";
import { Banner } from "../../components/Banner";
import { Field } from "../../components/Field";
import { keys, refresh } from "../../queries";

const NUMBERS: { name: Exclude<keyof PlaybookSettings, "signed_by">; label: string; hint: string }[] = [
  { name: "first_value_days", label: "First result expected within (days)", hint: "After this, the review asks for the first result and the client's stage says it is late. Practice: 30." },
  { name: "nps_every_days", label: "Ask the NPS question every (days)", hint: "The review drafts the question when the last answer is this old. Practice: 90, once a quarter." },
  { name: "renewal_lead_days", label: "Start the renewal talk (days before the notice day)", hint: "Counted back from the last day the client can give notice; the reminder comes back at 60 and 30 days. Practice: 90." },
];

/** The weekly review's judgement calls (when a first result is due, the survey cadence, the renewal lead) and who signs its drafts. */
export function PlaybookSettingsCard() {
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: keys.playbookSettings(), queryFn: () => call(commands.playbookSettings()) });
  const [form, setForm] = useState<PlaybookSettings | null>(null);
  useEffect(() => {
    if (stored.data) setForm(stored.data);
  }, [stored.data]);
  const save = useMutation({
    mutationFn: (s: PlaybookSettings) => call(commands.savePlaybookSettings(s)),
    onSuccess: () => refresh(queryClient, ["settings"]),
  });
  if (stored.isError) return <Banner tone="error">{asAppError(stored.error).message}</Banner>;
  if (!form) return null;
  return (
    <form
      className="card form"
      aria-labelledby="playbook-settings-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form);
      }}
    >
      <h2 id="playbook-settings-title">Weekly review</h2>
      <div className="quickform__grid">
        {NUMBERS.map((n) => (
          <Field key={n.name} label={n.label} hint={n.hint} error={fieldError(save.error, n.name)}>
            {(p) => <input {...p} type="number" value={form[n.name]} onChange={(e) => setForm({ ...form, [n.name]: Number(e.target.value) })} />}
          </Field>
        ))}
        <Field label="Your name (signs the drafts)" hint="Written above the studio's name at the end of every draft. A client's account owner, when set on their page, signs theirs instead." error={fieldError(save.error, "signed_by")}>
          {(p) => <input {...p} value={form.signed_by} maxLength={80} onChange={(e) => setForm({ ...form, signed_by: e.target.value })} />}
        </Field>
      </div>
      <div className="form__actions">
        <button className="button button--primary" disabled={save.isPending}>
          Save review settings
        </button>
        {save.isSuccess && <span className="saved">Saved</span>}
      </div>
    </form>
  );
}
