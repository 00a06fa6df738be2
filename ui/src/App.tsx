import { useEffect, useState } from "react";
import { onMenu } from "./menu";
import { setLocale } from "./format";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type AppStatus } from "./bindings";
import { asAppError, call } from "./backend";
import { ClientPage } from "./screens/client/ClientPage";
import { ClientsScreen } from "./screens/clients/ClientsScreen";
import { PortfolioScreen } from "./screens/portfolio/PortfolioScreen";
import { ReportsScreen } from "./screens/reports/ReportsScreen";
import { ReviewScreen } from "./screens/review/ReviewScreen";
import { SettingsScreen } from "./screens/settings/SettingsScreen";
import { Welcome } from "./screens/welcome/Welcome";
import { FirstSteps } from "./screens/welcome/FirstSteps";
import { CommandPalette, OPEN_PALETTE } from "./components/CommandPalette";
import { UpdateNotice } from "./components/UpdateNotice";
import { followBookChanges, keys } from "./queries";

export type Area = "review" | "clients" | "portfolio" | "reports" | "settings";

const AREAS: { id: Area; label: string }[] = [
  { id: "review", label: "Review" },
  { id: "clients", label: "Clients" },
  { id: "portfolio", label: "Portfolio" },
  { id: "reports", label: "Reports" },
  { id: "settings", label: "Settings" },
];

/** Decides between the problem page, the first-run welcome and the app itself. */
/** `initialArea` / `initialClient` open a given screen first (the screenshot page uses them). */
export function App({ initialArea = "review", initialClient = null }: { initialArea?: Area; initialClient?: number | null } = {}) {
  const status = useQuery({ queryKey: keys.status(), queryFn: () => call(commands.appStatus()) });
  const queryClient = useQueryClient();
  // Every write, ours or another program's, refreshes what it touched (see queries.ts).
  useEffect(() => followBookChanges(queryClient), [queryClient]);
  const [settingUp, setSettingUp] = useState(false);
  if (status.isPending) return <p className="boot muted">Opening your book…</p>;
  if (status.isError) return <Problem message={asAppError(status.error).message} />;
  if (status.data.problem) return <Problem message={status.data.problem.message} path={status.data.book_path} />;
  if (!status.data.studio) return <Welcome onCreated={() => setSettingUp(true)} />;
  if (settingUp) return <FirstSteps studio={status.data.studio} onDone={() => setSettingUp(false)} />;
  return <Shell status={status.data} initialArea={initialArea} initialClient={initialClient} />;
}

/** The screens follow the locale chosen in Settings; they are drawn again (where they were) when it changes. */
function Shell({ status, initialArea, initialClient }: { status: AppStatus; initialArea: Area; initialClient: number | null }) {
  const display = useQuery({ queryKey: keys.displaySettings(), queryFn: () => call(commands.displaySettings()) });
  const locale = display.data?.locale ?? null;
  setLocale(locale);
  const [area, setArea] = useState<Area>(initialArea);
  const [clientId, setClientId] = useState<number | null>(initialClient);
  return <Screens key={locale ?? "computer"} status={status} area={area} setArea={setArea} clientId={clientId} setClientId={setClientId} />;
}

type ScreensProps = { status: AppStatus; area: Area; setArea: (a: Area) => void; clientId: number | null; setClientId: (id: number | null) => void };

function Screens({ status, area, setArea, clientId, setClientId }: ScreensProps) {
  const go = (next: Area) => {
    setArea(next);
    setClientId(null);
  };
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  useEffect(
    () =>
      onMenu((id) => {
        setNotice(null);
        if (id.startsWith("go:")) go(id.slice(3) as Area);
        else if (id === "find") window.dispatchEvent(new Event(OPEN_PALETTE));
        else if (id === "calendar") go("review");
        else if (id === "backup")
          call(commands.backUpNow())
            .then((b) => setNotice({ tone: "success", text: `Backed up ${b.client_count} client${b.client_count === 1 ? "" : "s"}. Backups are listed in Settings.` }))
            .catch((e) => setNotice({ tone: "error", text: asAppError(e).message }));
      }),
    [],
  );
  return (
    <div className="shell">
      <nav className="nav" aria-label="Main">
        <div className="nav__studio">
          <span className="nav__name" title={status.studio?.name}>{status.studio?.name}</span>
          {status.book === "demo" && (
            <span className="tag" title="Sample data: your own book is untouched">
              Demo
            </span>
          )}
        </div>
        <ul>
          {AREAS.map((a) => (
            <li key={a.id}>
              <button className="nav__item" aria-current={area === a.id ? "page" : undefined} onClick={() => go(a.id)}>
                {a.label}
              </button>
            </li>
          ))}
        </ul>
        <button className="button button--small nav__search" onClick={() => window.dispatchEvent(new Event(OPEN_PALETTE))} title="Jump to any client or screen">
          Find a client <kbd>{navigator.userAgent.includes("Mac") ? "⌘K" : "Ctrl K"}</kbd>
        </button>
        <UpdateNotice onOpen={() => go("settings")} />
      </nav>
      <CommandPalette
        areas={AREAS}
        onGo={(target) => {
          if (target.kind === "client") {
            setArea("clients");
            setClientId(target.id);
          } else {
            go(target.area as Area);
          }
        }}
      />
      <main className="content">
        {notice && (
          <div className={`banner banner--${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"}>
            {notice.text}
          </div>
        )}
        {area === "review" && status.studio && (
          <ReviewScreen
            currency={status.studio.currency}
            onGoToClients={() => go("clients")}
            onOpenClient={(id) => {
              setArea("clients");
              setClientId(id);
            }}
          />
        )}
        {area === "clients" && clientId === null && <ClientsScreen onOpen={setClientId} currency={status.studio?.currency} />}
        {area === "clients" && clientId !== null && status.studio && (
          <ClientPage clientId={clientId} studio={status.studio} onBack={() => setClientId(null)} />
        )}
        {area === "portfolio" && status.studio && (
          <PortfolioScreen
            currency={status.studio.currency}
            onOpenClient={(id) => {
              setArea("clients");
              setClientId(id);
            }}
          />
        )}
        {area === "reports" && <ReportsScreen />}
        {area === "settings" && <SettingsScreen status={status} />}
      </main>
    </div>
  );
}

function Problem({ message, path }: { message: string; path?: string }) {
  return (
    <main className="welcome">
      <div className="welcome__card" role="alert">
        <h1>Clientwell could not open your book</h1>
        <p>{message}</p>
        {path && (
          <p className="muted">
            The book is at <code className="path">{path}</code>. Nothing in it was changed.
          </p>
        )}
      </div>
    </main>
  );
}
