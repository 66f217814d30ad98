/**
 * A per-machine memory of checks that passed, kept in `node_modules/.cache` as one
 * file per check name and digest of everything the check read, empty or holding what
 * a pass still had to say (lint's waived findings). A check that passed on exactly
 * the same inputs cannot fail, so commands that run on every edit skip it; a fresh
 * clone (as in CI) remembers nothing and checks all.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheRoot } from "../files/json-cache.ts";

const memory = path.join(cacheRoot(), "passed");

/** True when the check `name` passed before on inputs with this digest. */
export function passedBefore(name: string, digest: string): boolean {
  return existsSync(path.join(memory, `${name}-${digest}`));
}

/** What was kept when the check `name` passed on inputs with this digest (see `rememberPassed`); undefined when it did not pass on them. */
export function passedNote(name: string, digest: string): string | undefined {
  try {
    return readFileSync(path.join(memory, `${name}-${digest}`), "utf8");
  } catch {
    return undefined;
  }
}

/** Records that the check `name` passed on inputs with this digest, keeping `note` beside the verdict. */
export function rememberPassed(name: string, digest: string, note = ""): void {
  mkdirSync(memory, { recursive: true });
  writeFileSync(path.join(memory, `${name}-${digest}`), note);
}
