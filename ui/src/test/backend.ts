// The typed fake of the Rust core that the Vitest tests share: every command of the generated
// bindings is a vi.fn() typed like the command itself, so a fixture whose shape has drifted from
// the Rust types fails `tsc`, and no test file lists the commands it needs by hand. A test file
// swaps the bindings for it and says what each command answers:
//
//   vi.mock("../../bindings", () => import("../../test/backend"));
//   import { commands } from "../../test/backend";
//   commands.clientPage.mockReturnValue(ok(page));
//
// A command a test did not answer returns undefined, which the screen shows as an error.
import { vi, type Mock } from "vitest";
import type { commands as real } from "../bindings";

type Commands = typeof real;
export type FakeCommands = { [K in keyof Commands]: Mock<Commands[K]> };

const made = new Map<PropertyKey, Mock>();

/** Every command, made on first use; `vi.resetAllMocks()` clears what each answers. */
export const commands = new Proxy({} as FakeCommands, {
  get: (_target, name) => {
    let fake = made.get(name);
    if (!fake) {
      fake = vi.fn();
      made.set(name, fake);
    }
    return fake;
  },
});

type Answer<K extends keyof Commands> = Awaited<ReturnType<Commands[K]>>;

/** An answer of command `name` that the test gives later, to look at the screen meanwhile. */
export function later<K extends keyof Commands>(_name: K) {
  let give: (value: Answer<K>) => void = () => {};
  const promise = new Promise<Answer<K>>((resolve) => (give = resolve));
  return { promise, answer: (value: Answer<K>) => give(value) };
}
