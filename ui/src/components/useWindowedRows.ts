import { useEffect, useState } from "react";

/**
 * Which rows of a long list to draw: only those in the scrolled container's view (plus a margin),
 * so a table of 10,000 clients scrolls as smoothly as one of 10. Rows have a fixed height.
 * Without a measured container (tests, first paint) the first `fallback` rows are drawn.
 * `container` is the scrolled element (from a callback ref: it appears once the list loads).
 */
export function useWindowedRows(container: HTMLElement | null, count: number, rowHeight: number, fallback = 60) {
  const [view, setView] = useState({ top: 0, height: 0 });
  useEffect(() => {
    const el = container;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    el.addEventListener("scroll", update, { passive: true });
    const resize = new ResizeObserverShim(update);
    resize.observe(el);
    return () => {
      el.removeEventListener("scroll", update);
      resize.disconnect();
    };
  }, [container]);
  const overscan = 10;
  if (view.height === 0) return { start: 0, end: Math.min(count, fallback), padTop: 0, padBottom: Math.max(0, count - fallback) * rowHeight };
  const start = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

/** ResizeObserver where the platform has one (every webview does; jsdom does not). */
class ResizeObserverShim {
  private observer: ResizeObserver | null;
  constructor(callback: () => void) {
    this.observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(callback);
  }
  observe(el: Element) {
    this.observer?.observe(el);
  }
  disconnect() {
    this.observer?.disconnect();
  }
}
