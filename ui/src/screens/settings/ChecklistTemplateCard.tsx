import { useEffect, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { asAppError, call, fieldError } from "../../backend";
import { Banner } from "../../components/Banner";
import { Field } from "../../components/Field";
import { keys } from "../../queries";

/** The onboarding checklist every new client starts from, one step per line. */
export function ChecklistTemplateCard() {
  const template = useQuery({ queryKey: keys.checklistTemplate(), queryFn: () => call(commands.checklistTemplate()) });
  const [steps, setSteps] = useState("");
  useEffect(() => {
    if (template.data) setSteps(template.data.join("\n"));
  }, [template.data]);
  const save = useMutation({ mutationFn: () => call(commands.saveChecklistTemplate({ steps })) });
  if (template.isError) return <Banner tone="error">{asAppError(template.error).message}</Banner>;
  return (
    <form
      className="card form"
      aria-labelledby="checklist-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="checklist-title">Onboarding checklist</h2>
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
