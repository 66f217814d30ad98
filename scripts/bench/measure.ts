/**
 * Runs commands interleaved (each round runs every command once, in an order that
 * rotates from round to round) after one warm-up run each, and records wall-clock time
 * and, where Linux reports it, the CPU time of the command and its children. Machine
 * load shifts all commands of a round alike, so their ratios stay comparable.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** A command to time. `env` is called before every run (a fresh cache folder, say), then `before` (an edit to time the command after). */
export interface BenchCommand {
  id: string;
  label: string;
  argv: readonly string[];
  cwd: string;
  env?: () => Record<string, string>;
  before?: () => void;
}

/** Times of one command, in milliseconds, one entry per measured run. */
export interface Samples {
  wall: number[];
  /** User + system CPU time of the command's process tree; absent off Linux. */
  cpu: number[] | undefined;
}

/**
 * Children's CPU time as the kernel accounts it to this process once they are reaped
 * (fields cutime and cstime of /proc/self/stat, in clock ticks of 10 ms); undefined off Linux.
 */
export function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ");
    if (!fields) return undefined;
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

function runOnce(command: BenchCommand): { wall: number; cpu: number | undefined } {
  const env = { ...process.env, ...command.env?.() };
  command.before?.();
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const run = spawnSync(command.argv[0]!, command.argv.slice(1), {
    cwd: command.cwd,
    env,
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  if (run.status !== 0) {
    throw new Error(`"${command.label}" exited with ${run.status ?? run.signal}; fix it before benchmarking:\n${run.stderr}`);
  }
  return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

/** Warm-up run of each command, then `runs` interleaved rounds. */
export function measureInterleaved(commands: readonly BenchCommand[], runs: number, progress: (round: number) => void = () => {}): Map<string, Samples> {
  const samples = new Map<string, Samples>(commands.map((c) => [c.id, { wall: [], cpu: [] }]));
  for (const command of commands) runOnce(command);
  for (let round = 0; round < runs; round++) {
    progress(round);
    const order = commands.map((_, i) => commands[(i + round) % commands.length]!);
    for (const command of order) {
      const { wall, cpu } = runOnce(command);
      const entry = samples.get(command.id)!;
      entry.wall.push(wall);
      if (cpu === undefined) entry.cpu = undefined;
      else entry.cpu?.push(cpu);
    }
  }
  return samples;
}
