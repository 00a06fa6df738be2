// The native menu's items arrive as "menu" events carrying the item's id (src-tauri/menu.rs).
import { listen } from "@tauri-apps/api/event";

/** Calls `handle` with each menu item the owner picks; returns the function that stops listening. */
export function onMenu(handle: (id: string) => void): () => void {
  // Outside the app (component tests, a plain browser) there is no menu to listen to.
  if (!("__TAURI_INTERNALS__" in window)) return () => {};
  const stop = listen<string>("menu", (event) => handle(event.payload));
  return () => void stop.then((unlisten) => unlisten());
}
