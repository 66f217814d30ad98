/**
 * The performance budgets of the project's commands, as ratios of medians measured
 * side by side (so they hold on a fast or a slow machine alike), and the wall-clock
 * limit of the full test suite.
 */
import { BASELINE_ID, syntheticId } from "./commands.ts";

/** A budget: the measured value, its limit, and whether it is met. */
export interface BudgetResult {
  name: string;
  value: number | undefined;
  limit: number;
  unit: "x" | "s";
  met: boolean | undefined;
}

/** Evaluates every budget against the medians (ms, by command id) and the `npm test` time. */
export function evaluateBudgets(medians: ReadonlyMap<string, number>, npmTestSeconds: number | undefined): BudgetResult[] {
  const ratio = (id: string, base: string): number | undefined => {
    const value = medians.get(id);
    const unit = medians.get(base);
    return value === undefined || unit === undefined ? undefined : value / unit;
  };
  const budget = (name: string, value: number | undefined, limit: number, unit: "x" | "s"): BudgetResult => ({
    name,
    value,
    limit,
    unit,
    met: value === undefined ? undefined : value <= limit,
  });
  return [
    budget("npm run gen / node -e 0", ratio("gen", BASELINE_ID), 5.0, "x"),
    budget("npm run check / node -e 0", ratio("check", BASELINE_ID), 7.0, "x"),
    budget("npm run import, 500 lines / node -e 0", ratio("import", BASELINE_ID), 10.0, "x"),
    budget("npm run gen after a one-line edit / node -e 0", ratio("gen-edit", BASELINE_ID), 15.0, "x"),
    budget("100 synthetic workflows / 1", ratio(syntheticId(100), syntheticId(1)), 2.5, "x"),
    budget("npm test, seconds", npmTestSeconds, 45, "s"),
  ];
}
