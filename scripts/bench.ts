/**
 * `npm run bench [-- --runs N] [--only id,id] [--anchor] [--npm-test [--npm-test-runs N]] [--json FILE] [--compare FILE]`:
 * times the project's commands against `node -e 0`, interleaved, and prints medians,
 * ranges, ratios and the budgets; writes the same as JSON (default
 * `bench-results/<commit>.json`), and with `--compare` sets the ratios beside those
 * of an earlier results file. A report, never a test.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { readCommandLine, wholeNumberFlag } from "./cli/command-line.ts";
import { ValidationError } from "./files/validation-error.ts";
import type { NpmTestRun } from "./bench/report.ts";

const command = {
  name: "bench",
  summary:
    "Times the project's commands against `node -e 0`, interleaved after a warm-up, and prints medians, ranges, ratios and the budgets;\nwrites the same as JSON. A report, never a test: on a busy machine take the ratios, not the milliseconds.",
  flags: {
    runs: { type: "string", value: "N", description: "timed runs per command (default: 7)" },
    only: { type: "string", value: "ID,ID", description: "time only these command ids (and the node -e 0 baseline)" },
    anchor: { type: "boolean", description: "also time github-actions-workflow-ts's `npx gwf build` on the same workflow" },
    "npm-test": { type: "boolean", description: "also time the full `npm test`, and report the CPU time of its processes" },
    "npm-test-runs": { type: "string", value: "N", description: "how many times --npm-test runs it, one after another; the median is held against the budget (default: 3)" },
    json: { type: "string", value: "FILE", description: "where to write the results (default: bench-results/<commit>.json)" },
    compare: { type: "string", value: "FILE", description: "print this run's ratios beside those of an earlier results file" },
  },
  examples: ["npm run bench", "npm run bench -- --only gen,check --runs 9", "npm run bench -- --anchor --npm-test --compare bench-results/abc1234.json"],
} as const;
const { values } = readCommandLine(command, process.argv.slice(2));
const runs = wholeNumberFlag(command, "runs", values.runs, 1, 7);
const npmTestCount = wholeNumberFlag(command, "npm-test-runs", values["npm-test-runs"], 1, 3);
const flags = { ...values, runs };
// The benchmark's own modules load after the flags are read, so --help and a wrong flag answer at once.
const [{ evaluateBudgets }, { BASELINE_ID, benchCommands }, { anchorMatches, prepareGwfAnchor }, { childrenCpuMs, measureInterleaved }, { formatBudgets, formatNpmTestCost, formatTable, resultRows }, { formatComparison, readEarlierRun }, { summarize }] = await Promise.all([
  import("./bench/budgets.ts"),
  import("./bench/commands.ts"),
  import("./bench/gwf-anchor.ts"),
  import("./bench/measure.ts"),
  import("./bench/report.ts"),
  import("./bench/compare.ts"),
  import("./bench/statistics.ts"),
]);

const git = (...args: string[]): string => execFileSync("git", args, { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();
const commit = `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain") ? "-dirty" : ""}`;
class UsageError extends Error {}
const scratch = mkdtempSync(path.join(tmpdir(), "charon-bench-"));
const coldCaches = path.join(PROJECT_ROOT, "node_modules", ".cache", `bench-cold-${process.pid}`);
mkdirSync(coldCaches, { recursive: true });

try {
  // Read before measuring, so a wrong file name fails in a second, not after the runs.
  const earlier = flags.compare === undefined ? undefined : readEarlierRun(flags.compare);
  let commands = benchCommands(PROJECT_ROOT, scratch, coldCaches);
  if (flags.anchor) commands.push(prepareGwfAnchor());
  if (flags.only) {
    const wanted = new Set(flags.only.split(",").map((id) => id.trim()));
    const unknown = [...wanted].filter((id) => !commands.some((c) => c.id === id));
    if (unknown.length) {
      throw new UsageError(`bench: unknown command id ${unknown.map((id) => `"${id}"`).join(", ")} in --only; use ${commands.map((c) => `"${c.id}"`).join(", ")} (add --anchor for "gwf")`);
    }
    commands = commands.filter((c) => c.id === BASELINE_ID || wanted.has(c.id));
  }

  const load = [loadavg()[0]!];
  const samples = measureInterleaved(commands, flags.runs, (round) => process.stderr.write(`bench: round ${round + 1} of ${flags.runs}\r`));
  process.stderr.write("\n");
  load.push(loadavg()[0]!);
  const rows = resultRows(commands, samples, BASELINE_ID);
  const medians = new Map(rows.map((row) => [row.id, row.wallMs.median]));

  // Like every other figure, npm test's is a median: one run of it swings by seconds with the machine.
  const npmTest: NpmTestRun[] = [];
  for (let run = 0; flags["npm-test"] && run < npmTestCount; run++) {
    process.stderr.write(`bench: npm test, run ${run + 1} of ${npmTestCount}\r`);
    npmTest.push(timeNpmTest());
  }
  if (npmTest.length) process.stderr.write("\n");
  const npmTestSeconds = npmTest.length ? summarize(npmTest.map((run) => run.seconds)).median : undefined;

  const gen = medians.get("gen");
  const gwf = medians.get("gwf");
  const anchor = gen !== undefined && gwf !== undefined ? { genOverGwf: gen / gwf, sameWorkflow: anchorMatches(PROJECT_ROOT) } : undefined;
  const budgets = evaluateBudgets(medians, npmTestSeconds);

  console.log(formatTable(rows, flags.runs));
  console.log(`load average (1 min) before/after: ${load.map((l) => l.toFixed(1)).join(" / ")} on ${cpus().length} CPUs\n`);
  console.log(formatBudgets(budgets));
  if (npmTest.length) console.log(formatNpmTestCost(npmTest, cpus().length));
  if (anchor) console.log(`anchor: npm run gen / npx gwf build = ${anchor.genOverGwf.toFixed(2)} (same workflow: ${anchor.sameWorkflow ? "yes" : "NO"})`);
  if (earlier) console.log(`\n${formatComparison(earlier, rows)}`);

  const jsonFile = path.resolve(flags.json ?? path.join(PROJECT_ROOT, "bench-results", `${commit}.json`));
  mkdirSync(path.dirname(jsonFile), { recursive: true });
  const record = { commit, date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAverage: load, runs: flags.runs, results: rows, budgets, anchor, npmTestSeconds, npmTestRuns: npmTest };
  writeFileSync(jsonFile, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`\nbench: results written to ${path.relative(process.cwd(), jsonFile)}`);
} catch (error) {
  if (!(error instanceof UsageError || error instanceof ValidationError)) throw error;
  console.error(error instanceof ValidationError ? `bench: ${error.problems.join("\nbench: ")}` : error.message);
  process.exitCode = 2;
} finally {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(coldCaches, { recursive: true, force: true });
}

/** One full `npm test`: its wall time and the CPU time of its processes. Its report is kept only when a test failed: a failure under the benchmark's load is the one worth reading. */
function timeNpmTest(): NpmTestRun {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const run = spawnSync("npm", ["test"], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  const cpuAfter = childrenCpuMs();
  if (run.status !== 0) {
    const log = path.join(PROJECT_ROOT, "bench-results", `${commit}-npm-test.log`);
    mkdirSync(path.dirname(log), { recursive: true });
    writeFileSync(log, `${run.stdout}${run.stderr}`);
    console.error(`bench: npm test failed (exit ${run.status}); its time is reported all the same, and its report is in ${path.relative(process.cwd(), log)}`);
  }
  return { seconds, cpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / 1000 };
}
