/**
 * A temporary project root whose action manifest holds only pins (no metadata yet),
 * for tests of `sync-actions`; `manifest()` reads the manifest back. It is removed when
 * the test that made it ends.
 */
import { after } from "node:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { manifestFile } from "../../scripts/actions/action-manifest.ts";

/** Creates the project with `pins` (action path → commit), each tagged `tag`. */
export function pinnedProject(pins: Record<string, string>, tag = "v1.0.0"): { root: string; manifest: () => string } {
  const root = mkdtempSync(path.join(tmpdir(), "pinned-project-"));
  // Called inside a test, the hook belongs to that test.
  after(() => rmSync(root, { recursive: true, force: true }));
  const file = path.join(root, manifestFile);
  mkdirSync(path.dirname(file), { recursive: true });
  const actions = Object.fromEntries(Object.entries(pins).map(([action, commit]) => [action, { commit, tag }]));
  writeFileSync(file, JSON.stringify({ actions }, null, 2) + "\n");
  return { root, manifest: () => readFileSync(file, "utf8") };
}
