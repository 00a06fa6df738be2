import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { pickFile, pickSavePath } from "../../files";
import { Channel } from "@tauri-apps/api/core";
import { commands, type ClientAlias, type DateOrder, type ImportKind, type ImportReport, type Mapping, type MetricChoice, type Progress } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { SavedNotice, type Notice } from "../../components/SavedNotice";
import { JobProgress } from "../../components/JobProgress";
import { keys, refresh as refreshBook } from "../../queries";
import { ImportMapping } from "./ImportMapping";

const OUTCOME_WORDS = { created: "New", updated: "Updated", unchanged: "Unchanged" } as const;

/**
 * Import from a spreadsheet — Clientwell's own columns or another tool's export (Xero, Harvest…)
 * — in three steps: choose what the file holds (its columns are listed, with a template to fill),
 * pick the file, check what each column is read as and see exactly what would change, then import,
 * all or nothing. The column choices are remembered for the next file with the same header. Also
 * exports.
 */
export function ImportPanel({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const kinds = useQuery({ queryKey: keys.importKinds(), queryFn: () => call(commands.importKinds()) });
  const [kind, setKind] = useState<ImportKind>("clients");
  const [dates, setDates] = useState<DateOrder | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [aliases, setAliases] = useState<ClientAlias[]>([]);
  const [metric, setMetric] = useState<MetricChoice | null>(null);
  const [file, setFile] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [notice, setNotice] = useState<Notice>("");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [stopping, setStopping] = useState(false);
  const doc = kinds.data?.find((k) => k.kind === kind);

  /** Reads (and with `commit`, imports) the file, showing how many rows are done. */
  const run = async (path: string, commit: boolean, choices: Choices = { dates, mapping, aliases, metric }) => {
    const channel = new Channel<Progress>();
    channel.onmessage = setProgress;
    setStopping(false);
    setProgress({ done: 0, total: 0 });
    try {
      return await call(commands.importFile(kind, path, { ...choices, computer_locale: navigator.language || null }, commit, channel));
    } finally {
      setProgress(null);
    }
  };
  const stoppedNotice = "Stopped: nothing was imported.";
  /** Previews a newly chosen file (from scratch), or the same file with changed choices. */
  const preview = useMutation({
    mutationFn: async (changed?: Choices) => {
      if (changed && file) return run(file, false, changed);
      const path = await pickFile({ title: "Choose the file to import", filters: [{ name: "Spreadsheet (CSV or Excel) or calendar (.ics)", extensions: ["csv", "txt", "xlsx", "ics"] }] });
      if (path === null) return null;
      setFile(path);
      setDates(null);
      setMapping(null);
      setAliases([]);
      setMetric(null);
      return run(path, false, { dates: null, mapping: null, aliases: [], metric: null });
    },
    onSuccess: (r) => {
      setNotice(r?.stopped ? stoppedNotice : "");
      if (r && !r.stopped) {
        setReport(r);
        setKind(r.kind);
      }
    },
  });
  const rethink = (changed: Partial<Choices>) => {
    const next = { dates, mapping, aliases, metric, ...changed };
    setDates(next.dates);
    setMapping(next.mapping);
    setAliases(next.aliases);
    setMetric(next.metric);
    preview.mutate(next);
  };
  const commit = useMutation({
    mutationFn: () => run(file ?? "", true),
    onSuccess: (r) => {
      if (r.stopped) {
        setNotice(stoppedNotice);
        return;
      }
      setReport(null);
      if (r.committed) {
        setNotice(`Imported: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged.`);
        refreshBook(queryClient);
      } else setReport(r);
    },
  });
  const template = useMutation({
    mutationFn: async () => {
      const path = await pickSavePath({ defaultPath: `${kind} template.csv`, filters: [{ name: "CSV", extensions: ["csv"] }] });
      if (!path) return;
      await call(commands.saveImportTemplate(kind, path));
      setNotice({ text: `Template saved to ${path}.`, path });
    },
  });
  const exporter = useMutation({
    mutationFn: async (what: ImportKind | null) => {
      const path = await pickSavePath({ defaultPath: what ? `${what}.csv` : "clientwell-book.json", filters: what ? [{ name: "CSV", extensions: ["csv"] }] : [{ name: "JSON", extensions: ["json"] }] });
      if (!path) return;
      await call(commands.exportData(what, path));
      setNotice({ text: `Exported to ${path}.`, path });
    },
  });
  const error = [preview, commit, template, exporter].find((m) => m.isError)?.error;

  return (
    <aside className="panel import-panel" aria-label="Import and export" aria-busy={preview.isPending || commit.isPending}>
      <div className="row-between">
        <h2>Import and export</h2>
        <button className="icon-button" aria-label="Close import and export" onClick={onClose}>
          ×
        </button>
      </div>
      <SavedNotice notice={notice} />
      {error !== undefined && <Banner tone="error">{asAppError(error).message}</Banner>}
      <label className="field">
        <span>The file holds</span>
        <select value={kind} onChange={(e) => (setKind(e.target.value as ImportKind), setReport(null), setMapping(null))}>
          {kinds.data?.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.title}
            </option>
          ))}
        </select>
      </label>
      {doc && (
        <details className="small">
          <summary>Columns ({doc.columns.filter((c) => c.required).map((c) => c.name).join(", ")} required)</summary>
          <p className="muted">
            {doc.matching} Header names in any order and case; columns not needed are left out. Exports from Xero, QuickBooks, FreshBooks, Stripe, Harvest, Toggl Track, Clockify, calendars, Typeform,
            Google Forms, Tally, GA4, Search Console and Shopify are read as they come. Dates like 2026-03-31 or 31/03/2026; amounts like 1,234.50 or 1.234,50.
          </p>
          <ul>
            {doc.columns.map((c) => (
              <li key={c.name}>
                <code>{c.name}</code> {c.required && <strong>required</strong>} — {c.help}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="form__actions">
        <button className="button button--small" onClick={() => template.mutate()}>
          Save a template…
        </button>
        <button className="button button--primary button--small" onClick={() => preview.mutate()} disabled={preview.isPending || commit.isPending}>
          Choose file and preview…
        </button>
      </div>
      {progress && (
        <JobProgress
          progress={progress}
          label={commit.isPending ? "Importing the file" : "Reading the file"}
          done={(done, total) => `${commit.isPending ? "Imported" : "Checked"} ${done} of ${total} rows`}
          stopping={stopping}
          onStop={() => {
            setStopping(true);
            void commands.stopBatch();
          }}
        />
      )}
      {report && (
        <ImportMapping
          report={report}
          datesChosen={dates !== null}
          onMapping={(m) => rethink({ mapping: m })}
          onDates={(d) => rethink({ dates: d })}
          onMetric={(m) => rethink({ metric: m })}
        />
      )}
      {report && (
        <Preview
          report={report}
          onImport={() => commit.mutate()}
          onAlias={(a) => rethink({ aliases: [...aliases, a] })}
          importing={commit.isPending || preview.isPending}
        />
      )}
      <h3>Export</h3>
      <div className="form__actions">
        <button className="button button--small" onClick={() => exporter.mutate(kind)}>
          Export {doc?.title.toLowerCase() ?? "this kind"} as CSV…
        </button>
        <button className="button button--small" onClick={() => exporter.mutate(null)}>
          Export the whole book (JSON)…
        </button>
      </div>
    </aside>
  );
}

/** The owner's choices for one file, sent with every preview and the import. */
type Choices = { dates: DateOrder | null; mapping: Mapping | null; aliases: ClientAlias[]; metric: MetricChoice | null };

function Preview({ report, onImport, onAlias, importing }: { report: ImportReport; onImport: () => void; onAlias: (alias: ClientAlias) => void; importing: boolean }) {
  if (report.metric && !report.metric.kpi) return <p className="muted">Choose the client and the KPI to see what would be written.</p>;
  if (report.error_count > 0) {
    return (
      <div className="import-preview" role="alert">
        <p>
          <strong>Nothing was imported:</strong> {report.error_count} {report.error_count === 1 ? "problem" : "problems"} to fix in the file first.
        </p>
        {report.suggestions.length > 0 && (
          <ul className="import-suggestions">
            {report.suggestions.map((s) => (
              <li key={s.written}>
                “{s.written}” (row {s.rows.join(", ")}) looks like <strong>{s.client}</strong> ({s.reason}).{" "}
                <button className="button button--small" onClick={() => onAlias({ written: s.written, client_id: s.client_id })}>
                  Yes, it is {s.client}
                </button>
              </li>
            ))}
          </ul>
        )}
        <ul className="small">
          {report.errors.map((e, i) => (
            <li key={i}>
              Row {e.row}
              {e.column && `, column ${e.column}`}: {e.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="import-preview">
      <p>
        This file would add <strong>{report.created}</strong>, update <strong>{report.updated}</strong> and leave <strong>{report.unchanged}</strong> as they are.
      </p>
      <ul className="small">
        {report.rows.slice(0, 20).map((r) => (
          <li key={r.row}>
            Row {r.row}: {OUTCOME_WORDS[r.outcome]} — {r.summary}
          </li>
        ))}
      </ul>
      {report.rows.length > 20 && <p className="small muted">and {report.rows.length - 20} more rows</p>}
      <button className="button button--primary" onClick={onImport} disabled={importing || report.created + report.updated === 0}>
        {importing ? "Importing…" : "Import"}
      </button>
    </div>
  );
}
