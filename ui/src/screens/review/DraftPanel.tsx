import { useEffect, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { openUrl } from "@tauri-apps/plugin-opener";
import { commands, type Script } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { keys } from "../../queries";
import { SCRIPT_WORDS } from "../../words";

/** A message drafted from the client's data, to edit and copy into the owner's mail. */
export function DraftPanel({ clientId, script, onClose }: { clientId: number; script: Script; onClose: () => void }) {
  const draft = useQuery({ queryKey: keys.draft(clientId, script), queryFn: () => call(commands.draftMessage(clientId, script)) });
  const [body, setBody] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (draft.data) setBody(draft.data.body);
    setCopied(false);
  }, [draft.data]);
  const mail = useMutation({
    mutationFn: () => openUrl(`mailto:${encodeURI(draft.data?.to ?? "")}?subject=${encodeURIComponent(draft.data?.subject ?? "")}&body=${encodeURIComponent(body)}`),
  });
  const copy = async () => {
    await navigator.clipboard.writeText(`${draft.data?.subject ?? ""}\n\n${body}`);
    setCopied(true);
  };
  return (
    <aside className="card report-preview" aria-label={SCRIPT_WORDS[script]}>
      <div className="row-between">
        <h2>{SCRIPT_WORDS[script]}</h2>
        <button className="icon-button" aria-label="Close the draft" onClick={onClose}>
          ×
        </button>
      </div>
      {draft.isPending && <p className="muted">Drafting…</p>}
      {draft.isError && <Banner tone="error">{asAppError(draft.error).message}</Banner>}
      {mail.isError && <Banner tone="error">{`Your mail app could not be opened (${asAppError(mail.error).message}). Copy the message instead.`}</Banner>}
      {draft.data && (
        <>
          <p className="small">
            <span className="muted">To:</span> <span>{draft.data.to || "no email recorded for their main contact"}</span>
            <br />
            <span className="muted">Subject:</span> <span>{draft.data.subject}</span>
          </p>
          <label className="field">
            <span>Message (edit as you like)</span>
            <textarea rows={14} value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          <div className="form__actions">
            <button className="button button--primary button--small" onClick={copy}>
              Copy subject and message
            </button>
            <button className="button button--small" onClick={() => mail.mutate()}>
              Open in my mail app
            </button>
            {copied && <span className="saved">Copied: paste it into your email</span>}
          </div>
        </>
      )}
    </aside>
  );
}
