import type { ReactElement, ReactNode } from "react";
import * as AlertDialog from "@radix-ui/react-alert-dialog";

type Props = {
  /** The button that opens the dialog; focus comes back to it when the dialog closes. */
  trigger: ReactElement;
  /** The question, e.g. `Delete “INV-041”?` */
  title: string;
  /** One sentence on what happens next. */
  children: ReactNode;
  /** The button that does it ("Delete"). */
  confirmLabel: string;
  /** The button that changes nothing ("Keep it"): it has the focus when the dialog opens. */
  cancelLabel?: string;
  onConfirm: () => void;
};

/**
 * Asks before something is removed. Focus starts on the safe choice, stays inside the dialog until
 * it closes, and Escape closes it without doing anything; Enter or Space on the confirm button
 * confirms. The rest of the window is hidden from screen readers while it is open.
 */
export function ConfirmDialog({ trigger, title, children, confirmLabel, cancelLabel = "Keep it", onConfirm }: Props) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="confirm-dialog__overlay" />
        <AlertDialog.Content className="panel confirm-dialog">
          <AlertDialog.Title className="confirm-dialog__title">{title}</AlertDialog.Title>
          <AlertDialog.Description>{children}</AlertDialog.Description>
          <div className="form__actions confirm-dialog__actions">
            <AlertDialog.Cancel className="button">{cancelLabel}</AlertDialog.Cancel>
            <AlertDialog.Action className="button button--danger" onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
