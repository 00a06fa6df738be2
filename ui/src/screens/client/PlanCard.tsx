import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { pickSavePath } from "../../files";
import { commands, type Client, type SuccessPlanInput } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { QuickForm, type FieldSpec } from "../../components/QuickForm";
import { MONTH_NAMES, plainAmount } from "../../format";
import { useRecordMutation } from "./useRecordMutation";

type PlanForm = { cadence_days: string; owner: string; fiscal_year_start: string; annual_budget: string; recap: string };

const FIELDS: FieldSpec<PlanForm>[] = [
  { name: "cadence_days", label: "Check in every (days)", type: "number", hint: "How often you agreed to be in touch; late check-ins show on the review." },
  { name: "owner", label: "Looked after by" },
  { name: "fiscal_year_start", label: "Their financial year starts in", type: "select", options: MONTH_NAMES.map((m, i) => ({ value: String(i + 1), label: m })) },
  { name: "annual_budget", label: "Their yearly budget for your work", type: "number", hint: "Optional, if they shared it: their QBR shows what they invested so far this year against it." },
  { name: "recap", label: "Plan recap for the client", type: "textarea", wide: true, hint: "What you agreed, in a few lines. Copy it into an email or save it as a file." },
];

/** The success plan: cadence, owner, the client's financial year, and a recap to copy or save. */
export function PlanCard({ client, digits, money }: { client: Client; digits: number; money: (minor: number) => string }) {
  const [editing, setEditing] = useState(false);
  const [copied, setCopied] = useState(false);
  const plan = client.plan;
  const update = useRecordMutation((v: PlanForm) => {
    const input: SuccessPlanInput = { cadence_days: v.cadence_days, owner: v.owner, recap: v.recap, fiscal_year_start: Number(v.fiscal_year_start), annual_budget: v.annual_budget };
    return commands.saveSuccessPlan(client.id, input);
  }, () => setEditing(false));
  const copy = useMutation({
    mutationFn: async () => navigator.clipboard.writeText(await call(commands.planRecap(client.id))),
    onSuccess: () => setCopied(true),
  });
  const saveFile = useMutation({
    mutationFn: async () => {
      const path = await pickSavePath({ defaultPath: `${client.name.replace(/[\\/:*?"<>|]/g, "-")} — Success plan.txt`, filters: [{ name: "Text", extensions: ["txt"] }] });
      if (path) await call(commands.savePlanRecap(client.id, path));
      return path;
    },
  });
  const problem = copy.error ?? saveFile.error;
  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">Success plan</h2>
      {editing ? (
        <QuickForm
          title="Edit the plan"
          fields={FIELDS}
          initial={{ cadence_days: plan.cadence_days === null ? "" : String(plan.cadence_days), owner: plan.owner, fiscal_year_start: String(plan.fiscal_year_start), annual_budget: plan.annual_budget_cents === null ? "" : plainAmount(plan.annual_budget_cents, digits), recap: plan.recap }}
          submitLabel="Save plan"
          pending={update.isPending}
          error={update.error}
          onSubmit={(v) => update.mutate(v)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <p className="small">
            {plan.cadence_days ? `Check in every ${plan.cadence_days} days` : "No check-in rhythm agreed yet"}
            {plan.owner && ` · looked after by ${plan.owner}`} · financial year from {MONTH_NAMES[plan.fiscal_year_start - 1]}
            {plan.annual_budget_cents !== null && ` · budget ${money(plan.annual_budget_cents)} a year`}
          </p>
          {plan.recap ? <p className="notes">{plan.recap}</p> : <p className="muted small">No recap written yet. Write what you agreed at onboarding, then copy it into an email.</p>}
          <div className="form__actions">
            <button className="button button--small" onClick={() => setEditing(true)}>
              Edit plan
            </button>
            <button className="button button--small" onClick={() => copy.mutate()}>
              Copy plan
            </button>
            <button className="button button--small" onClick={() => saveFile.mutate()}>
              Save as file…
            </button>
            {copied && <span className="saved">Copied</span>}
            {saveFile.data && <span className="saved">Saved</span>}
          </div>
          {problem && <Banner tone="error">{asAppError(problem).message}</Banner>}
        </>
      )}
    </section>
  );
}
