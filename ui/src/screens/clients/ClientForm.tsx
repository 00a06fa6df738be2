import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type Client, type ClientInput, type ClientStatus } from "../../bindings";
import { call, fieldError, formError } from "../../backend";
import { Banner } from "../../components/Banner";
import { Field } from "../../components/Field";
import { todayIso } from "../../format";
import { STATUS_HINTS, STATUS_WORDS } from "../../words";
import { keys } from "../../queries";

const FIELDS = ["name", "status", "goal", "start_date", "notes"] as const;

function blank(): ClientInput {
  return { name: "", status: "onboarding", goal: "", start_date: todayIso(), notes: "" };
}

function toInput(c: Client): ClientInput {
  return { name: c.name, status: c.status, goal: c.goal, start_date: c.start_date, notes: c.notes };
}

type Props = { client: Client | null; onDone: (saved: Client | null, message: string) => void };

/** Adds a client (client = null) or edits one, with the core's reasons shown next to each input. */
export function ClientForm({ client, onDone }: Props) {
  const [input, setInput] = useState<ClientInput>(client ? toInput(client) : blank());
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.clients() });
  const save = useMutation({
    mutationFn: (i: ClientInput) => call(client ? commands.updateClient(client.id, i) : commands.createClient(i)),
    onSuccess: async (saved) => {
      await refresh();
      onDone(saved, client ? `Saved changes to ${saved.name}.` : `Added ${saved.name}.`);
    },
  });
  const archive = useMutation({
    mutationFn: (c: Client) => call(c.archived_at ? commands.restoreClient(c.id) : commands.archiveClient(c.id)),
    onSuccess: async (saved) => {
      await refresh();
      onDone(saved, saved.archived_at ? `Archived ${saved.name}. Tick "Show archived" to find or restore it.` : `Restored ${saved.name}.`);
    },
  });
  const set = <K extends keyof ClientInput>(key: K, value: ClientInput[K]) => setInput({ ...input, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(input);
  };
  const general = formError(save.error, FIELDS) ?? formError(archive.error, []);

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={client ? `Edit ${client.name}` : "Add a client"}>
      <h2>{client ? `Edit ${client.name}` : "Add a client"}</h2>
      {client?.archived_at && <Banner tone="info">This client is archived: hidden from lists, nothing deleted.</Banner>}
      {general && <Banner tone="error">{general}</Banner>}
      <Field label="Client name" error={fieldError(save.error, "name")}>
        {(p) => <input {...p} name="name" value={input.name} onChange={(e) => set("name", e.target.value)} autoFocus />}
      </Field>
      <Field label="Status" hint={STATUS_HINTS[input.status]} error={fieldError(save.error, "status")}>
        {(p) => (
          <select {...p} name="status" value={input.status} onChange={(e) => set("status", e.target.value as ClientStatus)}>
            {(Object.keys(STATUS_WORDS) as ClientStatus[]).map((s) => (
              <option key={s} value={s}>
                {STATUS_WORDS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Start date" hint="When the work started (or starts)." error={fieldError(save.error, "start_date")}>
        {(p) => <input {...p} name="start_date" type="date" value={input.start_date} onChange={(e) => set("start_date", e.target.value)} />}
      </Field>
      <Field
        label="Their goal, in their words"
        hint={`What success means to them, e.g. "more qualified leads" — everything you track will point back to it.`}
        error={fieldError(save.error, "goal")}
      >
        {(p) => <textarea {...p} name="goal" rows={3} value={input.goal} onChange={(e) => set("goal", e.target.value)} />}
      </Field>
      <Field label="Internal notes" hint="Only for you: never shown in anything sent to the client." error={fieldError(save.error, "notes")}>
        {(p) => <textarea {...p} name="notes" rows={4} value={input.notes} onChange={(e) => set("notes", e.target.value)} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : client ? "Save changes" : "Save client"}
        </button>
        <button type="button" className="button" onClick={() => onDone(null, "")}>
          Cancel
        </button>
        {client && (
          <button type="button" className="button button--quiet" disabled={archive.isPending} onClick={() => archive.mutate(client)}>
            {client.archived_at ? "Restore client" : "Archive client"}
          </button>
        )}
      </div>
    </form>
  );
}
