/**
 * A memory of checks that came out clean, kept in `node_modules/.cache` under the
 * digest of everything the check depends on. gen and check run on every edit;
 * when neither the emitted workflows nor the checking code changed since a clean
 * run on this machine, running the check again cannot find anything. A fresh
 * clone, as in CI, has no memory and always runs the checks.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WORKFLOWS_DIR } from "../emit/emit-workflow.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import type { GeneratedFile } from "./generated-file.ts";
import { inputsDigest } from "./report-cache.ts";

const MEMORY = path.join(PROJECT_ROOT, "node_modules", ".cache", "charon-workflows", "clean");

/** A check over the emitted workflows, named, with the project paths its result depends on. */
export interface RememberedCheck {
  name: string;
  inputs: readonly string[];
}

function marker(check: RememberedCheck, files: readonly GeneratedFile[]): string {
  const workflows = files.filter((f) => f.path.startsWith(`${WORKFLOWS_DIR}/`));
  return path.join(MEMORY, `${check.name}-${inputsDigest(PROJECT_ROOT, workflows.flatMap((f) => [f.path, f.content]), check.inputs)}`);
}

/** True when `check` already came out clean for exactly these emitted workflows and inputs. */
export function knownClean(check: RememberedCheck, files: readonly GeneratedFile[]): boolean {
  return existsSync(marker(check, files));
}

/** Records that `check` came out clean for these emitted workflows and inputs. */
export function rememberClean(check: RememberedCheck, files: readonly GeneratedFile[]): void {
  mkdirSync(MEMORY, { recursive: true });
  writeFileSync(marker(check, files), "");
}
