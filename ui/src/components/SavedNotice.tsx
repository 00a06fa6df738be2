import { useState } from "react";
import { revealItemInDir } from "@tauri-apps/plugin-opener";
import { fileManagerName } from "../files";

/** A notice after a write; when a file was saved, its path, so the notice can show it. */
export type Notice = string | { text: string; path: string };

/**
 * The success banner after a save, with "Show in Finder / Explorer" when a file was written:
 * the owner gets from "saved" to the file (to attach it to an email) in one click.
 */
export function SavedNotice({ notice }: { notice: Notice }) {
  const [problem, setProblem] = useState("");
  if (!notice) return null;
  const { text, path } = typeof notice === "string" ? { text: notice, path: null } : notice;
  return (
    <div className="banner banner--success" role="status">
      <span>{text}</span>
      {path && (
        <>
          {" "}
          <button className="link" onClick={() => revealItemInDir(path).then(() => setProblem(""), () => setProblem(`The file is no longer at ${path}.`))} title={path}>
            Show in {fileManagerName()}
          </button>
        </>
      )}
      {problem && <p className="small">{problem}</p>}
    </div>
  );
}
