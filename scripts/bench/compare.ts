/**
 * A run compared with an earlier one (`npm run bench -- --compare FILE`): for every
 * command measured in both, its ratio to `node -e 0` then and now, and the change.
 * Ratios, not milliseconds: each run takes them side by side with its own baseline, so
 * two commits compare fairly even when the machine or its load differed.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseWith, ValidationError } from "../files/validation-error.ts";
import { alignedTable, type ResultRow } from "./report.ts";

// The part of a results file (`bench-results/<commit>.json`) a comparison reads.
const earlierRunSchema = z.object({
  commit: z.string(),
  results: z.array(z.object({ id: z.string(), label: z.string(), ratio: z.number().positive() })),
});

/** An earlier run, as far as a comparison needs it. */
export type EarlierRun = z.infer<typeof earlierRunSchema>;

/**
 * Reads a results file written by `npm run bench`.
 * @throws ValidationError naming the file and what is wrong with it
 */
export function readEarlierRun(file: string): EarlierRun {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ValidationError([`${file}: cannot be read as JSON (${(error as Error).message}); name a results file written by \`npm run bench\` (bench-results/<commit>.json)`]);
  }
  return parseWith(earlierRunSchema, data, file);
}

/** The comparison table: one line per command of this run, `new` when the earlier run did not measure it. */
export function formatComparison(earlier: EarlierRun, rows: readonly ResultRow[]): string {
  const then = new Map(earlier.results.map((result) => [result.id, result.ratio]));
  const header = ["command", `× then (${earlier.commit})`, "× now", "change"];
  const lines = rows.map((row) => {
    const before = then.get(row.id);
    if (before === undefined) return [row.label, "new", row.ratio.toFixed(2), ""];
    const change = Math.round((row.ratio / before - 1) * 100);
    return [row.label, before.toFixed(2), row.ratio.toFixed(2), `${change > 0 ? "+" : ""}${change}%`];
  });
  return [`compared with ${earlier.commit}, as ratios to node -e 0 (negative change: faster)`, ...alignedTable(header, lines)].join("\n");
}
