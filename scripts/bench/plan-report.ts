/**
 * `node --import tsx scripts/bench/plan-report.ts [--rounds N]`: how long the plan
 * report of docker-build (12 simulated scenarios) takes next to `npm run gen`.
 * Interleaves, per round: a full `gen` process writing to a temporary root, then
 * in-process the workflow generation alone and the report alone. Prints medians.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { parseFlags } from "../cli/flags.ts";
import { generate } from "../generated/generate.ts";
import { dockerBuildPlan } from "../generated/reports.ts";
import { PROJECT_ROOT } from "../project-root.ts";

const { rounds } = parseFlags("bench", process.argv.slice(2), z.strictObject({ rounds: z.coerce.number().int().min(5).default(7) }));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const samples = { genProcess: [] as number[], workflows: [] as number[], report: [] as number[] };

for (let round = 0; round < rounds; round++) {
  const root = mkdtempSync(join(tmpdir(), "bench-gen-"));
  let t = performance.now();
  const gen = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts", "gen.ts"), "--root", root], { encoding: "utf8" });
  samples.genProcess.push(performance.now() - t);
  rmSync(root, { recursive: true, force: true });
  if (gen.status !== 0) throw new Error(`gen failed: ${gen.stderr}`);
  t = performance.now();
  const files = await generate({ reports: [] });
  samples.workflows.push(performance.now() - t);
  t = performance.now();
  await dockerBuildPlan(files, {});
  samples.report.push(performance.now() - t);
}

const ms = (x: number) => `${Math.round(x)} ms`;
const m = { genProcess: median(samples.genProcess), workflows: median(samples.workflows), report: median(samples.report) };
console.log(`rounds: ${rounds} (interleaved), medians:`);
console.log(`  npm run gen (process, report included): ${ms(m.genProcess)}`);
console.log(`  workflow generation alone (in process): ${ms(m.workflows)}`);
console.log(`  plan report alone (in process, 12 scenarios): ${ms(m.report)}`);
const genWithout = m.genProcess - m.report;
console.log(`  npm run gen without the report (difference): ${ms(genWithout)}`);
console.log(`  ratio plan report / npm run gen without it: ${(m.report / genWithout).toFixed(1)}; share of npm run gen: ${Math.round((100 * m.report) / m.genProcess)}%`);
