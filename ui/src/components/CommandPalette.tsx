import { useEffect, useMemo, useRef, useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { useQuery } from "@tanstack/react-query";
import { commands } from "../bindings";
import { call } from "../backend";
import { keys } from "../queries";

export type PaletteTarget = { kind: "client"; id: number } | { kind: "area"; area: string };

/** Dispatched on `window` by the navigation's search button (the same as pressing Ctrl-K). */
export const OPEN_PALETTE = "clientwell:open-palette";

type Entry = { key: string; label: string; hint: string; target: PaletteTarget };

/**
 * Ctrl-K / ⌘K: type a few letters of a client's name (or a screen) and press Enter to go there.
 * Matching is by words in order, ignoring case and accents ("cafe lum" finds "Café Lumière").
 */
export function CommandPalette({ areas, onGo }: { areas: { id: string; label: string }[]; onGo: (target: PaletteTarget) => void }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // Where the focus was when it opened (it has no trigger button of its own), to give it back.
  const returnTo = useRef<HTMLElement | null>(null);
  const clients = useQuery({ queryKey: keys.clients({ showArchived: false }), queryFn: () => call(commands.listClients(false)), enabled: open });

  useEffect(() => {
    const toggle = () => {
      if (document.activeElement instanceof HTMLElement && !document.activeElement.closest(".palette")) returnTo.current = document.activeElement;
      setOpen((o) => !o);
      setQuery("");
      setActive(0);
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        toggle();
      }
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_PALETTE, toggle);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_PALETTE, toggle);
    };
  }, []);

  const entries = useMemo(() => {
    const all: Entry[] = [
      ...(clients.data ?? []).map((c) => ({ key: `c${c.id}`, label: c.name, hint: "Client", target: { kind: "client", id: c.id } as PaletteTarget })),
      ...areas.map((a) => ({ key: `a${a.id}`, label: a.label, hint: "Screen", target: { kind: "area", area: a.id } as PaletteTarget })),
    ];
    const words = fold(query).split(/\s+/).filter(Boolean);
    return all.filter((e) => words.every((w) => fold(e.label).includes(w))).slice(0, 12);
  }, [clients.data, areas, query]);

  const choose = (e: Entry | undefined) => {
    if (!e) return;
    setOpen(false);
    onGo(e.target);
  };
  // Radix Dialog (as the confirmations use Radix AlertDialog): focus kept inside while open and
  // given back where it was, Escape and a click outside close it, the window behind is hidden
  // from screen readers.
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
      <Dialog.Overlay className="palette__backdrop" />
      <Dialog.Content
        className="palette"
        aria-describedby={undefined}
        onOpenAutoFocus={(e) => {
          e.preventDefault();
          input.current?.focus();
        }}
        onCloseAutoFocus={(e) => {
          e.preventDefault();
          returnTo.current?.focus();
        }}
      >
        <Dialog.Title className="sr-only">Go to a client or screen</Dialog.Title>
        <input
          ref={input}
          className="palette__input"
          aria-label="Client or screen name"
          placeholder="Go to a client or screen…"
          value={query}
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={entries[active] ? `palette-${entries[active].key}` : undefined}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, entries.length - 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === "Enter") {
              e.preventDefault();
              choose(entries[active]);
            }
          }}
        />
        <ul id="palette-list" className="palette__list" role="listbox">
          {entries.length === 0 && <li className="muted palette__empty">No client or screen matches “{query}”.</li>}
          {entries.map((e, i) => (
            <li key={e.key} id={`palette-${e.key}`} role="option" aria-selected={i === active} className="palette__item" onMouseEnter={() => setActive(i)} onClick={() => choose(e)}>
              <span>{e.label}</span>
              <span className="muted small">{e.hint}</span>
            </li>
          ))}
        </ul>
        <p className="muted small palette__help">↑ ↓ to choose · Enter to open · Esc to close</p>
      </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Lower case without accents, so typing needs neither. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
