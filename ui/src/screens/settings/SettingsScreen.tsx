import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type AppStatus } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { fileManagerName } from "../../files";
import { StudioForm } from "../../components/StudioForm";
import { BrandingCard } from "./BrandingCard";
import { HealthSettingsCard } from "./HealthSettingsCard";
import { MetricsSettingsCard } from "./MetricsSettingsCard";
import { PlaybookSettingsCard } from "./PlaybookSettingsCard";
import { ChecklistTemplateCard } from "./ChecklistTemplateCard";
import { TemplatesCard } from "./TemplatesCard";
import { BackupsCard } from "./BackupsCard";
import { ImportMemoryCard } from "./ImportMemoryCard";
import { DisplayCard } from "./DisplayCard";
import { UpdatesCard } from "./UpdatesCard";
import { useFirstLoads, refresh as refreshBook } from "../../queries";

/** The studio profile, and which book is open and where it lives. */
export function SettingsScreen({ status }: { status: AppStatus }) {
  const queryClient = useQueryClient();
  // The studio is already loaded; the cards below each load their own settings.
  const busy = useFirstLoads();
  const refresh = () => refreshBook(queryClient);
  const switchBook = useMutation({
    mutationFn: () => call(status.book === "demo" ? commands.openMyBook() : commands.openDemoBook()),
    onSuccess: refresh,
  });
  const reveal = useMutation({ mutationFn: () => call(commands.revealBook()) });
  const folderName = fileManagerName();
  return (
    <section className="screen" aria-labelledby="settings-title" aria-busy={busy}>
      <header className="screen__header">
        <h1 id="settings-title">Settings</h1>
      </header>
      <div className="card">
        <h2>Your studio</h2>
        <StudioForm studio={status.studio} submitLabel="Save studio" onSaved={refresh} />
      </div>
      {status.studio && <BrandingCard studioName={status.studio.name} />}
      {status.studio && <DisplayCard currency={status.studio.currency} />}
      {status.studio && <HealthSettingsCard />}
      {status.studio && <PlaybookSettingsCard />}
      {status.studio && <MetricsSettingsCard currency={status.studio.currency} />}
      {status.studio && <TemplatesCard />}
      {status.studio && <ChecklistTemplateCard list="onboarding" />}
      {status.studio && <ChecklistTemplateCard list="offboarding" />}
      {status.studio && <ImportMemoryCard />}
      <div className="card">
        <h2>Your data</h2>
        <p>
          {status.book === "demo" ? "You are looking at the demo studio. " : "Your client book is stored on this computer only, in "}
          {status.book === "mine" && <code className="path">{status.book_path}</code>}
        </p>
        {status.log_path && (
          <p className="muted">
            If something goes wrong, Clientwell notes it (never your clients' figures) in <code className="path">{status.log_path}</code>
          </p>
        )}
        {switchBook.isError && <Banner tone="error">{asAppError(switchBook.error).message}</Banner>}
        {reveal.isError && <Banner tone="error">{asAppError(reveal.error).message}</Banner>}
        <div className="form__actions">
          {status.book === "mine" && (
            <button className="button" onClick={() => reveal.mutate()}>
              Show in {folderName}
            </button>
          )}
          <button className="button" onClick={() => switchBook.mutate()} disabled={switchBook.isPending}>
            {status.book === "demo" ? "Leave the demo and open my book" : "Open the demo studio"}
          </button>
        </div>
      </div>
      {status.book === "mine" && !status.problem && <BackupsCard />}
      <UpdatesCard />
    </section>
  );
}
