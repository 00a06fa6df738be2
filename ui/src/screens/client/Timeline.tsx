import { useState } from "react";
import type { ClientPage, RecordRef, TimelineEvent } from "../../bindings";
import { formatDate, formatValue } from "../../format";
import { RecordActions } from "./RecordActions";
import { TIMELINE_WORDS } from "../../words";

/**
 * The client's history, newest first, 40 entries at a time (a long history stays quick to draw);
 * each line can be edited in place or removed (after a confirmation, with undo).
 */
export function Timeline({ events, page, digits, step = 40 }: { events: TimelineEvent[]; page: ClientPage; digits?: number; step?: number }) {
  const [limit, setLimit] = useState(step);
  if (events.length === 0) return <p className="muted">Nothing recorded yet. Log a touchpoint above after your next call or email.</p>;
  const shown = events.slice(0, limit);
  return (
    <>
      <ol className="timeline">
        {shown.map((e) => (
          <li key={keyOf(e.record)} className={`timeline__item timeline__item--${e.kind}`}>
            <span className="timeline__date">{formatDate(e.date)}</span>
            <span className="timeline__kind">{TIMELINE_WORDS[e.kind]}</span>
            <span className="timeline__text">
              <strong>{e.title}</strong>
              {e.detail && <span className="muted"> — {e.detail}</span>}
            </span>
            <RecordActions page={page} record={e.record} label={`${e.title}, ${formatDate(e.date)}`} digits={digits} />
          </li>
        ))}
      </ol>
      {events.length > limit && (
        <button className="button button--small timeline__more" onClick={() => setLimit((l) => l + step)}>
          Show {Math.min(step, events.length - limit)} older entries ({formatValue(events.length - limit, "")} more)
        </button>
      )}
    </>
  );
}

const keyOf = (r: RecordRef) => `${r.kind}-${r.id}`;
