import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { commands, type Band, type Client, type ClientRow, type Segment, type Stage } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { EmptyState } from "../../components/EmptyState";
import { useWindowedRows } from "../../components/useWindowedRows";
import { formatDate, formatMoney } from "../../format";
import { BAND_HINTS, BAND_WORDS, SEGMENT_WORDS, LIFECYCLE_HINTS, LIFECYCLE_WORDS, STATUS_WORDS } from "../../words";
import { optionsOf } from "../client/formFields";
import { ClientForm } from "./ClientForm";
import { ImportPanel } from "./ImportPanel";
import { keys } from "../../queries";

type Editing = { mode: "closed" } | { mode: "new" } | { mode: "import" };
type SortKey = "name" | "health" | "mrr" | "renewal" | "contact" | "segment" | "stage";

const ROW_HEIGHT = 49;
const BAND_ORDER: Record<Band, number> = { red: 0, amber: 1, green: 2, unknown: 3 };
const SEGMENT_ORDER: Record<Segment, number> = { at_risk: 0, drain: 1, steady: 2, champion: 3 };
// The journey's order, as the core lists the stages.
const STAGES = Object.keys(LIFECYCLE_WORDS) as Stage[];

/** A row's value in a column, for sorting; null when the client has none (no renewal...). */
function valueOf(r: ClientRow, key: SortKey): number | string | null {
  switch (key) {
    case "name":
      return r.client.name.toLocaleLowerCase();
    case "health":
      return r.band === null ? null : BAND_ORDER[r.band] * 100 - (r.score ?? 0);
    case "mrr":
      return r.mrr_cents;
    case "renewal":
      return r.renewal_date;
    case "contact":
      return r.last_contact;
    case "segment":
      return r.segment === null ? null : SEGMENT_ORDER[r.segment];
    case "stage":
      return STAGES.indexOf(r.lifecycle.stage);
  }
}

/** Sorts on a column, either way; clients without a value go last both ways, then by name. */
function order(a: ClientRow, b: ClientRow, key: SortKey, up: boolean): number {
  const [x, y] = [valueOf(a, key), valueOf(b, key)];
  if (x !== y) {
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * (up ? 1 : -1);
  }
  return key === "name" ? a.client.id - b.client.id : order(a, b, "name", true);
}

/** The client book: every client with health, money and dates; sort, filter, search, open one. */
export function ClientsScreen({ onOpen, currency = "EUR" }: { onOpen: (clientId: number) => void; currency?: string }) {
  const [showArchived, setShowArchived] = useState(false);
  const [search, setSearch] = useState("");
  const [band, setBand] = useState<Band | "all">("all");
  const [segment, setSegment] = useState<Segment | "all">("all");
  const [stage, setStage] = useState<Stage | "all">("all");
  const [sort, setSort] = useState<{ key: SortKey; up: boolean }>({ key: "name", up: true });
  const [editing, setEditing] = useState<Editing>({ mode: "closed" });
  const [notice, setNotice] = useState("");
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const currencies = useQuery({ queryKey: keys.currencies(), queryFn: () => commands.currencies() });
  const digits = currencies.data?.find((c) => c.code === currency)?.minor_digits ?? 2;
  const clients = useQuery({
    queryKey: keys.clients({ showArchived, table: true }),
    queryFn: () => call(commands.clientTable(showArchived)),
  });
  const visible = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    const rows = (clients.data ?? []).filter(
      (r) =>
        (!needle || `${r.client.name} ${r.client.goal}`.toLocaleLowerCase().includes(needle)) &&
        (band === "all" || r.band === band) &&
        (segment === "all" || r.segment === segment) &&
        (stage === "all" || r.lifecycle.stage === stage),
    );
    return [...rows].sort((a, b) => order(a, b, sort.key, sort.up));
  }, [clients.data, search, band, segment, stage, sort]);
  const rows = useWindowedRows(scroller, visible.length, ROW_HEIGHT);

  const done = (_saved: Client | null, message: string) => {
    setEditing({ mode: "closed" });
    setNotice(message);
  };
  const open = (next: Editing) => {
    setNotice("");
    setEditing(next);
  };

  const list = () => {
    if (clients.isPending) return <p className="muted">Loading clients…</p>;
    if (clients.isError) return <Banner tone="error">{asAppError(clients.error).message}</Banner>;
    if (clients.data.length === 0 && !showArchived) {
      return (
        <EmptyState
          title="No clients yet"
          action={
            <button className="button button--primary" onClick={() => open({ mode: "new" })}>
              Add your first client
            </button>
          }
        >
          Add a client with the goal they agreed with you. Everything Clientwell tracks — progress, check-ins, reports — points
          back to that goal.
        </EmptyState>
      );
    }
    if (visible.length === 0) return <p className="muted">No client matches these filters.</p>;
    const header = (key: SortKey, label: string, hint?: string) => (
      <th scope="col" aria-sort={sort.key === key ? (sort.up ? "ascending" : "descending") : undefined}>
        <button className="sort" title={hint} onClick={() => setSort((s) => ({ key, up: s.key === key ? !s.up : true }))}>
          {label} {sort.key === key ? (sort.up ? "▲" : "▼") : ""}
        </button>
      </th>
    );
    return (
      <div className="table-scroll" ref={setScroller}>
        <table className="table table--fixed">
          <thead>
            <tr>
              {header("name", "Client")}
              {header("health", "Health", "Red first, then amber, then green; the score breaks ties.")}
              {header("stage", "Stage", "Where they are in the journey: onboarding, first value, adoption, renewal window, advocate or ended.")}
              {header("segment", "Segment", "Champion, steady, at risk or drain: how valuable and how healthy, see Settings.")}
              {header("mrr", "Monthly revenue", "What their running retainers bring in a month (MRR).")}
              {header("renewal", "Renewal")}
              {header("contact", "Last contact", "The last call, meeting or message where they answered or attended.")}
              <th scope="col">Their goal</th>
            </tr>
          </thead>
          <tbody>
            {rows.padTop > 0 && <Spacer height={rows.padTop} />}
            {visible.slice(rows.start, rows.end).map((r) => (
              <tr key={r.client.id} className={r.client.archived_at ? "row--archived" : undefined} style={{ height: ROW_HEIGHT }}>
                <th scope="row">
                  <button className="link" onClick={() => onOpen(r.client.id)}>
                    {r.client.name}
                  </button>
                  {r.client.archived_at && <span className="tag">Archived</span>}
                  {r.band === null && !r.client.archived_at && <span className={`status status--${r.client.status}`}>{STATUS_WORDS[r.client.status]}</span>}
                </th>
                <td>
                  {r.band ? (
                    <span className={`pill band--${r.band}`} title={BAND_HINTS[r.band]}>
                      {BAND_WORDS[r.band]} {r.max ? `${r.score}/${r.max}` : ""}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td title={`${LIFECYCLE_HINTS[r.lifecycle.stage]}. ${r.lifecycle.why}`}>{LIFECYCLE_WORDS[r.lifecycle.stage]}</td>
                <td title={r.segment_why ?? undefined}>{r.segment ? SEGMENT_WORDS[r.segment] : <span className="muted">—</span>}</td>
                <td className="num">{r.mrr_cents ? formatMoney(r.mrr_cents, currency, digits) : <span className="muted">—</span>}</td>
                <td>{r.renewal_date ? formatDate(r.renewal_date) : <span className="muted">—</span>}</td>
                <td>{r.last_contact ? formatDate(r.last_contact) : <span className="muted">None yet</span>}</td>
                <td className="goal">{r.client.goal || <span className="muted">No goal yet</span>}</td>
              </tr>
            ))}
            {rows.padBottom > 0 && <Spacer height={rows.padBottom} />}
          </tbody>
        </table>
      </div>
    );
  };

  return (
    <section className="screen" aria-labelledby="clients-title" aria-busy={clients.isPending}>
      <header className="screen__header">
        <h1 id="clients-title">Clients</h1>
        <div className="form__actions">
          <button className="button" onClick={() => open({ mode: "import" })}>
            Import or export…
          </button>
          <button className="button button--primary" onClick={() => open({ mode: "new" })}>
            Add client
          </button>
        </div>
      </header>
      {notice && <Banner tone="success">{notice}</Banner>}
      <div className="toolbar">
        <input
          type="search"
          aria-label="Search clients"
          placeholder="Search by name or goal"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <FilterSelect label="Filter by health" any="Any health" words={BAND_WORDS} value={band} onChange={setBand} />
        <FilterSelect label="Filter by segment" any="Any segment" words={SEGMENT_WORDS} value={segment} onChange={setSegment} />
        <FilterSelect label="Filter by stage" any="Any stage" words={LIFECYCLE_WORDS} value={stage} onChange={setStage} />
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
        </label>
      </div>
      <div className={editing.mode === "closed" ? "split" : editing.mode === "import" ? "split split--open split--wide" : "split split--open"}>
        <div className="split__main">{list()}</div>
        {editing.mode === "new" && (
          <aside className="panel">
            <ClientForm client={null} onDone={done} />
          </aside>
        )}
        {editing.mode === "import" && <ImportPanel onClose={() => setEditing({ mode: "closed" })} />}
      </div>
    </section>
  );
}

/** Stands in for the rows not drawn, so the scroll bar is as long as the whole list. (A row
 * needs a cell to have a height.) */
/** A filter of the table by one of the core's word tables, or "any". */
function FilterSelect<K extends string>({ label, any, words, value, onChange }: { label: string; any: string; words: Record<K, string>; value: K | "all"; onChange: (v: K | "all") => void }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as K | "all")}>
      <option value="all">{any}</option>
      {optionsOf(words).map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={8} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
