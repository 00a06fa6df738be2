import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { commands, type Client } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { EmptyState } from "../../components/EmptyState";
import { formatDate, STATUS_LABELS } from "../../format";
import { ClientForm } from "./ClientForm";
import { ImportPanel } from "./ImportPanel";

type Editing = { mode: "closed" } | { mode: "new" } | { mode: "import" };

/** The client book: every client with their status and goal; add one, or open one's page. */
export function ClientsScreen({ onOpen }: { onOpen: (clientId: number) => void }) {
  const [showArchived, setShowArchived] = useState(false);
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<Editing>({ mode: "closed" });
  const [notice, setNotice] = useState("");
  const clients = useQuery({
    queryKey: ["clients", { showArchived }],
    queryFn: () => call(commands.listClients(showArchived)),
  });
  const visible = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    const all = clients.data ?? [];
    return needle ? all.filter((c) => `${c.name} ${c.goal}`.toLocaleLowerCase().includes(needle)) : all;
  }, [clients.data, search]);

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
    if (visible.length === 0) return <p className="muted">No client matches “{search}”.</p>;
    return (
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Status</th>
            <th scope="col">Their goal</th>
            <th scope="col">Client since</th>
          </tr>
        </thead>
        <tbody>
          {visible.map((c) => (
            <tr key={c.id} className={c.archived_at ? "row--archived" : undefined}>
              <th scope="row">
                <button className="link" onClick={() => onOpen(c.id)}>
                  {c.name}
                </button>
                {c.archived_at && <span className="tag">Archived</span>}
              </th>
              <td>
                <span className={`status status--${c.status}`}>{STATUS_LABELS[c.status]}</span>
              </td>
              <td className="goal">{c.goal || <span className="muted">No goal yet</span>}</td>
              <td>{formatDate(c.start_date)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  };

  return (
    <section className="screen" aria-labelledby="clients-title">
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
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
        </label>
      </div>
      <div className={editing.mode === "closed" ? "split" : "split split--open"}>
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
