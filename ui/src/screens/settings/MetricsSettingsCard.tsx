import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { asAppError, call, fieldError } from "../../backend";
import { Banner } from "../../components/Banner";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The studio's fiscal year (for portfolio quarters) and what winning a client costs (for lifetime value). */
export function MetricsSettingsCard({ currency }: { currency: string }) {
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: ["metrics-settings"], queryFn: () => call(commands.metricsSettings()) });
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
      queryClient.invalidateQueries({ queryKey: ["metrics-settings"] });
      queryClient.invalidateQueries({ queryKey: ["period-choices"] });
      queryClient.invalidateQueries({ queryKey: ["portfolio"] });
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
        <label className="field">
          <span>Your fiscal year starts in</span>
          <select value={start} onChange={(e) => setStart(Number(e.target.value))}>
            {MONTHS.map((m, i) => (
              <option key={m} value={i + 1}>
                {m}
              </option>
            ))}
          </select>
          {fieldError(save.error, "fiscal_year_start") && <span className="field__error">{fieldError(save.error, "fiscal_year_start")}</span>}
        </label>
        <label className="field">
          <span>Cost of winning a client ({currency})</span>
          <input value={cost} onChange={(e) => setCost(e.target.value)} placeholder="e.g. 1,500" />
          <span className="field__hint">Taken off projected lifetime value. Leave empty if you don’t know.</span>
          {fieldError(save.error, "acquisition_cost") && <span className="field__error">{fieldError(save.error, "acquisition_cost")}</span>}
        </label>
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
