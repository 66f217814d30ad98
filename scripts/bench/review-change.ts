/**
 * `node scripts/run-ts.mjs scripts/bench/review-change.ts [--runs N]`: how long
 * `npm run review` takes on a one-job change of docker-build (the workflow with the most
 * scenarios), in a copy of the project, as a user runs it. Four cases, interleaved with
 * `node -e 0` by the benchmark's harness: cold (nothing remembered: compile, build the
 * base, simulate both sides, as in CI), a new change (the base remembered; the change,
 * a job's time limit, is one the simulation does not read, so its plans are remembered
 * too), a new change the simulation reads (a job's name: no plan of the changed workflow
 * is remembered, so its 13 scenarios are simulated, the renamed job again and the
 * other jobs replayed from the job memo), and again (everything remembered: a second review,
 * or a review after `npm run gen`, which simulates the changed workflow for its plan report).
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { readCommandLine, wholeNumberFlag } from "../cli/command-line.ts";
import { BASELINE_ID } from "./commands.ts";
import { measureInterleaved, type BenchCommand } from "./measure.ts";
import { editFile } from "../files/edit-file.ts";
import { commitCopy, projectCopy } from "../files/project-copy.ts";
import { formatTable, resultRows } from "./report.ts";

const command = {
  name: "bench:review (node scripts/run-ts.mjs scripts/bench/review-change.ts)",
  summary:
    "Times `npm run review` on a one-job change of docker-build in a copy of the project: cold (nothing remembered, as in CI), a new change\n(the base remembered), a new change the simulation reads (its plans simulated) and again (everything remembered, as after\n`npm run gen`), interleaved with `node -e 0`; prints medians, ranges, CPU time and the load average.",
  flags: { runs: { type: "string", value: "N", description: "timed runs per case (default: 5)" } },
  examples: ["node scripts/run-ts.mjs scripts/bench/review-change.ts --runs 3"],
} as const;
const { values } = readCommandLine(command, process.argv.slice(2));
const runs = wholeNumberFlag(command, "runs", values.runs, 1, 5);

const root = projectCopy("charon-bench-review", tmpdir(), "own");
const job = path.join(root, "workflows-src", "docker-build", "trivy-pr-app-only.ts");
let edits = 0;

/** Changes one job: the scan job's time limit, a new value each time, so its text was never simulated. */
const changeOneJob = (): void => editFile(job, /"timeout-minutes": \d+,/, `"timeout-minutes": ${40 + ++edits},`, '"timeout-minutes"');

/** Changes what the simulation reads: the scan job's name, a new one each time, so its plans were never simulated. */
const renameOneJob = (): void => editFile(job, /name: "Trivy scan of the application binary[^"]*",/, `name: "Trivy scan of the application binary (${++edits})",`, "job name");

const review = [process.execPath, path.join(root, "scripts", "run-ts.mjs"), path.join(root, "scripts", "review.ts"), "--format", "json"];
const cases: BenchCommand[] = [
  { id: BASELINE_ID, label: "node -e 0", argv: [process.execPath, "-e", "0"], cwd: root },
  {
    id: "review-cold",
    label: "review, cold: nothing remembered (as in CI)",
    argv: review,
    cwd: root,
    before: () => {
      rmSync(path.join(root, "node_modules", ".cache"), { recursive: true, force: true });
      changeOneJob();
    },
  },
  { id: "review-change", label: "review, a new change: the base remembered", argv: review, cwd: root, before: changeOneJob },
  { id: "review-simulated", label: "review, a new change the simulation reads: simulated", argv: review, cwd: root, before: renameOneJob },
  { id: "review-again", label: "review again (or after npm run gen): all remembered", argv: review, cwd: root },
];

try {
  commitCopy(root);
  changeOneJob();
  const check = spawnSync(review[0]!, review.slice(1), { cwd: root, encoding: "utf8" });
  const changed = check.status === 0 ? (JSON.parse(check.stdout) as { workflows: { status: string }[] }).workflows.filter((w) => w.status !== "unchanged").length : -1;
  if (changed !== 1) throw new Error(`the review of the changed copy saw ${changed} changed workflows, not 1:\n${check.stderr}`);
  const load = [loadavg()[0]!];
  const samples = measureInterleaved(cases, runs, (round) => process.stderr.write(`bench: round ${round + 1} of ${runs}\r`));
  load.push(loadavg()[0]!);
  console.log(`\nnpm run review, one job of docker-build changed:\n${formatTable(resultRows(cases, samples, BASELINE_ID), runs)}`);
  console.log(`load average (1 min) before/after: ${load.map((l) => l.toFixed(1)).join(" / ")} on ${cpus().length} CPUs`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
