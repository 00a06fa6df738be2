import { useState } from "react";
import { commands, type ClientPage, type RecordRef, type TimelineEvent, type TimelineKind } from "../../bindings";
import { QuickForm } from "../../components/QuickForm";
import { editorFor, type Editor } from "./editing";
import { Banner } from "../../components/Banner";
import { asAppError } from "../../backend";
import { formatDate } from "../../format";
import { useRecordMutation } from "./useRecordMutation";

const KIND_LABELS: Record<TimelineKind, string> = {
  touchpoint: "Contact",
  deliverable: "Delivered",
  invoice: "Invoice",
  survey: "Survey",
  complaint: "Issue",
  milestone: "Milestone",
  measurement: "KPI",
};

/** The client's history, newest first; each line can be edited in place or removed (after a confirmation). */
export function Timeline({ clientId, events, page, limit = 40 }: { clientId: number; events: TimelineEvent[]; page?: ClientPage; limit?: number }) {
  const remove = useRecordMutation(clientId, (record: RecordRef) => commands.deleteRecord(record));
  const [editing, setEditing] = useState<string | null>(null);
  if (events.length === 0) return <p className="muted">Nothing recorded yet. Log a touchpoint above after your next call or email.</p>;
  const shown = events.slice(0, limit);
  return (
    <>
      {remove.isError && <Banner tone="error">{asAppError(remove.error).message}</Banner>}
      <ol className="timeline">
        {shown.map((e) => (
          <li key={keyOf(e.record)} className={`timeline__item timeline__item--${e.kind}`}>
            <span className="timeline__date">{formatDate(e.date)}</span>
            <span className="timeline__kind">{KIND_LABELS[e.kind]}</span>
            <span className="timeline__text">
              <strong>{e.title}</strong>
              {e.detail && <span className="muted"> — {e.detail}</span>}
            </span>
            {page && editorFor(page, e.record) && (
              <button className="icon-button" aria-label={`Edit: ${e.title}, ${formatDate(e.date)}`} title="Edit" onClick={() => setEditing(editing === keyOf(e.record) ? null : keyOf(e.record))}>
                ✎
              </button>
            )}
            <button
              className="icon-button"
              aria-label={`Delete: ${e.title}, ${formatDate(e.date)}`}
              title="Delete"
              onClick={() => {
                if (window.confirm(`Delete “${e.title}” from ${formatDate(e.date)}? This cannot be undone.`)) remove.mutate(e.record);
              }}
            >
              ×
            </button>
            {page && editing === keyOf(e.record) && <EditRow clientId={clientId} editor={editorFor(page, e.record)} onDone={() => setEditing(null)} />}
          </li>
        ))}
      </ol>
      {events.length > limit && <p className="muted small">+ {events.length - limit} older entries</p>}
    </>
  );
}

const keyOf = (r: RecordRef) => `${r.kind}-${r.id}`;

function EditRow({ clientId, editor, onDone }: { clientId: number; editor: Editor | null; onDone: () => void }) {
  const save = useRecordMutation(clientId, (v: Record<string, unknown>) => editor!.send(v), onDone);
  if (!editor) return null;
  return (
    <div className="timeline__edit">
      <QuickForm title={editor.title} fields={editor.fields} initial={editor.initial} submitLabel="Save changes" pending={save.isPending} error={save.error} onSubmit={(v) => save.mutate(v)} onCancel={onDone} />
    </div>
  );
}
