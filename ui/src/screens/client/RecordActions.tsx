import { createContext, useContext, useState, type ReactNode } from "react";
import { commands, type ClientPage, type Deleted, type RecordRef } from "../../bindings";
import { asAppError } from "../../backend";
import { Banner } from "../../components/Banner";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { QuickForm } from "../../components/QuickForm";
import { editorFor, type Editor } from "./editing";
import { useRecordMutation } from "./useRecordMutation";

type Offer = { token: number; label: string };
const UndoContext = createContext<(offer: Offer) => void>(() => {});

type Props = {
  page: ClientPage;
  record: RecordRef;
  /** Names the record in the buttons' labels and the delete confirmation ("INV-041, 1 Oct 2026"). */
  label: string;
  digits?: number;
};

/**
 * ✎ and × beside a stored record: edit it in place with its own form, or delete it after a
 * confirmation — and undo the delete from the notice that follows.
 */
export function RecordActions({ page, record, label, digits = 2 }: Props) {
  const [editing, setEditing] = useState(false);
  const offerUndo = useContext(UndoContext);
  const remove = useRecordMutation((r: RecordRef) => commands.deleteRecord(r), (deleted: Deleted) => offerUndo({ token: deleted.token, label }));
  const editor = editorFor(page, record, digits);
  return (
    <>
      <span className="record-actions">
        {editor && (
          <button className="icon-button" aria-label={`Edit: ${label}`} aria-expanded={editing} title="Edit" onClick={() => setEditing((e) => !e)}>
            ✎
          </button>
        )}
        <ConfirmDialog
          trigger={
            <button className="icon-button" aria-label={`Delete: ${label}`} title="Delete">
              ×
            </button>
          }
          title={`Delete “${label}”?`}
          confirmLabel="Delete"
          onConfirm={() => remove.mutate(record)}
        >
          You can undo this from the notice that follows.
        </ConfirmDialog>
      </span>
      {remove.isError && <Banner tone="error">{asAppError(remove.error).message}</Banner>}
      {editing && editor && <EditForm editor={editor} onDone={() => setEditing(false)} />}
    </>
  );
}

function EditForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const save = useRecordMutation((v: Record<string, unknown>) => editor.send(v), onDone);
  return (
    <div className="record-edit">
      <QuickForm title={editor.title} fields={editor.fields} initial={editor.initial} submitLabel="Save changes" pending={save.isPending} error={save.error} onSubmit={(v) => save.mutate(v)} onCancel={onDone} />
    </div>
  );
}

/** Wraps a page whose records can be deleted: shows "Deleted … — Undo" for the last delete. */
export function UndoProvider({ children }: { children: ReactNode }) {
  const [offer, setOffer] = useState<Offer | null>(null);
  const undo = useRecordMutation((token: number) => commands.undoDelete(token), () => setOffer(null));
  return (
    <UndoContext.Provider value={setOffer}>
      {offer && (
        <div className="banner banner--info undo" role="status">
          <span>Deleted “{offer.label}”.</span>{" "}
          <button className="button button--small" onClick={() => undo.mutate(offer.token)} disabled={undo.isPending}>
            Undo
          </button>{" "}
          <button className="link small" onClick={() => setOffer(null)}>
            Dismiss
          </button>
          {undo.isError && <span className="field__error"> {asAppError(undo.error).message}</span>}
        </div>
      )}
      {children}
    </UndoContext.Provider>
  );
}
