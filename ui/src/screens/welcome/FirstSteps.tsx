import { useState } from "react";
import type { Studio } from "../../bindings";
import { ClientForm } from "../clients/ClientForm";
import { BrandingCard } from "../settings/BrandingCard";
import { MetricsSettingsCard } from "../settings/MetricsSettingsCard";
import { useFirstLoads } from "../../queries";

/** Right after the studio is created: its look on reports, its financial year, and the first client. All optional. */
export function FirstSteps({ studio, onDone }: { studio: Studio; onDone: () => void }) {
  const [added, setAdded] = useState<string[]>([]);
  const [form, setForm] = useState(0);
  const busy = useFirstLoads();
  return (
    <main className="welcome" aria-busy={busy}>
      <div className="welcome__card welcome__card--wide">
        {/* Beside the heading, above everything that loads: it never moves under the pointer. */}
        <div className="row-between">
          <h1>Make it yours</h1>
          <button className="button button--primary" onClick={onDone}>
            {added.length > 0 ? "Go to my week" : "Skip for now — go to my week"}
          </button>
        </div>
        <p className="lead">A few things that make your first reports look like they came from {studio.name}. You can change all of them later in Settings.</p>
        <BrandingCard studioName={studio.name} />
        <MetricsSettingsCard currency={studio.currency} />
        <section className="card" aria-labelledby="first-client-title">
          <h2 id="first-client-title">Your first client</h2>
          {added.length > 0 && <p className="saved">Added {added.join(", ")}. Add another, or go to your week.</p>}
          <ClientForm
            key={form}
            client={null}
            onDone={(saved) => {
              if (saved) setAdded((a) => [...a, saved.name]);
              setForm((n) => n + 1);
            }}
          />
        </section>
      </div>
    </main>
  );
}
