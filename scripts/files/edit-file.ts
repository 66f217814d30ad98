/**
 * An edit a benchmark makes before it times a command: one replacement in a file,
 * refused when it changes nothing (the text it looked for moved, and the timing would
 * be of a run without an edit).
 */
import { readFileSync, writeFileSync } from "node:fs";

/** Replaces the first match of `pattern` in `file`; throws, naming the file and `what`, when nothing matched. */
export function editFile(file: string, pattern: RegExp, replacement: string, what: string): void {
  const text = readFileSync(file, "utf8");
  const changed = text.replace(pattern, replacement);
  if (changed === text) throw new Error(`${file} has no ${what} to change; update the benchmark's edit`);
  writeFileSync(file, changed);
}
