/**
 * Summaries of timing samples: median (the benchmark's figure, robust to the odd slow
 * run on a shared machine), minimum and maximum.
 */

/** Median, minimum and maximum of a list of times. */
export interface Summary {
  median: number;
  min: number;
  max: number;
}

/** The summary of `values` (at least one). */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error("no samples to summarize; run at least one round");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}
