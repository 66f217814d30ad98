/**
 * The benchmark's results: a table for people (median, min–max, ratio to `node -e 0`,
 * CPU time) and a JSON record for comparing commits.
 */
import type { BudgetResult } from "./budgets.ts";
import type { BenchCommand, Samples } from "./measure.ts";
import { summarize, type Summary } from "./statistics.ts";

/** One command's line of the results. */
export interface ResultRow {
  id: string;
  label: string;
  argv: readonly string[];
  wallMs: Summary;
  cpuMs: Summary | undefined;
  /** Median wall time over the baseline's. */
  ratio: number;
  /** Median CPU time over the baseline's. */
  cpuRatio: number | undefined;
}

/** Rows in command order, ratios against the command `baselineId`. */
export function resultRows(commands: readonly BenchCommand[], samples: ReadonlyMap<string, Samples>, baselineId: string): ResultRow[] {
  const base = samples.get(baselineId);
  if (!base) throw new Error(`the baseline "${baselineId}" was not measured`);
  const baseWall = summarize(base.wall).median;
  const baseCpu = base.cpu ? summarize(base.cpu).median : undefined;
  return commands.map((command) => {
    const { wall, cpu } = samples.get(command.id)!;
    const wallMs = summarize(wall);
    const cpuMs = cpu ? summarize(cpu) : undefined;
    return {
      id: command.id,
      label: command.label,
      argv: command.argv,
      wallMs,
      cpuMs,
      ratio: wallMs.median / baseWall,
      cpuRatio: cpuMs && baseCpu ? cpuMs.median / baseCpu : undefined,
    };
  });
}

const ms = (value: number): string => `${Math.round(value)}`;

/** The results as a plain-text table. */
export function formatTable(rows: readonly ResultRow[], runs: number): string {
  const header = ["command", "median ms", "min–max ms", "× node -e 0", "cpu ms", "cpu ×"];
  const lines = rows.map((row) => [
    row.label,
    ms(row.wallMs.median),
    `${ms(row.wallMs.min)}–${ms(row.wallMs.max)}`,
    row.ratio.toFixed(2),
    row.cpuMs ? ms(row.cpuMs.median) : "-",
    row.cpuRatio === undefined ? "-" : row.cpuRatio.toFixed(2),
  ]);
  return [`${runs} interleaved runs each, after one warm-up; wall-clock medians`, ...alignedTable(header, lines)].join("\n");
}

/** A header and rows of cells as aligned lines: the first column to the left, numbers to the right. */
export function alignedTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const format = (cells: readonly string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [format(header), ...rows.map(format)];
}

/** The budgets as lines: value, limit, met or not. */
export function formatBudgets(budgets: readonly BudgetResult[]): string {
  return budgets
    .map((b) => {
      const value = b.value === undefined ? "not measured" : b.unit === "x" ? `${b.value.toFixed(2)}×` : `${b.value.toFixed(1)} s`;
      const verdict = b.met === undefined ? "" : b.met ? "  met" : "  NOT met";
      return `${b.name}: ${value} (budget ≤ ${b.limit}${b.unit === "x" ? "×" : " s"})${verdict}`;
    })
    .join("\n");
}

/** One timed `npm test`: its wall time, and the CPU time of the processes it ran (undefined where that cannot be read). */
export interface NpmTestRun {
  readonly seconds: number;
  readonly cpuSeconds: number | undefined;
}

/**
 * What `npm test` cost in each run: its wall time, and the CPU time of the processes it
 * ran. On a machine whose cores were busy throughout, the wall time cannot fall below
 * the CPU time shared over the cores, whatever runs beside what. The CPU time is that of
 * the processes waited for (a helper a process leaves running, as esbuild's service, is
 * not counted), so both figures are lower bounds. With more than one run, a first line
 * gives the median, the figure held against the budget.
 */
export function formatNpmTestCost(runs: readonly NpmTestRun[], cores: number): string {
  const lines = runs.map(({ seconds, cpuSeconds }) => {
    if (cpuSeconds === undefined) return `npm test: ${seconds.toFixed(1)} s; its CPU time is not measured on this system`;
    const floor = cpuSeconds / cores;
    const busy = Math.round((100 * floor) / seconds);
    return `npm test: ${seconds.toFixed(1)} s, ${cpuSeconds.toFixed(1)} s of CPU in its processes; on ${cores} CPUs that CPU takes at least ${floor.toFixed(1)} s (the run kept the cores ${busy >= 100 ? "fully" : `at least ${busy}%`} busy)`;
  });
  if (runs.length < 2) return lines.join("\n");
  const { median, min, max } = summarize(runs.map((run) => run.seconds));
  return [`npm test, ${runs.length} runs one after another: median ${median.toFixed(1)} s (${min.toFixed(1)}–${max.toFixed(1)} s)`, ...lines.map((line, index) => `  run ${index + 1}: ${line.slice("npm test: ".length)}`)].join("\n");
}
