/**
 * How findings name a step: its `id:`, else its `name:`, else its position, so a
 * message points at the same step a reader finds in the YAML.
 */
import type { StepEntry } from "./walk.ts";

/** `step "meta" of job "build"`-style label: id, name or position of the step. */
export function stepLabel(entry: StepEntry): string {
  const name = entry.step["name"];
  const label = entry.id ?? (typeof name === "string" ? name : `#${entry.index + 1}`);
  return `step "${label}" of job "${entry.job.id}"`;
}
