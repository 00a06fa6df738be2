import * as Tabs from "@radix-ui/react-tabs";
import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { open } from "@tauri-apps/plugin-dialog";
import { Channel } from "@tauri-apps/api/core";
import { commands, type Progress, type SavedReport, type FailedReport } from "../../bindings";
import { asAppError, call } from "../../backend";
import { JobProgress } from "../../components/JobProgress";
import { Banner } from "../../components/Banner";
import { SavedNotice, type Notice } from "../../components/SavedNotice";
import { EmptyState } from "../../components/EmptyState";
import { formatSize } from "../../format";
import { STATUS_WORDS } from "../../words";
import { QbrPanel } from "./QbrPanel";
import { MonthlyPreviewPanel as Preview } from "./MonthlyPreviewPanel";
import { keys } from "../../queries";
import { ToSendPanel } from "./ToSendPanel";
import { MonthField } from "./MonthField";

/** "YYYY-MM" of the month before `today`: the month an owner usually reports on. */
export function lastMonth(today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

/** The monthly results summaries: preview what a client's page will say, save it or all of them as PDFs. */
export function ReportsScreen({ initialClientId = null }: { initialClientId?: number | null }) {
  const [kind, setKind] = useState<"monthly" | "qbr" | "close">("monthly");
  const [month, setMonth] = useState(lastMonth());
  const [selected, setSelected] = useState<number | null>(initialClientId);
  // The quarter a QBR opened from the "To send" list is for (empty: the last complete one).
  const [quarter, setQuarter] = useState("");
  const [notice, setNotice] = useState<Notice>("");
  // Who is "current" (onboarding, active or paused) is the core's rule, as for the batch.
  const clients = useQuery({ queryKey: keys.currentClients(), queryFn: () => call(commands.currentClients()) });
  const current = clients.data ?? [];

  const [progress, setProgress] = useState<Progress | null>(null);
  const [written, setWritten] = useState<SavedReport[]>([]);
  const [stopping, setStopping] = useState(false);
  // Files of an earlier batch in the chosen folder: the folder dialog does not ask about them, so we do.
  const [failed, setFailed] = useState<FailedReport[]>([]);
  const [notStarted, setNotStarted] = useState<string[]>([]);
  const [clash, setClash] = useState<{ folder: string; message: string } | null>(null);
  const saveAll = useMutation({
    mutationFn: async (replaceIn?: string) => {
      setClash(null);
      const folder = replaceIn ?? (await open({ directory: true, title: "Choose a folder for the monthly summaries" }));
      if (typeof folder !== "string") return null;
      const channel = new Channel<Progress>();
      channel.onmessage = setProgress;
      setProgress({ done: 0, total: current.length });
      try {
        return await call(commands.saveMonthlySummaries(month, folder, replaceIn !== undefined, channel));
      } catch (e) {
        const error = asAppError(e);
        if (error.kind === "conflict" && error.field === "folder") setClash({ folder, message: error.message });
        throw e;
      }
    },
    onSuccess: (batch) => {
      const total = progress?.total ?? 0;
      setProgress(null);
      setStopping(false);
      if (!batch) return;
      setWritten(batch.saved);
      setFailed(batch.failed);
      const n = batch.saved.length;
      const what = `${n} monthly ${n === 1 ? "summary" : "summaries"}`;
      const marked = batch.saved.filter((s) => s.unprintable.length > 0).map((s) => s.client);
      const failures =
        (batch.failed.length > 0 ? ` ${batch.failed.length} could not be saved; see below.` : "") +
        (marked.length > 0 ? ` Some text prints as “?” (characters the font cannot print) in: ${marked.join(", ")}.` : "");
      const left = batch.not_started.length;
      setNotStarted(batch.not_started);
      setNotice(left > 0 ? `Stopped: saved ${what} of ${total}. Each saved file is complete; ${left} not started.${failures}` : `Saved ${what}.${failures}`);
    },
    onError: () => {
      setProgress(null);
      setStopping(false);
    },
  });
  const body = () => {
    if (clients.isPending) return <p className="muted">Loading clients…</p>;
    if (clients.isError) return <Banner tone="error">{asAppError(clients.error).message}</Banner>;
    if (current.length === 0) {
      return (
        <EmptyState title="No current clients to report on">
          Monthly summaries are made for clients who are onboarding, active or paused. Add a client in Clients, record their
          KPI values and deliverables, and their summary appears here.
        </EmptyState>
      );
    }
    return (
      <div className={selected !== null ? "split split--open" : "split"}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {current.map((c) => (
              <tr key={c.id} aria-selected={selected === c.id}>
                <th scope="row">
                  <button className="link" onClick={() => {
                    setSelected(c.id);
                    setQuarter("");
                  }}>
                    {c.name}
                  </button>
                </th>
                <td>
                  <span className={`status status--${c.status}`}>{STATUS_WORDS[c.status]}</span>
                </td>
                <td className="actions">
                  <button className="button button--small" onClick={() => {
                    setSelected(c.id);
                    setQuarter("");
                  }}>
                    Preview
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {selected !== null && kind === "monthly" && <Preview clientId={selected} month={month} onSaved={setNotice} onClose={() => setSelected(null)} />}
        {selected !== null && kind === "qbr" && <QbrPanel key={`${selected}-${quarter}`} clientId={selected} initialQuarter={quarter} onSaved={setNotice} onClose={() => setSelected(null)} />}
      </div>
    );
  };

  return (
    <section className="screen" aria-labelledby="reports-title" aria-busy={clients.isPending}>
      <header className="screen__header">
        <h1 id="reports-title">Reports</h1>
      </header>
      {/* Radix Tabs: arrow keys move between the reports, and the one panel is tied to its tab. */}
      <Tabs.Root value={kind} onValueChange={(v) => setKind(v as typeof kind)}>
      <Tabs.List className="segmented" aria-label="Which report">
        <Tabs.Trigger value="monthly" className="segmented__item">Monthly results summary</Tabs.Trigger>
        <Tabs.Trigger value="qbr" className="segmented__item">Quarterly review (QBR)</Tabs.Trigger>
        <Tabs.Trigger value="close" className="segmented__item">To send</Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value={kind} className="tab-panel">
      {kind === "close" ? (
        <>
          <p className="muted lead-small">
            The month’s close: every current client’s summary, and the QBR of each client whose quarter ends this month. Open one to
            preview it, tick it reviewed, save the reviewed ones together, write the email, and mark it sent.
          </p>
          <div className="toolbar">
            <MonthField month={month} onChange={setMonth} />
          </div>
          <ToSendPanel
            month={month}
            onPreview={(row) => {
              setKind(row.kind === "qbr" ? "qbr" : "monthly");
              setQuarter(row.kind === "qbr" ? row.period : "");
              setSelected(row.client_id);
            }}
          />
        </>
      ) : kind === "monthly" ? (
        <>
          <p className="muted lead-small">
            One page per client for the month: their goal, the results, the work delivered, what comes next and the month’s
            invoices — written for anyone at the client, finance included. Health, notes and other internal details never appear.
          </p>
          <div className="toolbar">
            <MonthField month={month} onChange={setMonth} />
            <button className="button" disabled={current.length === 0 || saveAll.isPending} onClick={() => saveAll.mutate()}>
              {saveAll.isPending ? "Saving…" : "Save all as PDFs…"}
            </button>
          </div>
        </>
      ) : (
        <p className="muted lead-small">
          A report for the quarterly review meeting and the client’s finance team: results against the goal, what works and what
          you adjust, next quarter’s plan, what you need from them, and the money — invested, invoices, hours and value achieved.
          The same review can be saved as 16:9 slides to present. Quarters follow each client’s fiscal year.
        </p>
      )}
      {progress && (
        <JobProgress
          progress={progress}
          label="Saving the monthly summaries"
          done={(done, total) => `Saved ${done} of ${total}`}
          stopping={stopping}
          onStop={() => {
            setStopping(true);
            void commands.stopBatch();
          }}
        />
      )}
      <SavedNotice notice={notice} />
      {written.length > 0 && (
        <details className="small written">
          <summary>What was written</summary>
          <ul>
            {written.map((w) => (
              <li key={w.path}>
                {w.path} <span className="muted">({formatSize(w.size)})</span>
              </li>
            ))}
          </ul>
          {notStarted.length > 0 && <p>Not started: {notStarted.join(", ")}</p>}
        </details>
      )}
      {failed.length > 0 && (
        <div className="banner banner--error" role="alert">
          Not saved:
          <ul>
            {failed.map((f) => (
              <li key={f.path}>
                {f.client}: {f.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {clash && (
        <div className="banner banner--info" role="alert">
          <p>{clash.message}</p>
          <button type="button" className="button button--primary" onClick={() => saveAll.mutate(clash.folder)}>
            Replace them
          </button>{" "}
          <button type="button" className="button" onClick={() => setClash(null)}>
            Keep them
          </button>
        </div>
      )}
      {saveAll.isError && !clash && <Banner tone="error">{asAppError(saveAll.error).message}</Banner>}
      {kind !== "close" && body()}
      </Tabs.Content>
      </Tabs.Root>
    </section>
  );
}
