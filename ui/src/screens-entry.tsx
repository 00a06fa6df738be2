// The real UI with Tauri's IPC replaced by answers recorded from the real commands on the demo
// studio (tests/ui_screens.rs writes fixtures.json next to this page), so a browser can draw
// every screen for the screenshot test. Not part of the app: built only into dist-screens/.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App, type Area } from "./App";
import "./styles.css";

type Fixtures = Record<string, unknown>;

async function start() {
  const fixtures: Fixtures = await (await fetch("./fixtures.json")).json();
  const internals = {
    invoke: async (cmd: string) => {
      if (cmd.startsWith("plugin:")) return null;
      if (!(cmd in fixtures)) throw new Error(`No recorded answer for ${cmd}`);
      return fixtures[cmd];
    },
    transformCallback: () => 0,
    metadata: { currentWindow: { label: "main" }, currentWebview: { windowLabel: "main", label: "main" } },
  };
  Object.assign(window, { __TAURI_INTERNALS__: internals });
  const params = new URLSearchParams(location.search);
  const area = (params.get("area") ?? "review") as Area;
  const client = params.get("client");
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App initialArea={area} initialClient={client ? Number(client) : null} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
