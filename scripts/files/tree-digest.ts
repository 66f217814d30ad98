/**
 * A digest of files of a project tree: every file under some folders (in name order)
 * and some single files, each with its path and content, an absent one marked as
 * such. Two trees with the same digest hold the same bytes in those places, so a
 * result computed from one holds for the other.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The places a digest covers: folders (every file below them) and single files, relative to the root. */
export interface TreePlaces {
  readonly dirs: readonly string[];
  readonly files: readonly string[];
}

/** Hex digest (16 characters) of the files at `places` under `root`, and of `extra` text (e.g. Node's version). */
export function treeDigest(root: string, places: TreePlaces, extra = ""): string {
  const hash = createHash("sha256").update(`${extra}\0`);
  for (const file of [...places.files, ...places.dirs.flatMap((dir) => filesUnder(root, dir))]) {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(path.join(root, file));
    } catch {
      bytes = undefined;
    }
    hash.update(`${file}\0${bytes === undefined ? "absent" : bytes.length}\0`);
    if (bytes) hash.update(bytes);
  }
  return hash.digest("hex").slice(0, 16);
}

function filesUnder(root: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(root, `${dir}/${entry.name}`) : [`${dir}/${entry.name}`]));
}
