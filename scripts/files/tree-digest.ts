/**
 * A digest of files of a project tree: each path given, a file or every file below a
 * folder (in name order), with its path and the digest of its content (file-digests.ts),
 * an absent one marked as such. Two trees with the same digest hold the same bytes in
 * those places, so a result computed from one holds for the other.
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileDigestIn } from "./file-digests.ts";

/** Hex digest (16 characters) of the files at `paths` (relative to `root`: files or folders), and of `extra` text (e.g. Node's version). */
export function treeDigest(root: string, paths: readonly string[], extra = ""): string {
  const hash = createHash("sha256").update(`${extra.length}:${extra}\0`);
  for (const file of paths.flatMap((place) => filesAt(root, place))) hash.update(`${file}\0${fileDigestIn(root, file) ?? "absent"}\0`);
  return hash.digest("hex").slice(0, 16);
}

/** The files at a place: itself when it is not a folder (present or not), else every file below it. */
function filesAt(root: string, place: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, place), { withFileTypes: true });
  } catch {
    return [place];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? filesAt(root, `${place}/${entry.name}`) : [`${place}/${entry.name}`]));
}
