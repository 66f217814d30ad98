/**
 * `node scripts/run-ts.mjs scripts/bench/plan-report.ts [--rounds N]`: how long
 * computing the plan report of docker-build (one simulation per scenario) takes, next to
 * a warm `npm run gen` (which reuses the report while its inputs are unchanged). Each
 * round gives the workflow a name never used before: the name is part of what the
 * simulation reads (a comment is not), so no remembered plan is reused.
 * Interleaves, per round: the gen process as `npm run gen` runs it, then the report
 * computed in this process. Prints medians and their ratio, the CPU time of computing
 * the report (this process and the processes the simulation started) and the load average.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { readCommandLine, wholeNumberFlag } from "../cli/command-line.ts";
import { packageScript } from "../files/package-script.ts";
import { generate } from "../pipeline/generate.ts";
import { renderPlanReport } from "../sim/plan-report.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { scenarios } from "../../workflows-src/docker-build.scenarios.ts";
import { childrenCpuMs } from "./measure.ts";
import { summarize } from "./statistics.ts";

const command = {
  name: "bench:plan-report (node scripts/run-ts.mjs scripts/bench/plan-report.ts)",
  summary: "Times computing the docker-build plan report in process against a warm gen process, interleaved; prints medians and their ratio.",
  flags: { rounds: { type: "string", value: "N", description: "rounds, at least 5 (default: 7)" } },
  examples: ["node scripts/run-ts.mjs scripts/bench/plan-report.ts --rounds 5"],
} as const;
const { values } = readCommandLine(command, process.argv.slice(2));
const rounds = wholeNumberFlag(command, "rounds", values.rounds, 5, 7);
const { argv: gen, ...genOptions } = packageScript(PROJECT_ROOT, "gen");
const samples = { gen: [] as number[], report: [] as number[], reportCpu: [] as number[] };
const workflow = (await generate({ reports: [] })).find((file) => file.path === ".github/workflows/docker-build.yml")!;

for (let round = 0; round < rounds; round++) {
  let t = performance.now();
  const run = spawnSync("sh", gen, { ...genOptions, encoding: "utf8" });
  samples.gen.push(performance.now() - t);
  if (run.status !== 0) throw new Error(`gen failed: ${run.stderr}`);
  const renamed = workflow.content.replace(/^name: .*$/m, (line) => `${line} (bench ${randomUUID()})`);
  if (renamed === workflow.content) throw new Error(`${workflow.path} has no top-level name to change; update the benchmark's edit`);
  const [cpu, children] = [process.cpuUsage(), childrenCpuMs()];
  t = performance.now();
  await renderPlanReport(workflow.path, renamed, scenarios);
  samples.report.push(performance.now() - t);
  const own = process.cpuUsage(cpu);
  samples.reportCpu.push((own.user + own.system) / 1000 + (childrenCpuMs() ?? Number.NaN) - (children ?? Number.NaN));
}

const genMs = summarize(samples.gen).median;
const report = summarize(samples.report).median;
console.log(`rounds: ${rounds} (interleaved), medians:`);
console.log(`  gen process (warm, report remembered): ${Math.round(genMs)} ms`);
console.log(`  plan report computed (in process, ${scenarios.length} scenarios): ${Math.round(report)} ms`);
console.log(`  ratio plan report / gen: ${(report / genMs).toFixed(1)}`);
const reportCpu = summarize(samples.reportCpu).median;
console.log(`  CPU time of the plan report (this process and the simulation's processes): ${Number.isNaN(reportCpu) ? "not measured off Linux" : `${Math.round(reportCpu)} ms`}`);
console.log(`load average (1 min) at the end: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`);
