import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { asAppError, call, fieldError } from "../../backend";
import { Banner } from "../../components/Banner";
import { Field } from "../../components/Field";
import { MONTH_NAMES } from "../../format";
import { keys } from "../../queries";


/** The studio's fiscal year (for portfolio quarters) and what winning a client costs (for lifetime value). */
export function MetricsSettingsCard({ currency }: { currency: string }) {
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: keys.metricsSettings(), queryFn: () => call(commands.metricsSettings()) });
  const [start, setStart] = useState(1);
  const [cost, setCost] = useState("");
  useEffect(() => {
    if (stored.data) {
      setStart(stored.data.fiscal_year_start);
      setCost(stored.data.acquisition_cost);
    }
  }, [stored.data]);
  const save = useMutation({
    mutationFn: () => call(commands.saveMetricsSettings({ fiscal_year_start: start, acquisition_cost: cost })),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: keys.metricsSettings() });
      queryClient.invalidateQueries({ queryKey: keys.periodChoices() });
      queryClient.invalidateQueries({ queryKey: keys.portfolio() });
    },
  });
  if (stored.isError) return <Banner tone="error">{asAppError(stored.error).message}</Banner>;
  return (
    <form
      className="card form"
      aria-labelledby="metrics-settings-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="metrics-settings-title">Portfolio</h2>
      <div className="quickform__grid">
        <Field label="Your fiscal year starts in" error={fieldError(save.error, "fiscal_year_start")}>
          {(p) => (
            <select {...p} value={start} onChange={(e) => setStart(Number(e.target.value))}>
              {MONTH_NAMES.map((m, i) => (
                <option key={m} value={i + 1}>
                  {m}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={`Cost of winning a client (${currency})`} hint="Taken off projected lifetime value. Leave empty if you don’t know." error={fieldError(save.error, "acquisition_cost")}>
          {(p) => <input {...p} value={cost} onChange={(e) => setCost(e.target.value)} placeholder="e.g. 1,500" />}
        </Field>
      </div>
      <div className="form__actions">
        <button className="button button--primary" disabled={save.isPending}>
          Save portfolio settings
        </button>
        {save.isSuccess && <span className="saved">Saved</span>}
      </div>
    </form>
  );
}
