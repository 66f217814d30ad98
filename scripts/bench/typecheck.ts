/**
 * `npm run bench:typecheck [-- --runs N]`: times `npm run typecheck` against
 * `npm run gen`, interleaved so both see the same machine state, and prints the
 * medians and their ratio. The typed bindings must keep type-checking cheap
 * relative to generation; this is where that is measured, not in a test.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { parseFlags } from "../cli/flags.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const flags = parseFlags("bench:typecheck", process.argv.slice(2), z.strictObject({ runs: z.coerce.number().int().min(1).default(5) }));

function timed(script: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync("npm", ["run", "-s", script], { cwd: root, stdio: "ignore" });
  if (result.status !== 0) throw new Error(`npm run ${script} failed (exit ${result.status}); fix it before measuring`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const typecheck: number[] = [];
const gen: number[] = [];
for (let i = 0; i < flags.runs; i++) {
  typecheck.push(timed("typecheck"));
  gen.push(timed("gen"));
}
const [t, g] = [median(typecheck), median(gen)];
console.log(`typecheck median ${t.toFixed(0)} ms, gen median ${g.toFixed(0)} ms over ${flags.runs} interleaved runs; ratio ${(t / g).toFixed(2)}`);
