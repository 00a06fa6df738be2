import { useQuery } from "@tanstack/react-query";
import { commands } from "../bindings";
import { call } from "../backend";
import { keys } from "../queries";

/**
 * The check when the app opens, if the owner agreed to it in Settings (the core answers "none" at
 * once otherwise, and when it already looked today). A newer version is mentioned at the foot
 * of the sidebar, where nothing else is, so no screen moves; a failed check says nothing here
 * (the owner may be offline) and Settings shows the error when they ask.
 */
export function UpdateNotice({ onOpen }: { onOpen: () => void }) {
  const found = useQuery({ queryKey: keys.updateAtStart(), queryFn: () => call(commands.checkForUpdate(true)), staleTime: Infinity, retry: false });
  if (!found.data) return null;
  return (
    <div className="nav__update" role="status">
      Clientwell {found.data.version} is ready.{" "}
      <button className="link" onClick={onOpen}>
        See what's new
      </button>
    </div>
  );
}
