import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type Backup } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { currentLocale, formatSize } from "../../format";
import { keys, refresh as refreshBook } from "../../queries";
import { BACKUP_WORDS } from "../../words";

function madeAt(iso: string): string {
  return new Date(iso).toLocaleString(currentLocale(), { dateStyle: "medium", timeStyle: "short" });
}

const clients = (n: number) => `${n} client${n === 1 ? "" : "s"}`;

/** Backups of the book: the list with what each holds, "back up now", and restore. */
export function BackupsCard() {
  const queryClient = useQueryClient();
  const backups = useQuery({ queryKey: keys.backups(), queryFn: () => call(commands.listBackups()) });
  const [confirming, setConfirming] = useState<Backup | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const backUp = useMutation({
    mutationFn: () => call(commands.backUpNow()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.backups() }),
  });
  const restore = useMutation({
    mutationFn: (b: Backup) => call(commands.restoreBackup(b.file_name)),
    onSuccess: (_before, b) => {
      setConfirming(null);
      setRestored(`Restored the backup from ${madeAt(b.made_at)}. Your book as it was just before is kept as a backup too.`);
      void refreshBook(queryClient);
    },
  });
  return (
    <div className="card" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p className="muted">
        Clientwell backs up your book every day you use it and keeps the last 7 days and 4 weeks. Restoring a backup first backs up your book as
        it is, so nothing is lost.
      </p>
      <div className="form__actions">
        <button className="button" onClick={() => backUp.mutate()} disabled={backUp.isPending}>
          {backUp.isPending ? "Backing up…" : "Back up now"}
        </button>
        {backUp.isSuccess && <span className="saved">Backed up {clients(backUp.data.client_count)}</span>}
      </div>
      {backUp.isError && <Banner tone="error">{asAppError(backUp.error).message}</Banner>}
      {restored && <Banner tone="info">{restored}</Banner>}
      {restore.isError && <Banner tone="error">{asAppError(restore.error).message}</Banner>}
      {backups.isError && <Banner tone="error">{asAppError(backups.error).message}</Banner>}
      {backups.data && backups.data.length === 0 && <p>No backups yet. Use “Back up now” to make the first one.</p>}
      {backups.data && backups.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Why</th>
              <th scope="col">Holds</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="sr-only">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.data.map((b) => (
              <tr key={b.file_name}>
                <td>{madeAt(b.made_at)}</td>
                <td>{BACKUP_WORDS[b.kind]}</td>
                <td>{b.problem ? <span className="field__error">{b.problem}</span> : `${clients(b.client_count)}${b.studio_name ? ` · ${b.studio_name}` : ""}`}</td>
                <td>{formatSize(b.size_bytes)}</td>
                <td>
                  {confirming?.file_name === b.file_name ? (
                    <span className="confirm">
                      Replace your book with this backup?{" "}
                      <button className="button button--danger" onClick={() => restore.mutate(b)} disabled={restore.isPending}>
                        Yes, restore
                      </button>{" "}
                      <button className="button" onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button className="button" disabled={!!b.problem} onClick={() => setConfirming(b)} aria-label={`Restore the backup from ${madeAt(b.made_at)}`}>
                      Restore…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
