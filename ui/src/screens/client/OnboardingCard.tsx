import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type ChecklistItem } from "../../bindings";
import { asAppError, call } from "../../backend";
import { Banner } from "../../components/Banner";
import { formatDate } from "../../format";
import { keys } from "../../queries";

/** The client's onboarding checklist: a copy of the studio's template, ticked off step by step. */
export function OnboardingCard({ clientId }: { clientId: number }) {
  const queryClient = useQueryClient();
  const key = keys.checklist(clientId);
  const list = useQuery({ queryKey: key, queryFn: () => call(commands.checklist(clientId)) });
  const update = (items: ChecklistItem[]) => queryClient.setQueryData(key, items);
  const start = useMutation({ mutationFn: () => call(commands.startChecklist(clientId)), onSuccess: update });
  const tick = useMutation({ mutationFn: ({ id, done }: { id: number; done: boolean }) => call(commands.setStepDone(clientId, id, done)), onSuccess: update });
  if (!list.data) return null;
  const done = list.data.filter((i) => i.done_on).length;
  return (
    <section className="card" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">Onboarding</h2>
      {(start.isError || tick.isError) && <Banner tone="error">{asAppError(start.error ?? tick.error).message}</Banner>}
      {list.data.length === 0 ? (
        <>
          <p className="muted small">A short checklist so nothing is missed while you agree the goal and set up the work.</p>
          <button className="button button--small" onClick={() => start.mutate()} disabled={start.isPending}>
            Start the onboarding checklist
          </button>
        </>
      ) : (
        <>
          <p className="small muted">
            {done} of {list.data.length} done
          </p>
          <ul className="plain">
            {list.data.map((item) => (
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
