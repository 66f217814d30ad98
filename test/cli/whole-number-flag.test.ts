/**
 * A count flag (`wholeNumberFlag`) takes a whole number at its minimum or above; anything
 * else names the flag, prints the usage and exits 2. The values are tried in this
 * process with its exit intercepted; one real run shows a command wired to it.
 */
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { wholeNumberFlag } from "../../scripts/cli/command-line.ts";
import { intercepted } from "../support/intercepted.ts";
import { runScript } from "../support/run-script.ts";

const spec = { name: "bench", summary: "Times the commands.", flags: { runs: { type: "string", value: "N", description: "how many times" } }, examples: ["npm run bench"] } as const;

/** What `wholeNumberFlag` does with `text`: the number, or the exit code and what it printed. */
async function tried(t: TestContext, text: string | undefined): Promise<number | { exit: number; printed: string }> {
  const { value, exit, stderr } = await intercepted(t, () => wholeNumberFlag(spec, "runs", text, 1, 7));
  return exit === undefined ? value! : { exit, printed: stderr };
}

test("a count flag takes a whole number at its minimum or above, and its default when absent", async (t) => {
  assert.equal(await tried(t, "1"), 1);
  assert.equal(await tried(t, "3"), 3);
  assert.equal(await tried(t, undefined), 7);
});

test("anything else names the flag and the value, prints the usage and exits 2", async (t) => {
  for (const wrong of ["0", "-1", "2.5", "many", "", "1e400"]) {
    const outcome = await tried(t, wrong);
    assert.ok(typeof outcome === "object", `--runs ${wrong} was taken`);
    assert.equal(outcome.exit, 2, wrong);
    assert.equal(outcome.printed.split("\n\n")[0], `bench: --runs takes a whole number of at least 1, not "${wrong}"`);
    assert.match(outcome.printed, /\n\nusage: npm run bench/);
  }
});

test("a command reads its count flags this way: a wrong one exits 2 before anything runs, a whole number reaches the next flag", () => {
  const bench = (...args: string[]) => runScript("bench", args);
  const wrong = bench("--runs", "2.5", "--only", "no-such-command");
  assert.equal(wrong.status, 2, wrong.stderr);
  assert.match(wrong.stderr, /--runs takes a whole number of at least 1, not "2\.5"\n\nusage: npm run bench/);
  const valid = bench("--runs", "3", "--only", "no-such-command");
  assert.doesNotMatch(valid.stderr, /--runs takes/);
  assert.match(valid.stderr, /no-such-command/);
});
