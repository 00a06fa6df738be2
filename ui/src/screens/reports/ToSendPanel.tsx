// The month's close: every current client's summary (and the QBRs of the quarters the month
// ends) to preview, mark reviewed, save together, send with a cover note, and mark sent.
import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { open } from "@tauri-apps/plugin-dialog";
import { openUrl, revealItemInDir } from "@tauri-apps/plugin-opener";
import { commands, type BatchReport, type DocumentMark, type ToSendRow } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { formatDate } from "../../format";
import { keys, refresh } from "../../queries";
import { useQueryClient } from "@tanstack/react-query";

type Props = { month: string; onPreview: (row: ToSendRow) => void };

export function ToSendPanel({ month, onPreview }: Props) {
  const close = useQuery({ queryKey: keys.toSend(month), queryFn: () => call(commands.toSend(month)) });
  const queryClient = useQueryClient();
  const mark = useMutation({
    mutationFn: ({ row, to }: { row: ToSendRow; to: DocumentMark }) => call(commands.markDocument(row.client_id, row.kind, row.period, to)),
    onSuccess: () => refresh(queryClient),
  });
  const [batch, setBatch] = useState<{ report: BatchReport; folder: string } | null>(null);
  const saveReviewed = useMutation({
    mutationFn: async (replaceIn?: string) => {
      const folder = replaceIn ?? (await open({ directory: true, title: "Choose a folder for the reviewed reports" }));
      if (typeof folder !== "string") return null;
      return { report: await call(commands.saveReviewedDocuments(month, folder, replaceIn !== undefined)), folder };
    },
    onSuccess: async (done) => {
      if (done) setBatch(done);
      await refresh(queryClient);
    },
  });

  if (close.isPending) return <p className="muted">Preparing the close…</p>;
  if (close.isError) return <Banner tone="error">{asAppError(close.error).message}</Banner>;
  const rows = close.data.rows;
  const reviewed = rows.filter((r) => r.reviewed_on !== null).length;
  const sent = rows.filter((r) => r.sent_on !== null).length;
  const email = (row: ToSendRow) =>
    openUrl(`mailto:${encodeURI(row.to_email)}?subject=${encodeURIComponent(row.subject)}&body=${encodeURIComponent(row.body)}`);
  const kept = batch?.report.failed ?? [];

  return (
    <div className="to-send">
      <div className="toolbar">
        <p className="muted small" aria-live="polite">
          {close.data.month_label}: {rows.length} to send · {reviewed} reviewed · {sent} sent
        </p>
        <button
          className="button button--primary"
          title="Each QBR is saved with its 16:9 slides beside it, for the meeting."
          disabled={reviewed === 0 || saveReviewed.isPending}
          onClick={() => saveReviewed.mutate(undefined)}
        >
          {saveReviewed.isPending ? "Saving…" : `Save the ${reviewed} reviewed as PDFs…`}
        </button>
      </div>
      {batch && (
        <div className={`banner banner--${kept.length > 0 ? "info" : "success"}`} role="status">
          Saved {batch.report.saved.length === 1 ? "1 file" : `${batch.report.saved.length} files`} into {batch.folder}.
          {kept.length > 0 && (
            <>
              {" "}
              {kept.length} not saved: {kept.map((f) => `${f.client} (${f.reason})`).join("; ")}{" "}
              <button className="button button--small" disabled={saveReviewed.isPending} onClick={() => saveReviewed.mutate(batch.folder)}>
                Replace them
              </button>
            </>
          )}
        </div>
      )}
      {saveReviewed.isError && <Banner tone="error">{asAppError(saveReviewed.error).message}</Banner>}
      {mark.isError && <Banner tone="error">{asAppError(mark.error).message}</Banner>}
      <table className="table">
        <thead>
          <tr>
            <th>Client</th>
            <th>Report</th>
            <th>Before you send</th>
            <th>Reviewed</th>
            <th>Sent</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = `${row.client}, ${row.kind === "qbr" ? "QBR" : "summary"} for ${row.period_label}`;
            return (
              <tr key={`${row.client_id}-${row.kind}`}>
                <td>
                  <button className="link" onClick={() => onPreview(row)} title="Preview it">
                    {row.client}
                  </button>
                </td>
                <td>{row.kind === "qbr" ? `QBR ${row.period_label}` : `Summary ${row.period_label}`}</td>
                <td className="small">
                  {row.missing.length === 0 ? (
                    <span className="muted">Nothing missing</span>
                  ) : (
                    <details>
                      <summary>{row.missing.length} to check</summary>
                      <ul>
                        {row.missing.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
                <td>
                  <label className="small">
                    <input
                      type="checkbox"
                      checked={row.reviewed_on !== null}
                      disabled={mark.isPending}
                      onChange={(e) => mark.mutate({ row, to: e.target.checked ? "reviewed" : "not_reviewed" })}
                      aria-label={`Reviewed: ${name}`}
                    />{" "}
                    {row.reviewed_on ? formatDate(row.reviewed_on) : "Not yet"}
                  </label>
                </td>
                <td className="small">
                  {row.sent_on ? (
                    <>
                      Sent {formatDate(row.sent_on)}{" "}
                      <button className="link small" disabled={mark.isPending} onClick={() => mark.mutate({ row, to: "not_sent" })} aria-label={`Not sent after all: ${name}`}>
                        Undo
                      </button>
                    </>
                  ) : (
                    <button className="button button--small" disabled={mark.isPending} onClick={() => mark.mutate({ row, to: "sent" })} aria-label={`Mark sent: ${name}`}>
                      Mark sent
                    </button>
                  )}
                </td>
                <td className="small">
                  <button
                    className="button button--small"
                    onClick={() => void email(row)}
                    title={row.to_email ? `To ${row.to_name} <${row.to_email}>, with a short cover note. Attach the saved PDF.` : `${row.to_name || "Their finance or main contact"} has no email address on record: add one on their page.`}
                    disabled={!row.to_email}
                    aria-label={`Write email: ${name}`}
                  >
                    Write email
                  </button>{" "}
                  {row.saved_to && (
                    <button className="link small" onClick={() => void revealItemInDir(row.saved_to)} title={row.saved_to} aria-label={`Show the saved file: ${name}`}>
                      Show file
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">
        “Write email” opens your mail app addressed to their finance contact (else the main contact) with a cover note from the report’s
        own verdict; attach the saved PDF (“Show file” opens its folder).
      </p>
    </div>
  );
}
