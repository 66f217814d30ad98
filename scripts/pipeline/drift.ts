/**
 * The drift check: compares what the sources generate with the files on disk and
 * classifies every difference — stale (intact but out of date), hand-edited (a
 * section no longer matches its mark), missing, or orphan (ours, but no source
 * produces it) — each with a unified diff.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import type { GeneratedFile } from "../files/generated-file.ts";
import { checkMarks, readHeader } from "../files/header.ts";
import { findGeneratedOnDisk } from "./managed-files.ts";

export type DriftKind = "stale" | "hand-edited" | "missing" | "orphan";

/** One file that is not what the sources produce. */
export interface Drift {
  kind: DriftKind;
  path: string;
  /** Unified diff from the file on disk to what `npm run gen` would write. */
  diff: string;
  /** What the problem is and the command that fixes it. */
  message: string;
}

const FIX = "run `npm run gen` and commit the result";

/** Every difference between the generated files and the tree under `root`. */
export function findDrift(root: string, expected: readonly GeneratedFile[]): Drift[] {
  const drifts: Drift[] = [];
  const expectedPaths = new Set(expected.map((f) => f.path));
  for (const file of expected) {
    const abs = path.join(root, file.path);
    if (!existsSync(abs)) {
      drifts.push({ kind: "missing", path: file.path, diff: patch(file.path, "", file.content), message: `${file.path} is missing; ${FIX}` });
      continue;
    }
    const actual = readFileSync(abs, "utf8");
    if (actual === file.content) continue;
    const header = readHeader(actual);
    const marks = header ? checkMarks(header.body) : { intact: false as const, line: 1 };
    drifts.push({
      kind: marks.intact ? "stale" : "hand-edited",
      path: file.path,
      diff: patch(file.path, actual, file.content),
      message: marks.intact
        ? `${file.path} is stale: its source changed since it was generated; ${FIX}`
        : `${file.path} was edited by hand (the section from line ${marks.line} no longer matches its mark); change its source (${readHeader(file.content)?.source ?? "see the header"}) instead, then ${FIX} (this overwrites the edit)`,
    });
  }
  for (const orphan of findGeneratedOnDisk(root)) {
    if (expectedPaths.has(orphan)) continue;
    const actual = readFileSync(path.join(root, orphan), "utf8");
    drifts.push({
      kind: "orphan",
      path: orphan,
      diff: patch(orphan, actual, ""),
      message: `${orphan} carries the generated header but no source produces it; ${FIX} (it removes the file)`,
    });
  }
  return drifts;
}

function patch(file: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, "on disk", "generated", { context: 3 });
}
