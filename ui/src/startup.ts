import { useEffect } from "react";
import { commands } from "./bindings";

let reported = false;

/** Tells the app, once, that the home screen has been drawn with its data (for startup timing). */
export function useFirstPaint(ready: boolean) {
  useEffect(() => {
    if (!ready || reported) return;
    reported = true;
    // The frame after the one React committed: the screen is on the glass.
    requestAnimationFrame(() => void commands.uiPainted?.());
  }, [ready]);
}
