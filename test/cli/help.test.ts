/**
 * Every command a user runs explains itself: `--help` prints the usage (flags, what it
 * does, examples) and exits 0; an unknown flag prints the problem and the usage and
 * exits 2. The commands are read from package.json, so a new command is covered too.
 *
 * Every command's `--help` is answered by `readCommandLine` before the command does
 * anything: so each command's entry is loaded in this process with `--help` as its
 * argv, and must print its usage and exit 0 there. Two commands are run for real,
 * `--help` and a mistake each, through their package.json lines (one of them gen's
 * restoring launcher). A mistake's answer is tried on the function in this process.
 * (A run is a Node start-up and a load of the command: one per command cost the suite
 * two seconds of CPU.)
 */
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { readCommandLine } from "../../scripts/cli/command-line.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { intercepted } from "../support/intercepted.ts";
import { npmStart } from "../support/project-copy.ts";

const scripts = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
// `typecheck` is TypeScript's own command, with its own help.
const commands = Object.keys(scripts).filter((name) => name !== "typecheck");
// npm runs `test` as `npm test` too, and its examples say so.
const invocation = (name: string): string => (name === "test" ? "npm (?:run )?test" : `npm run ${name}`);
/** The TypeScript entry a command's script line runs (its last word). */
const entryOf = (name: string): string => scripts[name]!.trim().split(/\s+/).at(-1)!;

/** Each command's entry, loaded in this process (one literal import each, so that the test build holds it). */
const ENTRIES: Readonly<Record<string, () => Promise<unknown>>> = {
  "scripts/gen.ts": () => import("../../scripts/gen.ts"),
  "scripts/check.ts": () => import("../../scripts/check.ts"),
  "scripts/lint.ts": () => import("../../scripts/lint.ts"),
  "scripts/test.ts": () => import("../../scripts/test.ts"),
  "scripts/sync-actions.ts": () => import("../../scripts/sync-actions.ts"),
  "scripts/bench.ts": () => import("../../scripts/bench.ts"),
  "scripts/bench/lint-corpus.ts": () => import("../../scripts/bench/lint-corpus.ts"),
  "scripts/conformance.ts": () => import("../../scripts/conformance.ts"),
  "scripts/plan.ts": () => import("../../scripts/plan.ts"),
  "scripts/review.ts": () => import("../../scripts/review.ts"),
  "scripts/import.ts": () => import("../../scripts/import.ts"),
  "scripts/import-round-trip.ts": () => import("../../scripts/import-round-trip.ts"),
};
/** The commands run for real: gen through its restoring launcher, lint through the plain one. */
const RUN = ["gen", "lint"];

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

/** What the entry of `name` does, loaded in this process with `--help` as its argv: the exit code it asked for and what it printed. */
async function helpInProcess(t: TestContext, name: string): Promise<{ status: number | undefined; stdout: string; stderr: string }> {
  const load = ENTRIES[entryOf(name)];
  assert.ok(load, `${name}: its entry ${entryOf(name)} is not in ENTRIES`);
  const argv = process.argv;
  process.argv = [process.execPath, path.join(PROJECT_ROOT, entryOf(name)), "--help"];
  try {
    const { exit, stdout, stderr } = await intercepted(t, load);
    return { status: exit, stdout, stderr };
  } finally {
    process.argv = argv;
  }
}

/** The usage `--help` printed for `name`: its usage line, flags and an example. */
function assertUsage(name: string, help: { status: number | null | undefined; stdout: string; stderr: string }): void {
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, new RegExp(`^usage: npm run ${name}\\b`));
  assert.match(help.stdout, /\nflags:\n/);
  assert.match(help.stdout, /\n {2}--help, -h /);
  assert.match(help.stdout, new RegExp(`\\nexamples:\\n {2}${invocation(name)}\\b`));
}

test("the commands include every one the README promises", () => {
  for (const name of ["gen", "check", "lint", "plan", "sync-actions", "conformance", "bench"]) assert.ok(name in scripts, name);
});

test("every command's entry is loaded by this test", () => {
  assert.deepEqual(commands.map(entryOf).sort(), Object.keys(ENTRIES).sort());
});

for (const name of commands) {
  test(`npm run ${name} -- --help prints its usage, flags and an example, and exits 0`, async (t) => {
    assertUsage(name, RUN.includes(name) ? await run(name, "--help") : await helpInProcess(t, name));
  });
}

for (const name of RUN) {
  test(`npm run ${name} -- --no-such-flag names the flag, prints the usage and exits 2`, async () => {
    const wrong = await run(name, "--no-such-flag");
    assert.equal(wrong.status, 2, wrong.stdout + wrong.stderr);
    assert.match(wrong.stderr, /'--no-such-flag'/);
    assert.match(wrong.stderr, new RegExp(`\\nusage: npm run ${name}\\b`));
  });
}

const spec = {
  name: "lint",
  summary: "Lints workflow files.",
  flags: { format: { type: "string", value: "FORMAT", description: "how findings are printed" } },
  positionals: "[FILE…]",
  examples: ["npm run lint"],
} as const;

/** What `readCommandLine` does with `argv`: the values it read, or the exit code, and what was printed on each stream. */
const answered = (t: TestContext, argv: string[], command: Parameters<typeof readCommandLine>[0] = spec) => intercepted(t, () => readCommandLine(command, argv).values);

test("a mistake on the command line (an unknown flag, a missing value, a stray word) names it, prints the usage and exits 2", async (t) => {
  for (const [argv, problem] of [
    [["--no-such-flag"], /'--no-such-flag'/],
    [["--format"], /'--format/],
  ] as const) {
    const outcome = await answered(t, [...argv]);
    assert.equal(outcome.exit, 2, `${argv.join(" ")} was taken`);
    assert.equal(outcome.stdout, "");
    assert.match(outcome.stderr, new RegExp(`^lint: .*${problem.source}`));
    assert.match(outcome.stderr, /\n\nusage: npm run lint -- \[--format FORMAT\] \[FILE…\]\n/);
  }
  const { positionals: _taken, ...withoutPositionals } = spec;
  const noPositionals = await answered(t, ["stray"], withoutPositionals);
  assert.ok(noPositionals.exit === 2 && /'stray'/.test(noPositionals.stderr), JSON.stringify(noPositionals));
  const taken = await answered(t, ["--format", "json", "a.yml"]);
  assert.deepEqual([taken.exit, taken.value], [undefined, Object.assign(Object.create(null), { format: "json" })]);
});

test("--help wins over a mistake beside it: the usage on stdout, exit 0", async (t) => {
  const outcome = await answered(t, ["--no-such-flag", "--help"]);
  assert.equal(outcome.exit, 0);
  assert.equal(outcome.stderr, "");
  assert.match(outcome.stdout, /^usage: npm run lint/);
});
