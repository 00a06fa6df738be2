import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { StudioForm } from "../../components/StudioForm";
import { useFirstLoads, refresh as refreshBook } from "../../queries";

/** First run: set up the owner's studio, or look around the demo studio first. */
export function Welcome({ onCreated }: { onCreated?: () => void }) {
  const queryClient = useQueryClient();
  const refresh = () => refreshBook(queryClient);
  const busy = useFirstLoads();
  const demo = useMutation({ mutationFn: () => call(commands.openDemoBook()), onSuccess: refresh });
  return (
    <main className="welcome" aria-busy={busy}>
      <div className="welcome__card">
        <h1>Welcome to Clientwell</h1>
        <p className="lead">
          Keep every client's goal in sight, see who needs attention each week, and send the monthly results their finance team
          actually reads.
        </p>
        <div className="welcome__choices">
          <div>
            <h2>Set up your studio</h2>
            <StudioForm
              studio={null}
              submitLabel="Create my studio"
              onSaved={() => {
                onCreated?.();
                void refresh();
              }}
            />
          </div>
          <div className="welcome__demo">
            <h2>Just looking?</h2>
            <p>Open a demo studio with a dozen sample clients. Your own book stays empty until you set it up.</p>
            {demo.isError && <Banner tone="error">{asAppError(demo.error).message}</Banner>}
            <button className="button" onClick={() => demo.mutate()} disabled={demo.isPending}>
              Open demo studio
            </button>
          </div>
        </div>
      </div>
    </main>
  );
}
