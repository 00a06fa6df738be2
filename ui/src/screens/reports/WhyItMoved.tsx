// The owner's words for why one result moved in the document's month or quarter. They print
// beside the result on the client's document, as written; empty words take them off.
import { useEffect, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type KpiRow } from "../../bindings";
import { call, fieldError } from "../../backend";
import { refresh } from "../../queries";

export function WhyItMoved({ clientId, period, row }: { clientId: number; period: string; row: KpiRow }) {
  const saved = row.why ?? "";
  const [why, setWhy] = useState(saved);
  useEffect(() => setWhy(saved), [saved, period]);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => call(commands.saveKpiNote(clientId, row.kpi_id, { period, why })),
    onSuccess: () => refresh(queryClient),
  });
  const id = `why-${row.kpi_id}`;
  return (
    <form
      className="field why-it-moved"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <label htmlFor={id} className="small">
        Why {row.name} moved <span className="muted">(optional, printed beside it)</span>
      </label>
      <span className="row-between">
        <input id={id} value={why} maxLength={240} onChange={(e) => setWhy(e.target.value)} placeholder="The lunch menu page went live on the 12th" />
        <button className="button button--small" disabled={why === saved || save.isPending}>
          Save
        </button>
      </span>
      {fieldError(save.error, "why") && <span className="field__error">{fieldError(save.error, "why")}</span>}
      {save.isSuccess && why === saved && <span className="saved">Saved</span>}
    </form>
  );
}
