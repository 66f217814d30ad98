/**
 * `npm run bench:lint [-- --runs N]`: how long `npm run lint` takes on the emitted
 * workflows compared with an empty Node process. The lint command is the one
 * package.json runs for `npm run lint` (without npm's own start-up); both commands
 * run interleaved N times (default 7) so that machine noise hits both alike; prints
 * each median and their ratio. A measurement, never a test assertion.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { parseFlags } from "../cli/flags.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const flags = parseFlags("bench:lint", process.argv.slice(2), z.object({ runs: z.coerce.number().int().min(5).default(7) }).strict());

const manifest = z.object({ scripts: z.object({ lint: z.string().regex(/^node\s/, "the lint script must start with node") }) });
const lintScript = manifest.parse(JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8"))).scripts.lint;

const commands = {
  lint: [process.execPath, ...lintScript.split(/\s+/).slice(1)],
  "node -e 0": [process.execPath, "-e", "0"],
} as const;

const times: Record<keyof typeof commands, number[]> = { lint: [], "node -e 0": [] };
for (let i = 0; i < flags.runs; i++) {
  for (const name of Object.keys(commands) as (keyof typeof commands)[]) {
    const [command, ...args] = commands[name];
    const start = process.hrtime.bigint();
    const run = spawnSync(command, args, { cwd: projectRoot, encoding: "utf8" });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`${name} exited ${run.status}: ${run.stdout}${run.stderr}`);
    times[name].push(elapsed);
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const lint = median(times.lint);
const baseline = median(times["node -e 0"]);
console.log(`runs: ${flags.runs} each, interleaved`);
console.log(`${lintScript} (emitted workflows): median ${lint.toFixed(0)} ms`);
console.log(`node -e 0:                        median ${baseline.toFixed(0)} ms`);
console.log(`ratio: ${(lint / baseline).toFixed(1)}`);
