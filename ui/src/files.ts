import { open, save, type OpenDialogOptions, type SaveDialogOptions } from "@tauri-apps/plugin-dialog";

declare global {
  interface Window {
    /** Set only by the end-to-end tests, which cannot drive the operating system's file picker. */
    __clientwellPickFile?: (options: OpenDialogOptions) => Promise<string | null>;
    /** Set only by the end-to-end tests, which cannot drive the operating system's save dialog. */
    __clientwellPickSavePath?: (options: SaveDialogOptions) => Promise<string | null>;
  }
}

/** The operating system's "open file" picker: the path chosen, or null when cancelled. */
export async function pickFile(options: OpenDialogOptions): Promise<string | null> {
  const picked = window.__clientwellPickFile ? await window.__clientwellPickFile(options) : await open(options);
  return typeof picked === "string" ? picked : null;
}

/** The operating system's "save as" dialog: the path chosen, or null when cancelled. */
export async function pickSavePath(options: SaveDialogOptions): Promise<string | null> {
  const picked = window.__clientwellPickSavePath ? await window.__clientwellPickSavePath(options) : await save(options);
  return typeof picked === "string" ? picked : null;
}

/** What the operating system calls its file browser, for "Show in …" buttons. */
export function fileManagerName(): string {
  return navigator.userAgent.includes("Mac") ? "Finder" : navigator.userAgent.includes("Windows") ? "Explorer" : "the file manager";
}
