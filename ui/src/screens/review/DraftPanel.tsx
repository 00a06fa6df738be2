import { useEffect, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { openUrl } from "@tauri-apps/plugin-opener";
import { commands, type Script } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { keys } from "../../queries";
import { ROLE_WORDS, SCRIPT_WORDS } from "../../words";

/** A message drafted from the client's data, to edit and copy into the owner's mail. */
export function DraftPanel({ clientId, script, onClose }: { clientId: number; script: Script; onClose: () => void }) {
  // null: whom the core sends this kind of message to (the finance contact for money…).
  const [to, setTo] = useState<number | null>(null);
  const draft = useQuery({ queryKey: keys.draft(clientId, script, to), queryFn: () => call(commands.draftMessage(clientId, script, to)), placeholderData: (previous) => previous });
  const [body, setBody] = useState("");
  // Once the owner has written in it, a new recipient changes the address, never their words.
  const [edited, setEdited] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (draft.data && !edited) setBody(draft.data.body);
    setCopied(false);
  }, [draft.data, edited]);
  const mail = useMutation({
    mutationFn: () => {
      const cc = draft.data?.cc.length ? `&cc=${encodeURIComponent(draft.data.cc.join(","))}` : "";
      return openUrl(`mailto:${encodeURI(draft.data?.to ?? "")}?subject=${encodeURIComponent(draft.data?.subject ?? "")}${cc}&body=${encodeURIComponent(body)}`);
    },
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
            {draft.data.recipients.length > 1 ? (
              <label className="inline-field">
                <span className="muted">To:</span>{" "}
                <select value={draft.data.to_id ?? ""} onChange={(e) => setTo(Number(e.target.value))} aria-label="Send to">
                  {draft.data.recipients.map((r) => (
                    <option key={r.id} value={r.id}>
                      {`${r.name} (${ROLE_WORDS[r.role]}) — ${r.email || "no email recorded"}`}
                    </option>
                  ))}
                </select>
                {edited && <span className="muted"> · your edits are kept if you change this: check the greeting</span>}
              </label>
            ) : (
              <>
                <span className="muted">To:</span> <span>{draft.data.to || "no email recorded for them"}</span>
              </>
            )}
            {draft.data.cc.length > 0 && (
              <>
                <br />
                <span className="muted">Copy to:</span> <span>{draft.data.cc.join(", ")}</span>
              </>
            )}
            <br />
            <span className="muted">Subject:</span> <span>{draft.data.subject}</span>
          </p>
          <label className="field">
            <span>Message (edit as you like)</span>
            <textarea rows={14} value={body} onChange={(e) => {
              setBody(e.target.value);
              setEdited(true);
            }} />
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
