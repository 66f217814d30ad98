/**
 * Every command a user runs explains itself: `--help` prints the usage (flags, what it
 * does, examples) and exits 0; an unknown flag prints the problem and the usage and
 * exits 2. The commands are read from package.json, so a new command is covered too.
 *
 * `--help` is run for every command, and its answer (the usage line, flags and
 * examples, exit 0) is the one `readCommandLine` gives: so every command reads its
 * command line there. The answer to a mistake comes from the same function; it is tried
 * on the function in this process, and run for real for two commands, one of them
 * started through gen's restoring launcher. (A run is a Node start-up and a load of the
 * command: a second one per command cost the suite two seconds of CPU.)
 */
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { readCommandLine } from "../../scripts/cli/command-line.ts";
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
}

for (const name of ["gen", "lint"]) {
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

/** What `readCommandLine` does with `argv`: the values it read, or the exit code and what was printed on each stream. */
function answered(t: TestContext, argv: string[], command: Parameters<typeof readCommandLine>[0] = spec): { values: unknown } | { exit: number; stdout: string; stderr: string } {
  const printed = { stdout: "", stderr: "" };
  for (const stream of ["stdout", "stderr"] as const) t.mock.method(process[stream], "write", (chunk: string) => ((printed[stream] += chunk), true));
  t.mock.method(process, "exit", (code: number) => {
    throw { exit: code };
  });
  try {
    return { values: readCommandLine(command, argv).values };
  } catch (thrown) {
    if (typeof thrown !== "object" || thrown === null || !("exit" in thrown)) throw thrown;
    return { exit: thrown.exit as number, ...printed };
  } finally {
    t.mock.restoreAll();
  }
}

test("a mistake on the command line (an unknown flag, a missing value, a stray word) names it, prints the usage and exits 2", (t) => {
  for (const [argv, problem] of [
    [["--no-such-flag"], /'--no-such-flag'/],
    [["--format"], /'--format/],
  ] as const) {
    const outcome = answered(t, [...argv]);
    assert.ok("exit" in outcome, `${argv.join(" ")} was taken`);
    assert.equal(outcome.exit, 2);
    assert.equal(outcome.stdout, "");
    assert.match(outcome.stderr, new RegExp(`^lint: .*${problem.source}`));
    assert.match(outcome.stderr, /\n\nusage: npm run lint -- \[--format FORMAT\] \[FILE…\]\n/);
  }
  const { positionals: _taken, ...withoutPositionals } = spec;
  const noPositionals = answered(t, ["stray"], withoutPositionals);
  assert.ok("exit" in noPositionals && noPositionals.exit === 2 && /'stray'/.test(noPositionals.stderr), JSON.stringify(noPositionals));
  assert.deepEqual(answered(t, ["--format", "json", "a.yml"]), { values: Object.assign(Object.create(null), { format: "json" }) });
});

test("--help wins over a mistake beside it: the usage on stdout, exit 0", (t) => {
  const outcome = answered(t, ["--no-such-flag", "--help"]);
  assert.ok("exit" in outcome);
  assert.equal(outcome.exit, 0);
  assert.equal(outcome.stderr, "");
  assert.match(outcome.stdout, /^usage: npm run lint/);
});
