/**
 * Paths the simulation's own code reads or writes for a step (an artifact's files, a
 * download folder, `hashFiles`) come from the workflow and the event, so each is
 * resolved inside the sandbox before it is used: relative to the job's workspace,
 * with every symbolic link of the part that exists followed, and refused when the
 * real path leaves the sandbox. Copies follow links only to targets inside it, never
 * write through a link, and refuse special files (a FIFO would block the copy).
 */
import { copyFileSync, lstatSync, mkdirSync, readdirSync, realpathSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { UnsupportedFeature } from "./unsupported.ts";

/** Raised for a path the simulation will not follow: it would leave the sandbox. */
export class OutsideSandbox extends UnsupportedFeature {
  constructor(what: string, path: string, why: string) {
    super(`${what} "${path}", which ${why}; the simulation reads and writes only inside its sandbox (the job's workspace and temp folders)`);
  }
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

/**
 * The real path `path` names (relative paths from `base`), when it lies inside `root`
 * (a real path). The part of it that does not exist yet is kept as written.
 * @param what names the path in the message, e.g. `upload-artifact path`
 */
export function pathInside(root: string, base: string, path: string, what: string): string {
  const absolute = resolve(base, path);
  const missing: string[] = [];
  let existing = absolute;
  while (!exists(existing)) {
    missing.unshift(basename(existing));
    existing = dirname(existing);
  }
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    throw new OutsideSandbox(what, path, "is a symbolic link to nothing");
  }
  const result = join(real, ...missing);
  if (!isInside(root, result)) throw new OutsideSandbox(what, path, `resolves to "${result}", outside the sandbox`);
  return result;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies the file or folder `from` to `to` (both inside `root`): the contents of a
 * folder into `to`, a file as `to`. Links inside the sandbox are copied as what they
 * point at; a link out of it, or a FIFO, socket or device, is refused.
 * @returns the names copied at the top level
 */
export function copyInside(root: string, from: string, to: string, what: string): string[] {
  const seen = new Set<string>();
  const copy = (source: string, target: string): void => {
    const real = realpathSync(source);
    if (!isInside(root, real)) throw new OutsideSandbox(what, source, `links to "${real}", outside the sandbox`);
    const stats = statSync(real);
    // A link that points at an already copied folder above it would loop.
    if (stats.isDirectory()) {
      if (seen.has(real)) throw new OutsideSandbox(what, source, "links back to a folder being copied");
      seen.add(real);
      replaceLink(target);
      mkdirSync(target, { recursive: true });
      for (const entry of readdirSync(real)) copy(join(real, entry), join(target, entry));
      seen.delete(real);
    } else if (stats.isFile()) {
      replaceLink(target);
      copyFileSync(real, target);
    } else {
      throw new UnsupportedFeature(`${what} "${source}": a FIFO, socket or device file`);
    }
  };
  const folder = statSync(from).isDirectory();
  const top = folder ? readdirSync(from) : [basename(from)];
  if (folder) {
    mkdirSync(to, { recursive: true });
    for (const entry of top) copy(join(from, entry), join(to, entry));
  } else {
    mkdirSync(dirname(to), { recursive: true });
    copy(from, to);
  }
  return top;
}

/** Removes a symbolic link at `path` so that what is written there lands in the sandbox, not at the link's target. */
function replaceLink(path: string): void {
  try {
    if (lstatSync(path).isSymbolicLink()) unlinkSync(path);
  } catch {
    // Nothing there yet.
  }
}
