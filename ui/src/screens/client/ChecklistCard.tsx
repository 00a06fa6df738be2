import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type Checklist, type ChecklistItem } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { formatDate } from "../../format";
import { keys } from "../../queries";

const COPY: Record<Checklist, { title: string; why: string; start: string }> = {
  onboarding: { title: "Onboarding", why: "A short checklist so nothing is missed while you agree the goal and set up the work.", start: "Start the onboarding checklist" },
  offboarding: { title: "Offboarding", why: "Hand over cleanly: files and access, the final invoice, the exit talk — and a testimonial where it ended well.", start: "Start the offboarding checklist" },
};

/** One of the client's checklists: a copy of the studio's template for it, ticked off step by step. */
export function ChecklistCard({ clientId, list }: { clientId: number; list: Checklist }) {
  const queryClient = useQueryClient();
  const key = keys.checklist(clientId, list);
  const items = useQuery({ queryKey: key, queryFn: () => call(commands.checklist(clientId, list)) });
  const update = (next: ChecklistItem[]) => queryClient.setQueryData(key, next);
  const start = useMutation({ mutationFn: () => call(commands.startChecklist(clientId, list)), onSuccess: update });
  const tick = useMutation({ mutationFn: ({ id, done }: { id: number; done: boolean }) => call(commands.setStepDone(clientId, id, done)), onSuccess: update });
  if (!items.data) return null;
  const done = items.data.filter((i) => i.done_on).length;
  const copy = COPY[list];
  return (
    <section className="card" aria-labelledby={`${list}-title`}>
      <h2 id={`${list}-title`}>{copy.title}</h2>
      {(start.isError || tick.isError) && <Banner tone="error">{asAppError(start.error ?? tick.error).message}</Banner>}
      {items.data.length === 0 ? (
        <>
          <p className="muted small">{copy.why}</p>
          <button className="button button--small" onClick={() => start.mutate()} disabled={start.isPending}>
            {copy.start}
          </button>
        </>
      ) : (
        <>
          <p className="small muted">
            {done} of {items.data.length} done
          </p>
          <ul className="plain">
            {items.data.map((item) => (
              <li key={item.id}>
                <label className="checkbox">
                  <input type="checkbox" checked={item.done_on !== null} onChange={(e) => tick.mutate({ id: item.id, done: e.target.checked })} /> {item.title}
                  {item.done_on && <span className="muted small"> · {formatDate(item.done_on)}</span>}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
