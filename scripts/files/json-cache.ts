/**
 * A per-machine cache of computed JSON values under `node_modules/.cache`, one file
 * per key (a digest of everything the value was computed from). Never committed: a
 * fresh clone computes afresh. Written through a temporary file and a rename, so two
 * commands filling the same entry at once never leave a half-written file.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";

/** The folder of the project's per-machine caches in the project tree at `root`. */
export function cacheRoot(root: string = PROJECT_ROOT): string {
  return path.join(root, "node_modules", ".cache", "charon-workflows");
}

const ROOT = cacheRoot();

/** A named cache of JSON values; `read` answers undefined for an absent or unreadable entry. */
export interface JsonCache<T> {
  read(key: string): T | undefined;
  write(key: string, value: T): void;
}

/** The cache called `name` (a folder under the project's cache root). */
export function jsonCache<T>(name: string): JsonCache<T> {
  const dir = path.join(ROOT, name);
  const file = (key: string): string => {
    if (!/^[0-9a-f]{16,64}$/.test(key)) throw new Error(`cache key "${key}" is not a hex digest`);
    return path.join(dir, `${key}.json`);
  };
  return {
    read(key) {
      try {
        return JSON.parse(readFileSync(file(key), "utf8")) as T;
      } catch {
        return undefined;
      }
    },
    write(key, value) {
      mkdirSync(dir, { recursive: true });
      const target = file(key);
      const temp = `${target}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, JSON.stringify(value));
        renameSync(temp, target);
      } catch {
        // A cache that cannot be written (read-only or full disk) only costs the next run time.
        rmSync(temp, { force: true });
      }
    },
  };
}
