/**
 * A per-machine cache of computed JSON values under `node_modules/.cache`, one file
 * per key (a digest of everything the value was computed from). Never committed: a
 * fresh clone computes afresh. Written through a temporary file and a rename, so two
 * commands filling the same entry at once never leave a half-written file.
 *
 * Each cache keeps a bounded number of entries: a read marks an entry used (its
 * modification time), and a write that finds a tenth more entries than the bound
 * removes the least recently used down to a tenth fewer, so a machine that simulates and
 * reviews for months does not fill its disk, and pruning is rare. Counting the entries
 * costs a listing of the folder (2 ms for a few thousand), so a process counts on its
 * first write and then once per twentieth of the bound it writes.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
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

/** The cache called `name` (a folder under the project's cache root), which keeps about `keep` entries, the ones used last. */
export function jsonCache<T>(name: string, keep: number): JsonCache<T> {
  const dir = path.join(ROOT, name);
  const file = (key: string): string => {
    if (!/^[0-9a-f]{16,64}$/.test(key)) throw new Error(`cache key "${key}" is not a hex digest`);
    return path.join(dir, `${key}.json`);
  };
  const countEvery = Math.max(1, Math.floor(keep / 20));
  let writes = 0;
  return {
    read(key) {
      try {
        const value = JSON.parse(readFileSync(file(key), "utf8")) as T;
        const now = new Date();
        utimesSync(file(key), now, now);
        return value;
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
        if (writes++ % countEvery === 0) prune(dir, keep);
      } catch {
        // A cache that cannot be written (read-only or full disk) only costs the next run time.
        rmSync(temp, { force: true });
      }
    },
  };
}

/** Removes the least recently used entries of `dir` once it holds a tenth more than `keep`, down to a tenth fewer (one at least). */
function prune(dir: string, keep: number): void {
  const names = readdirSync(dir).filter((name) => name.endsWith(".json"));
  const slack = Math.ceil(keep / 10);
  if (names.length <= keep + slack) return;
  const used = names.map((name) => ({ name, time: statSync(path.join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => a.time - b.time);
  // Another process may be pruning too: an entry already gone is not an error.
  for (const { name } of used.slice(0, names.length - Math.max(keep - slack, 1))) rmSync(path.join(dir, name), { force: true });
}
