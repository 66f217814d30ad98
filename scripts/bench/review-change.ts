/**
 * `node scripts/run-ts.mjs scripts/bench/review-change.ts [--rounds N]`: how long
 * `npm run review` takes on a one-job change of docker-build (the workflow with the most
 * scenarios), in a copy of the project, as a user runs it. Three cases per round,
 * interleaved: cold (nothing remembered: compile, build the base, simulate both sides,
 * as in CI), a new change (the base remembered, the changed workflow simulated), and
 * again (everything remembered: a second review, or a review after `npm run gen`, which
 * simulates the changed workflow for its plan report). Prints medians and the load.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { exitWithUsage, readCommandLine } from "../cli/command-line.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { copyProject } from "./project-copy.ts";
import { summarize } from "./statistics.ts";

const command = {
  name: "bench:review (node scripts/run-ts.mjs scripts/bench/review-change.ts)",
  summary:
    "Times `npm run review` on a one-job change of docker-build in a copy of the project: cold (nothing remembered, as in CI), a new change\n(the base remembered) and again (everything remembered, as after `npm run gen`), interleaved; prints medians and the load average.",
  flags: { rounds: { type: "string", value: "N", description: "rounds, at least 3 (default: 5)" } },
  examples: ["node scripts/run-ts.mjs scripts/bench/review-change.ts --rounds 3"],
} as const;
const { values } = readCommandLine(command, process.argv.slice(2));
const rounds = Number(values.rounds ?? "5");
if (!Number.isInteger(rounds) || rounds < 3) exitWithUsage(command, `--rounds takes a whole number of at least 3, not "${values.rounds}"`);

const root = mkdtempSync(path.join(tmpdir(), "charon-bench-review-"));
const job = path.join(root, "workflows-src", "docker-build", "trivy-pr-app-only.ts");

/** Changes one job: the scan job's time limit, a new value each time, so its text is new. */
function changeOneJob(round: number): void {
  const text = readFileSync(job, "utf8");
  const changed = text.replace(/"timeout-minutes": \d+,/, `"timeout-minutes": ${40 + round},`);
  if (changed === text) throw new Error(`${job} has no "timeout-minutes" to change; update the benchmark's edit`);
  writeFileSync(job, changed);
}

function review(): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, [path.join(root, "scripts", "run-ts.mjs"), path.join(root, "scripts", "review.ts"), "--format", "json"], { cwd: root, encoding: "utf8" });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`review failed: ${run.stderr}`);
  const changed = (JSON.parse(run.stdout) as { workflows: { status: string }[] }).workflows.filter((w) => w.status !== "unchanged").length;
  if (changed !== 1) throw new Error(`the review saw ${changed} changed workflows, not 1`);
  return ms;
}

try {
  copyProject(PROJECT_ROOT, root, "own");
  const samples = { cold: [] as number[], change: [] as number[], again: [] as number[] };
  const load = [loadavg()[0]!];
  for (let round = 0; round < rounds; round++) {
    process.stderr.write(`bench: round ${round + 1} of ${rounds}\r`);
    changeOneJob(2 * round);
    rmSync(path.join(root, "node_modules", ".cache"), { recursive: true, force: true });
    samples.cold.push(review());
    changeOneJob(2 * round + 1);
    samples.change.push(review());
    samples.again.push(review());
  }
  load.push(loadavg()[0]!);
  const line = (label: string, ms: readonly number[]) => {
    const s = summarize(ms);
    return `  ${label.padEnd(58)} ${(s.median / 1000).toFixed(2)} s (${(s.min / 1000).toFixed(2)}–${(s.max / 1000).toFixed(2)})`;
  };
  console.log(`\nnpm run review, one job of docker-build changed, ${rounds} rounds, median (range):`);
  console.log(line("cold: nothing remembered (as in CI)", samples.cold));
  console.log(line("a new change: the base remembered, the change simulated", samples.change));
  console.log(line("again, or after npm run gen: everything remembered", samples.again));
  console.log(`load average (1 min) before/after: ${load.map((l) => l.toFixed(1)).join(" / ")} on ${cpus().length} CPUs`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
