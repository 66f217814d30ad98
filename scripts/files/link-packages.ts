/**
 * Gives another tree of the project this checkout's packages: one symbolic link per
 * package, not a link to the whole folder, so what that tree's tools write under
 * node_modules/.cache stays in that tree and goes with it.
 */
import { mkdirSync, readdirSync, symlinkSync } from "node:fs";
import path from "node:path";

/** Links every entry of `from` (a node_modules folder) but its cache into `to`. */
export function linkPackages(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry === ".cache") continue;
    symlinkSync(path.join(from, entry), path.join(to, entry));
  }
}
