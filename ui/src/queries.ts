// Every query key the screens use, in one place, with the parts of the book each one reads. After
// any write the core sends one `BookChanged` event naming the areas it touched (derived from the
// tables written, the CLI's writes included); `refresh` then refetches every query that reads one
// of them, so no screen can be stale after a write. A key not listed here reads everything.
import { useIsFetching, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { commands, events, type Area, type Checklist, type Script } from "./bindings";

type Filter = { showArchived: boolean; table?: boolean };

export const keys = {
  status: () => ["status"] as const,
  displaySettings: () => ["display-settings"] as const,
  currencies: () => ["currencies"] as const,
  localeChoices: () => ["locale-choices"] as const,
  importKinds: () => ["import-kinds"] as const,
  clients: (filter?: Filter) => (filter ? (["clients", filter] as const) : (["clients"] as const)),
  currentClients: () => ["current-clients"] as const,
  clientPage: (clientId: number) => ["client-page", clientId] as const,
  clientHealth: (clientId: number) => ["client-health", clientId] as const,
  clientHealthAll: () => ["client-health"] as const,
  checklist: (clientId: number, list: Checklist) => ["checklist", clientId, list] as const,
  weeklyReview: () => ["weekly-review"] as const,
  draft: (clientId: number, script: Script, to: number | null) => ["draft", clientId, script, to] as const,
  periodChoices: () => ["period-choices"] as const,
  portfolio: (period?: string | null) => (period === undefined ? (["portfolio"] as const) : (["portfolio", period] as const)),
  metricsSettings: () => ["metrics-settings"] as const,
  healthSettings: () => ["health-settings"] as const,
  playbookSettings: () => ["playbook-settings"] as const,
  checklistTemplate: (list: Checklist) => ["checklist-template", list] as const,
  templates: () => ["templates"] as const,
  branding: () => ["branding"] as const,
  backups: () => ["backups"] as const,
  importMemory: () => ["import-memory"] as const,
  updateSettings: () => ["update-settings"] as const,
  updateAtStart: () => ["update-at-start"] as const,
  monthlyPreview: (clientId: number, month: string) => ["monthly-preview", clientId, month] as const,
  toSend: (month: string) => ["to-send", month] as const,
  qbrPreview: (clientId: number, quarter?: string) => (quarter === undefined ? (["qbr-preview", clientId] as const) : (["qbr-preview", clientId, quarter] as const)),
};

// What the book-wide views read: any client's records, the settings they are judged by (health
// thresholds, the financial year, templates) and the studio (its currency).
const BOOK: readonly Area[] = ["clients", "settings", "studio"];

/** The areas each query reads, by the first part of its key; "never" for lists fixed in the app. */
const READS: Record<string, readonly Area[] | "never"> = {
  status: ["studio"],
  "display-settings": ["settings"],
  currencies: "never",
  "locale-choices": "never",
  "import-kinds": "never",
  // Kept per computer, outside the book.
  "update-settings": "never",
  "update-at-start": "never",
  clients: BOOK,
  "current-clients": BOOK,
  "client-page": BOOK,
  "client-health": BOOK,
  checklist: ["clients", "settings"],
  "weekly-review": [...BOOK, "review"],
  draft: BOOK,
  "period-choices": ["settings"],
  portfolio: BOOK,
  "metrics-settings": ["settings", "studio"],
  "health-settings": ["settings"],
  "playbook-settings": ["settings"],
  "checklist-template": ["settings"],
  templates: ["settings"],
  branding: ["settings"],
  // Column choices are settings; another name belongs to a client (and goes with it).
  "import-memory": ["settings", "clients"],
  // A backup holds the whole book; a restore changes every area.
  backups: ["clients", "review", "settings", "studio"],
  "monthly-preview": BOOK,
  "qbr-preview": BOOK,
  "to-send": BOOK,
};

/** Whether the query with `key` reads any of `areas`. */
export function reads(key: QueryKey, areas: readonly Area[]): boolean {
  const read = READS[String(key[0])];
  if (read === "never") return false;
  if (read === undefined) return true;
  return read.some((a) => areas.includes(a));
}

/** Refetches every query on screen that reads one of `areas` (all of the book's when none are
 * given) and drops the ones not on screen, so a screen opened later loads afresh instead of
 * showing, for a moment, what the book held before the write. */
export function refresh(queryClient: QueryClient, areas: readonly Area[] = [...BOOK, "review"]): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => reads(q.queryKey, areas) && !q.isActive() });
  return queryClient.invalidateQueries({ predicate: (q) => reads(q.queryKey, areas) });
}

/** Listens for the core's change signal for as long as the app runs, and asks the core to look
 * for another program's changes whenever the window comes back to the front. Returns the stop. */
export function followBookChanges(queryClient: QueryClient): () => void {
  // Outside the app (component tests, the screenshot page) there is no event to listen to.
  if (!("__TAURI_INTERNALS__" in window)) return () => {};
  const stop = events.bookChanged.listen((event) => void refresh(queryClient, event.payload.areas));
  const onFocus = () => void commands.checkForChanges();
  window.addEventListener("focus", onFocus);
  return () => {
    window.removeEventListener("focus", onFocus);
    void stop.then((unlisten) => unlisten());
  };
}

/** Whether some query on screen is still fetching its first data: the readiness mark (`aria-busy`)
 * of the screens that have no one main query but cards that each load their own (Settings, the
 * welcome and first steps). A refetch of data already drawn does not count: nothing moves then. */
export function useFirstLoads(): boolean {
  return useIsFetching({ predicate: (q) => q.state.data === undefined }) > 0;
}
