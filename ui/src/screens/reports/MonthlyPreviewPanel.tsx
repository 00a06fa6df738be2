// What one client's monthly summary will say, drawn as the page itself, with "Save PDF…".
import { useMutation, useQuery } from "@tanstack/react-query";
import { pickSavePath } from "../../files";
import { commands, type MonthlyPreview } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import type { Notice } from "../../components/SavedNotice";
import { keys } from "../../queries";
import { Unprintable } from "./Unprintable";
import { WhyItMoved } from "./WhyItMoved";

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
/** A page the core drew as SVG, as an image source. */
export const svgUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** The preview of `clientId`'s summary of `month`, beside the list. */
export function MonthlyPreviewPanel({ clientId, month, onSaved, onClose }: { clientId: number; month: string; onSaved: (m: Notice) => void; onClose: () => void }) {
  const preview = useQuery({ queryKey: keys.monthlyPreview(clientId, month), queryFn: () => call(commands.monthlyPreview(clientId, month)) });
  const saveOne = useMutation({
    mutationFn: async (p: MonthlyPreview) => {
      const path = await pickSavePath({ defaultPath: p.file_name, filters: [{ name: "PDF document", extensions: ["pdf"] }] });
      if (!path) return null;
      return call(commands.saveMonthlySummary(clientId, month, path));
    },
    onSuccess: (saved) => saved && onSaved({ text: `Saved ${saved.client}’s summary to ${saved.path}.`, path: saved.path }),
  });
  if (preview.isPending) return <aside className="card">Preparing the summary…</aside>;
  if (preview.isError) return <aside className="card"><Banner tone="error">{asAppError(preview.error).message}</Banner></aside>;
  const s = preview.data.summary;
  return (
    <aside className="card report-preview" aria-label={`Summary for ${s.client}`}>
      <div className="row-between">
        <h2>{s.client}</h2>
        <button className="icon-button" aria-label="Close the preview" onClick={onClose}>
          ×
        </button>
      </div>
      <img className="page-preview" src={svgUrl(preview.data.page)} alt={`Preview of ${s.client}’s summary page`} />
      <p>{s.headline}</p>
      <h3>Results</h3>
      {s.kpis.length === 0 ? (
        <p className="muted">No KPIs agreed yet: the page will say so. Add them on the client’s page.</p>
      ) : (
        <ul className="plain">
          {s.kpis.map((k) => (
            <li key={k.kpi_id}>
              <span className="row-between">
                <span>{k.name}</span>
                <span>
                  {k.current ?? "no figure"} · {k.status}
                </span>
              </span>
              <WhyItMoved clientId={clientId} period={month} row={k} />
            </li>
          ))}
        </ul>
      )}
      <p className="small muted">
        {s.delivered.length} delivered · {s.next_focus.length} next up · {count(s.asks.length, "ask")} · {count(s.invoices.length, "invoice")}
      </p>
      <Unprintable texts={preview.data.unprintable} />
      {saveOne.isError && <Banner tone="error">{asAppError(saveOne.error).message}</Banner>}
      <button className="button button--primary" disabled={saveOne.isPending} onClick={() => saveOne.mutate(preview.data)}>
        {saveOne.isPending ? "Saving…" : "Save PDF…"}
      </button>
    </aside>
  );
}
