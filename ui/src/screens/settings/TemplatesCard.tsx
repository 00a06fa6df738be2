import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type Script, type Template } from "../../bindings";
import { asAppError, call, fieldError } from "../../backend";
import { Banner } from "../../components/Banner";
import { keys } from "../../queries";

const FIELDS = ["{hello}", "{client}", "{goal}", "{progress}", "{on_track}", "{kpi_count}", "{next_step}", "{renewal_date}", "{signature}"];

/** The messages the review drafts, in the owner's own words. */
export function TemplatesCard() {
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: keys.templates(), queryFn: () => call(commands.messageTemplates()) });
  const [script, setScript] = useState<Script>("value_check_in");
  const current = templates.data?.find((t) => t.script === script);
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  useEffect(() => {
    if (current) {
      setSubject(current.subject);
      setBody(current.body);
    }
  }, [current]);
  const replace = (t: Template) => queryClient.setQueryData<Template[]>(["templates"], (all) => all?.map((x) => (x.script === t.script ? t : x)));
  const save = useMutation({ mutationFn: () => call(commands.saveTemplate(script, { subject, body })), onSuccess: replace });
  const reset = useMutation({ mutationFn: () => call(commands.resetTemplate(script)), onSuccess: replace });
  if (templates.isError) return <Banner tone="error">{asAppError(templates.error).message}</Banner>;
  if (!templates.data) return null;
  return (
    <form
      className="card form"
      aria-labelledby="templates-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="templates-title">Message templates</h2>
      <p className="muted small">The review drafts these messages from each client’s data. Fields Clientwell fills in: {FIELDS.join(" ")}</p>
      <label className="field">
        <span>Message</span>
        <select value={script} onChange={(e) => setScript(e.target.value as Script)}>
          {templates.data.map((t) => (
            <option key={t.script} value={t.script}>
              {t.label}
              {t.custom ? " (yours)" : ""}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Subject</span>
        <input value={subject} onChange={(e) => setSubject(e.target.value)} />
        {fieldError(save.error, "subject") && <span className="field__error">{fieldError(save.error, "subject")}</span>}
      </label>
      <label className="field">
        <span>Text</span>
        <textarea rows={10} value={body} onChange={(e) => setBody(e.target.value)} />
        {fieldError(save.error, "body") && <span className="field__error">{fieldError(save.error, "body")}</span>}
      </label>
      <div className="form__actions">
        <button className="button button--primary" disabled={save.isPending}>
          Save template
        </button>
        {current?.custom && (
          <button type="button" className="button" onClick={() => reset.mutate()} disabled={reset.isPending}>
            Go back to Clientwell’s wording
          </button>
        )}
        {save.isSuccess && <span className="saved">Saved</span>}
      </div>
    </form>
  );
}
