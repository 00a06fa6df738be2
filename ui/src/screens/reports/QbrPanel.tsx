import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { pickSavePath } from "../../files";
import { commands, type QbrFormat, type QbrPreview } from "../../bindings";
import { asAppError, call, fieldError } from "../../backend";
import { Banner } from "../../components/Banner";
import type { Notice } from "../../components/SavedNotice";
import { Unprintable } from "./Unprintable";
import { svgUrl } from "./MonthlyPreviewPanel";
import { keys } from "../../queries";
import { WhyItMoved } from "./WhyItMoved";

/**
 * One client's quarterly review: the quarter (their fiscal year's, the last complete one by
 * default), what the report says, the owner's notes for it, and saving the PDF.
 */
export function QbrPanel({ clientId, initialQuarter = "", onSaved, onClose }: { clientId: number; initialQuarter?: string; onSaved: (m: Notice) => void; onClose: () => void }) {
  const [quarter, setQuarter] = useState(initialQuarter);
  const [typed, setTyped] = useState("");
  const preview = useQuery({ queryKey: keys.qbrPreview(clientId, quarter), queryFn: () => call(commands.qbrPreview(clientId, quarter)) });
  useEffect(() => {
    if (preview.data) setTyped(preview.data.quarter);
  }, [preview.data]);

  const saveOne = useMutation({
    mutationFn: async ({ p, format }: { p: QbrPreview; format: QbrFormat }) => {
      const defaultPath = format === "slides" ? p.slides_file_name : p.file_name;
      const path = await pickSavePath({ defaultPath, filters: [{ name: "PDF document", extensions: ["pdf"] }] });
      if (!path) return null;
      const saved = await call(commands.saveQbrReport(clientId, p.quarter, path, format));
      return { saved, format };
    },
    onSuccess: (done) => done && onSaved({ text: `Saved ${done.saved.client}’s QBR ${done.format === "slides" ? "slides" : "report"} to ${done.saved.path}.`, path: done.saved.path }),
  });

  if (preview.isError && !preview.data)
    return (
      <aside className="card">
        <Banner tone="error">{asAppError(preview.error).message}</Banner>
        <button className="button button--small" onClick={() => setQuarter("")}>
          Back to the last quarter
        </button>
      </aside>
    );
  if (!preview.data) return <aside className="card">Preparing the review…</aside>;
  const r = preview.data.report;
  return (
    <aside className="card report-preview" aria-label={`QBR for ${r.client}`}>
      <div className="row-between">
        <h2>{r.client}</h2>
        <button className="icon-button" aria-label="Close the preview" onClick={onClose}>
          ×
        </button>
      </div>
      <form
        className="field field--inline"
        onSubmit={(e) => {
          e.preventDefault();
          setQuarter(typed);
        }}
      >
        <label htmlFor="qbr-quarter">Quarter</label>
        <input id="qbr-quarter" value={typed} onChange={(e) => setTyped(e.target.value)} title="Fiscal year and quarter, like 2027-Q2" size={9} />
        <button className="button button--small">Show</button>
      </form>
      <p className="muted small">
        {r.quarter_label} · {r.quarter_span}
      </p>
      {fieldError(preview.error, "quarter") && <p className="field__error">{fieldError(preview.error, "quarter")}</p>}
      <div className="page-previews">
        {preview.data.pages.map((page, i) => (
          <img key={i} className="page-preview" src={svgUrl(page)} alt={`Page ${i + 1} of ${r.client}’s QBR`} />
        ))}
      </div>
      <h3>Executive summary</h3>
      {r.summary.map((line) => (
        <p key={line} className="small">
          {line}
        </p>
      ))}
      <Notes clientId={clientId} quarter={preview.data.quarter} written={{ working: r.working, not_working: r.not_working, adjust: r.adjust }} />
      {r.kpis.length > 0 && <h3>Why the results moved</h3>}
      {r.kpis.map((k) => (
        <WhyItMoved key={k.kpi_id} clientId={clientId} period={preview.data.quarter} row={k} />
      ))}
      <p className="small muted">
        {r.kpis.length} results with charts · {r.plan.length} milestones next quarter · {r.opportunities.length} opportunities shown · invested {r.invested_quarter}
      </p>
      {preview.data.missing.length > 0 && (
        <div className="card card--attention" role="note" aria-label="Not written yet">
          <h3>Before you save</h3>
          <p className="small muted">What is not written is left out of the client’s PDF, never filled in for you.</p>
          <ul className="small">
            {preview.data.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <Unprintable texts={preview.data.unprintable} />
      {saveOne.isError && <Banner tone="error">{asAppError(saveOne.error).message}</Banner>}
      <div className="form__actions">
        <button className="button button--primary" disabled={saveOne.isPending} onClick={() => saveOne.mutate({ p: preview.data, format: "report" })}>
          {saveOne.isPending ? "Saving…" : "Save QBR PDF…"}
        </button>
        <button
          className="button"
          disabled={saveOne.isPending}
          title="The same review as 16:9 slides, one message per slide, to share on screen in the meeting"
          onClick={() => saveOne.mutate({ p: preview.data, format: "slides" })}
        >
          Save slides (16:9)…
        </button>
      </div>
    </aside>
  );
}

/** The owner's three sections of the review, in the order the report prints them. */
const NOTE_FIELDS = [
  { name: "working", label: "What is working" },
  { name: "not_working", label: "What did not work" },
  { name: "adjust", label: "What we adjust" },
] as const;

type NoteValues = { working: string; not_working: string; adjust: string };

/** The owner's words for the review; they appear in the client's PDF as written. */
function Notes({ clientId, quarter, written }: { clientId: number; quarter: string; written: NoteValues }) {
  const [values, setValues] = useState(written);
  const { working, not_working, adjust } = written;
  useEffect(() => setValues({ working, not_working, adjust }), [working, not_working, adjust, quarter]);
  const queryClient = useQueryClient();
  const saveNotes = useMutation({
    mutationFn: () => call(commands.saveQbrNotes(clientId, quarter, values)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.qbrPreview(clientId) }),
  });
  const dirty = NOTE_FIELDS.some(({ name }) => values[name] !== written[name]);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        saveNotes.mutate();
      }}
    >
      {NOTE_FIELDS.map(({ name, label }) => (
        <label className="field" key={name}>
          <span>{label}</span>
          <textarea rows={3} value={values[name]} onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))} />
          {fieldError(saveNotes.error, name) && <span className="field__error">{fieldError(saveNotes.error, name)}</span>}
        </label>
      ))}
      <p className="field__hint">Written for the client: this text goes into their report as you write it.</p>
      <div className="form__actions">
        <button className="button button--small" disabled={!dirty || saveNotes.isPending}>
          Save notes
        </button>
        {saveNotes.isSuccess && !dirty && <span className="saved">Saved</span>}
      </div>
    </form>
  );
}
