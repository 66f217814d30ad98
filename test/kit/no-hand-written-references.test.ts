/**
 * Outside the kit, the workflow sources never spell a step or job reference, an
 * expression, an image reference or an action's `uses:` by hand: those come from
 * handles, `prImageTag`, the generated action bindings and the kit's one escape
 * hatch, `raw()`, which is not used. The one `uses:` written out is a local action's
 * path (`uses: "./…"`), which has no binding: the kit's `localAction` takes it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const sourcesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../workflows-src");
const forbidden = ["steps.", "needs.", "${{", "ghcr.io/", "raw(", "uses:", "actionStep("];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "kit" && dir === sourcesDir ? [] : sourceFiles(full);
    return /\.(ts|sh|js)$/.test(entry.name) ? [full] : [];
  });
}

const isComment = (line: string): boolean => /^\s*(\/\/|\/\*|\*|#)/.test(line);
/** Every `uses:` of the line names a local action (`uses: "./…"`). */
const isLocalActionPath = (line: string): boolean => line.split("uses:").slice(1).every((rest) => /^\s*"\.\//.test(rest));

test("workflow sources outside the kit spell no references by hand", () => {
  const files = sourceFiles(sourcesDir);
  assert.ok(files.length > 10, "the scan sees the workflow sources");
  const hits: string[] = [];
  for (const file of files) {
    readFileSync(file, "utf8").split("\n").forEach((line, i) => {
      if (isComment(line)) return;
      for (const needle of forbidden) {
        if (line.includes(needle) && !(needle === "uses:" && isLocalActionPath(line))) hits.push(`${path.relative(sourcesDir, file)}:${i + 1}: ${needle}`);
      }
    });
  }
  assert.deepEqual(hits, []);
});
