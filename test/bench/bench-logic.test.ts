/**
 * The benchmark's arithmetic and bookkeeping, apart from any timing: medians, budgets
 * met or not, ratios against the baseline, the interleaved order of runs, and the
 * comparison with an earlier results file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { evaluateBudgets } from "../../scripts/bench/budgets.ts";
import { formatComparison, readEarlierRun } from "../../scripts/bench/compare.ts";
import { measureInterleaved, type BenchCommand } from "../../scripts/bench/measure.ts";
import { formatNpmTestCost, resultRows } from "../../scripts/bench/report.ts";
import { summarize } from "../../scripts/bench/statistics.ts";

test("the median of an odd and of an even number of samples, with minimum and maximum", () => {
  assert.deepEqual(summarize([30, 10, 20]), { median: 20, min: 10, max: 30 });
  assert.deepEqual(summarize([40, 10, 30, 20]), { median: 25, min: 10, max: 40 });
  assert.throws(() => summarize([]), /no samples/);
});

test("budgets are ratios of medians; one not measured is reported as such", () => {
  const medians = new Map([
    ["node", 60],
    ["gen", 290],
    ["check", 430],
    ["synthetic-1", 200],
    ["synthetic-100", 520],
  ]);
  const budgets = evaluateBudgets(medians, 33);
  const byName = Object.fromEntries(budgets.map((b) => [b.name, b]));
  assert.equal(byName["npm run gen / node -e 0"]?.met, true);
  assert.equal(byName["npm run check / node -e 0"]?.met, false, "430 / 60 = 7.17 > 7");
  assert.equal(byName["100 synthetic workflows / 1"]?.value, 2.6);
  assert.equal(byName["100 synthetic workflows / 1"]?.met, false);
  assert.equal(byName["npm test, seconds"]?.met, true);
  const partial = evaluateBudgets(new Map([["node", 60]]), undefined);
  assert.ok(partial.every((b) => b.value === undefined && b.met === undefined));
});

function recorder(dir: string, ids: readonly string[]): BenchCommand[] {
  const log = path.join(dir, "order.log");
  // A shell, not Node: the order is what counts, and twelve Node start-ups cost the suite a second of CPU.
  return ids.map((id) => ({ id, label: id, argv: ["sh", "-c", 'printf "%s " "$0" >> "$1"', id, log], cwd: dir }));
}

test("each command runs once to warm up, then once per round, in an order that rotates", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-order-"));
  try {
    const samples = measureInterleaved(recorder(dir, ["a", "b", "c"]), 3);
    assert.equal(readFileSync(path.join(dir, "order.log"), "utf8").trim(), "a b c a b c b c a c a b");
    for (const id of ["a", "b", "c"]) assert.equal(samples.get(id)?.wall.length, 3);
    const rows = resultRows(recorder(dir, ["a", "b", "c"]), samples, "a");
    assert.equal(rows[0]?.ratio, 1);
    assert.equal(rows[1]?.ratio, samples.get("b")!.wall.sort((x, y) => x - y)[1]! / samples.get("a")!.wall.sort((x, y) => x - y)[1]!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a command that fails stops the benchmark with its label and error output", () => {
  const failing: BenchCommand = { id: "bad", label: "a failing command", argv: [process.execPath, "-e", 'console.error("broken on purpose"); process.exit(3)'], cwd: tmpdir() };
  assert.throws(() => measureInterleaved([failing], 1), /"a failing command" exited with 3; fix it before benchmarking:\nbroken on purpose/);
});

test("a comparison sets this run's ratios beside the earlier file's, and names a bad file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-compare-"));
  try {
    const file = path.join(dir, "old.json");
    writeFileSync(file, JSON.stringify({ commit: "abc1234", results: [{ id: "node", label: "node -e 0", ratio: 1 }, { id: "gen", label: "npm run gen", ratio: 4.8 }], budgets: [] }));
    const row = (id: string, label: string, ratio: number) => ({ id, label, argv: [], wallMs: { median: 0, min: 0, max: 0 }, cpuMs: undefined, ratio, cpuRatio: undefined });
    const text = formatComparison(readEarlierRun(file), [row("node", "node -e 0", 1), row("gen", "npm run gen", 4.32), row("lint", "npm run lint", 5)]);
    const lines = text.split("\n");
    assert.match(lines[0]!, /compared with abc1234/);
    assert.match(lines.find((l) => l.startsWith("npm run gen"))!, /4\.80\s+4\.32\s+-10%$/);
    assert.match(lines.find((l) => l.startsWith("npm run lint"))!, /new\s+5\.00\s*$/);

    writeFileSync(file, JSON.stringify({ commit: "abc1234", results: [{ id: "gen", label: "npm run gen" }] }));
    assert.throws(() => readEarlierRun(file), new RegExp(`${file.replaceAll(".", "\\.")}: "results\\.0\\.ratio" is missing`));
    writeFileSync(file, "not json");
    assert.throws(() => readEarlierRun(file), /cannot be read as JSON .*written by `npm run bench`/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the cost of npm test names its CPU time and the least wall time that CPU allows on the cores", () => {
  assert.equal(
    formatNpmTestCost([{ seconds: 54.2, cpuSeconds: 108.4 }], 2),
    "npm test: 54.2 s, 108.4 s of CPU in its processes; on 2 CPUs that CPU takes at least 54.2 s (the run kept the cores fully busy)",
  );
  assert.match(formatNpmTestCost([{ seconds: 60, cpuSeconds: 60 }], 2), /at least 30\.0 s \(the run kept the cores at least 50% busy\)$/);
  assert.equal(formatNpmTestCost([{ seconds: 50, cpuSeconds: undefined }], 2), "npm test: 50.0 s; its CPU time is not measured on this system");
});

test("several runs of npm test lead with their median, then give each run's cost", () => {
  const lines = formatNpmTestCost([{ seconds: 47, cpuSeconds: 84 }, { seconds: 41, cpuSeconds: 72 }, { seconds: 43.5, cpuSeconds: undefined }], 2).split("\n");
  assert.equal(lines[0], "npm test, 3 runs one after another: median 43.5 s (41.0–47.0 s)");
  assert.deepEqual(lines.slice(1), [
    "  run 1: 47.0 s, 84.0 s of CPU in its processes; on 2 CPUs that CPU takes at least 42.0 s (the run kept the cores at least 89% busy)",
    "  run 2: 41.0 s, 72.0 s of CPU in its processes; on 2 CPUs that CPU takes at least 36.0 s (the run kept the cores at least 88% busy)",
    "  run 3: 43.5 s; its CPU time is not measured on this system",
  ]);
});
