import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type UpdateOffer } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { formatDate } from "../../format";
import { keys } from "../../queries";

/**
 * New versions of Clientwell: looked for only when the owner asks, or when they agreed to a
 * check when the app opens (at most once a day); installed only on their click. The download is
 * checked against Clientwell's signature by the core before anything is installed.
 */
export function UpdatesCard() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: keys.updateSettings(), queryFn: () => call(commands.updateSettings()) });
  const save = useMutation({
    mutationFn: (checkAtStart: boolean) => call(commands.saveUpdateSettings(checkAtStart)),
    onSuccess: (s) => queryClient.setQueryData(keys.updateSettings(), s),
  });
  const check = useMutation({
    mutationFn: () => call(commands.checkForUpdate(false)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.updateSettings() }),
  });
  const install = useMutation({ mutationFn: () => call(commands.installUpdate()) });
  // The check when the app opened may already have found one.
  const offer: UpdateOffer | null | undefined = check.isSuccess ? check.data : queryClient.getQueryData<UpdateOffer | null>(keys.updateAtStart());
  const error = [settings, save, check, install].find((q) => q.isError)?.error;
  const s = settings.data;
  return (
    <div className="card" aria-labelledby="updates-title">
      <h2 id="updates-title">Updates</h2>
      <p className="muted">
        Clientwell does not go online unless you ask. “Check for updates” asks Clientwell's releases page on github.com whether a newer version exists. It sends
        nothing about your studio or your clients, and nothing is installed until you click Install.
      </p>
      {error !== undefined && <Banner tone="error">{asAppError(error).message}</Banner>}
      {/* Drawn even when the saved choice could not be read: choosing again rewrites it. */}
      {(s || settings.isError) && (
        <label className="checkbox">
          <input type="checkbox" checked={s?.check_at_start ?? false} disabled={save.isPending} onChange={(e) => save.mutate(e.target.checked)} /> Also check when
          Clientwell opens (at most once a day)
        </label>
      )}
      <p role="status">
        {s && `You have version ${s.current_version}.`}
        {s?.last_checked && ` Last checked ${formatDate(s.last_checked)}.`}
        {check.isSuccess && !check.data && " It is the newest version."}
      </p>
      {offer && (
        <div className="update-offer">
          <h3>
            Clientwell {offer.version} is ready{offer.published ? `, published ${formatDate(offer.published)}` : ""}
          </h3>
          {offer.notes ? <p className="update-offer__notes">{offer.notes}</p> : <p className="muted">This version came without notes.</p>}
          <p className="muted">Clientwell restarts on the new version. Your client book stays as it is; if the new version stores it differently, it keeps a backup of the book as it was first.</p>
        </div>
      )}
      <div className="form__actions">
        <button className="button" onClick={() => check.mutate()} disabled={check.isPending || install.isPending}>
          {check.isPending ? "Checking…" : "Check for updates"}
        </button>
        {offer && (
          <button className="button button--primary" onClick={() => install.mutate()} disabled={install.isPending}>
            {install.isPending ? "Downloading and checking the signature…" : `Install ${offer.version} and restart`}
          </button>
        )}
      </div>
    </div>
  );
}
