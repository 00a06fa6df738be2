// What the client page's cards share.
import type { ClientPage as Page } from "../../bindings";

/** What every card of the client page is given: the page the core assembled, and how to show money. */
export type CardProps = { p: Page; digits: number; money: (minor: number) => string };
