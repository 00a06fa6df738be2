import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type ImportMemory } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { formatDate } from "../../format";
import { keys } from "../../queries";

/**
 * What imports remember, to see and undo: the column choices kept for each kind of export, and
 * the other names clients go by in other tools' files. Forgetting changes no record; the next
 * file is guessed, or its names asked about, again.
 */
export function ImportMemoryCard() {
  const queryClient = useQueryClient();
  const memory = useQuery({ queryKey: keys.importMemory(), queryFn: () => call(commands.importMemory()) });
  const show = (m: ImportMemory) => queryClient.setQueryData(keys.importMemory(), m);
  const forgetColumns = useMutation({ mutationFn: (name: string) => call(commands.forgetImportColumns(name)), onSuccess: show });
  const forgetName = useMutation({ mutationFn: (written: string) => call(commands.forgetOtherName(written)), onSuccess: show });
  const error = [memory, forgetColumns, forgetName].find((q) => q.isError)?.error;
  const data = memory.data;
  return (
    <div className="card" aria-labelledby="import-memory-title">
      <h2 id="import-memory-title">What imports remember</h2>
      {error !== undefined && <Banner tone="error">{asAppError(error).message}</Banner>}
      <h3>Column choices</h3>
      {data && data.columns.length === 0 && <p className="muted">None yet. When you import another tool's file, the columns you chose are kept here so next month's file imports in one click.</p>}
      {data && data.columns.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Saved as</th>
              <th scope="col">For</th>
              <th scope="col">Columns read</th>
              <th scope="col">Saved</th>
              <th scope="col">
                <span className="sr-only">Forget</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.columns.map((c) => (
              <tr key={c.name}>
                <td>{c.name}</td>
                <td>{c.holds}</td>
                <td>{c.columns_read}</td>
                <td>{formatDate(c.saved_on)}</td>
                <td>
                  <button className="button button--small" aria-label={`Forget the column choices “${c.name}”`} onClick={() => forgetColumns.mutate(c.name)}>
                    Forget
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Other names of clients</h3>
      {data && data.other_names.length === 0 && (
        <p className="muted">None yet. When a file calls a client by another name (“Harbour Bakery Ltd”) and you confirm who it is, that name is kept here.</p>
      )}
      {data && data.other_names.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name in files</th>
              <th scope="col">Client</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="sr-only">Forget</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.other_names.map((n) => (
              <tr key={n.written}>
                <td>{n.written}</td>
                <td>{n.client}</td>
                <td>{formatDate(n.saved_on)}</td>
                <td>
                  <button className="button button--small" aria-label={`Forget that “${n.written}” is ${n.client}`} onClick={() => forgetName.mutate(n.written)}>
                    Forget
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
