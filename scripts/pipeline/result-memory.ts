/**
 * A per-machine memory of checks that passed, kept in `node_modules/.cache` as one
 * empty file per check name and digest of everything the check read. A check
 * that passed on exactly the same inputs cannot fail, so commands that run on
 * every edit skip it; a fresh clone (as in CI) remembers nothing and checks all.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheRoot } from "../files/json-cache.ts";

const memory = path.join(cacheRoot(), "passed");

/** True when the check `name` passed before on inputs with this digest. */
export function passedBefore(name: string, digest: string): boolean {
  return existsSync(path.join(memory, `${name}-${digest}`));
}

/** Records that the check `name` passed on inputs with this digest. */
export function rememberPassed(name: string, digest: string): void {
  mkdirSync(memory, { recursive: true });
  writeFileSync(path.join(memory, `${name}-${digest}`), "");
}
