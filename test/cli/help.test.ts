/**
 * Every command a user runs explains itself: `--help` prints the usage (flags, what it
 * does, examples) and exits 0; an unknown flag prints the problem and the usage and
 * exits 2. The commands are read from package.json, so a new command is covered too.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { npmStart } from "../support/project-copy.ts";

const scripts = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
// `typecheck` is TypeScript's own command, with its own help.
const commands = Object.keys(scripts).filter((name) => name !== "typecheck");
// npm runs `test` as `npm test` too, and its examples say so.
const invocation = (name: string): string => (name === "test" ? "npm (?:run )?test" : `npm run ${name}`);

function run(name: string, arg: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = npmStart(PROJECT_ROOT, name, [arg], "pipe");
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk) => (stdout += chunk));
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

test("the commands include every one the README promises", () => {
  for (const name of ["gen", "check", "lint", "plan", "sync-actions", "conformance", "bench"]) assert.ok(name in scripts, name);
});

for (const name of commands) {
  test(`npm run ${name} -- --help prints its usage, flags and an example, and exits 0`, async () => {
    const help = await run(name, "--help");
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, new RegExp(`^usage: npm run ${name}\\b`));
    assert.match(help.stdout, /\nflags:\n/);
    assert.match(help.stdout, /\n {2}--help, -h /);
    assert.match(help.stdout, new RegExp(`\\nexamples:\\n {2}${invocation(name)}\\b`));
  });

  test(`npm run ${name} -- --no-such-flag names the flag, prints the usage and exits 2`, async () => {
    const wrong = await run(name, "--no-such-flag");
    assert.equal(wrong.status, 2, wrong.stdout + wrong.stderr);
    assert.match(wrong.stderr, /'--no-such-flag'/);
    assert.match(wrong.stderr, new RegExp(`\\nusage: npm run ${name}\\b`));
  });
}
