import { useEffect, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { commands, type Checklist } from "../../bindings";
import { asAppError, call, fieldError } from "../../backend";
import { Banner } from "../../components/Banner";
import { Field } from "../../components/Field";
import { keys } from "../../queries";
import { CHECKLIST_WORDS } from "../../words";


/** A checklist every client starts from (onboarding when the work begins, offboarding when it ends), one step per line. */
export function ChecklistTemplateCard({ list }: { list: Checklist }) {
  const template = useQuery({ queryKey: keys.checklistTemplate(list), queryFn: () => call(commands.checklistTemplate(list)) });
  const [steps, setSteps] = useState("");
  useEffect(() => {
    if (template.data) setSteps(template.data.join("\n"));
  }, [template.data]);
  const save = useMutation({ mutationFn: () => call(commands.saveChecklistTemplate(list, { steps })) });
  if (template.isError) return <Banner tone="error">{asAppError(template.error).message}</Banner>;
  return (
    <form
      className="card form"
      aria-labelledby={`${list}-template-title`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id={`${list}-template-title`}>{CHECKLIST_WORDS[list]}</h2>
      <Field label="Steps, one per line" hint="New checklists use these steps; clients who already started keep theirs." error={fieldError(save.error, "steps")}>
        {(p) => <textarea {...p} rows={7} value={steps} onChange={(e) => setSteps(e.target.value)} />}
      </Field>
      <div className="form__actions">
        <button className="button button--primary" disabled={save.isPending}>
          Save checklist
        </button>
        {save.isSuccess && <span className="saved">Saved</span>}
      </div>
    </form>
  );
}
