import { open, type OpenDialogOptions } from "@tauri-apps/plugin-dialog";

declare global {
  interface Window {
    /** Set only by the end-to-end tests, which cannot drive the operating system's file picker. */
    __clientwellPickFile?: (options: OpenDialogOptions) => Promise<string | null>;
  }
}

/** The operating system's "open file" picker: the path chosen, or null when cancelled. */
export async function pickFile(options: OpenDialogOptions): Promise<string | null> {
  const picked = window.__clientwellPickFile ? await window.__clientwellPickFile(options) : await open(options);
  return typeof picked === "string" ? picked : null;
}
