/**
 * Scripts remembered on the machine (remembered-scripts.ts): a script prepared once is
 * read in another process from memory, as the parser read it, without the parser ever
 * loading there; a script never prepared cannot be read without the parser, and the lint
 * engine passes that mistake on instead of turning it into a finding.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { readShell } from "../../scripts/shell/read-shell.ts";
import { prepareScripts, rememberedScript } from "../../scripts/shell/remembered-scripts.ts";

test("a prepared script is read in another process from the machine's memory, as the parser read it, without loading the parser", async () => {
  // New to the machine on every run, so the first prepare below parses and remembers it.
  const text = `docker save "app:${process.pid}-${Date.now()}" -o image.tar | gzip > "$RUNNER_TEMP/image.tgz"`;
  await prepareScripts([{ text, dialect: "bash" }]);
  assert.deepEqual(rememberedScript(text, "bash"), readShell(text, "bash"));

  const child = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "run-ts.mjs"), path.join(PROJECT_ROOT, "test", "fixtures", "shell", "remembered-only.ts"), text], { cwd: PROJECT_ROOT, encoding: "utf8" });
  assert.equal(child.status, 0, child.stderr);
  const report = JSON.parse(child.stdout) as { script: unknown; unprepared: string; lint: string };
  // Through JSON on both sides: the memory keeps what JSON keeps (an absent field and an undefined one read alike).
  assert.deepEqual(report.script, JSON.parse(JSON.stringify(readShell(text, "bash"))));
  assert.equal(report.unprepared, "not prepared", "the parser never loaded in that process");
  assert.equal(report.lint, "not prepared", "the engine passed the mistake on");
});
