/**
 * Reuse of a report already on disk. A report records the digest of everything it
 * was computed from (the workflow text, the sources of the tooling that computed
 * it, the locked dependencies); when the file on disk is intact and records the
 * same digest, computing it again would give the same bytes, so it is reused. A
 * changed input or an edited file means it is computed afresh.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { bodyDigest, readHeader } from "../files/header.ts";

const INPUTS = "inputs-sha256: ";

/** Digest of the given texts and of every file under the given project paths (files or directories). */
export function inputsDigest(projectRoot: string, texts: readonly string[], projectPaths: readonly string[]): string {
  const hash = createHash("sha256");
  for (const text of texts) hash.update(`${text.length}:${text}`);
  const files = projectPaths.flatMap((p) => filesUnder(projectRoot, p)).sort();
  for (const file of files) hash.update(`${file}\0${readFileSync(path.join(projectRoot, file), "utf8")}\0`);
  return hash.digest("hex").slice(0, 16);
}

function filesUnder(root: string, rel: string): string[] {
  const abs = path.join(root, rel);
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs).flatMap((entry) => filesUnder(root, `${rel}/${entry}`));
}

/** The line a report body starts with to record its inputs digest (an HTML comment). */
export function inputsLine(digest: string): string {
  return `<!-- ${INPUTS}${digest} (the report is recomputed when its inputs change) -->`;
}

/** The content of the report at `reportPath` under `root` if it is intact and was made from `digest`. */
export function reusableReport(root: string | undefined, reportPath: string, digest: string): string | undefined {
  if (root === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path.join(root, reportPath), "utf8");
  } catch {
    return undefined;
  }
  const header = readHeader(text);
  if (!header || bodyDigest(header.body) !== header.digest) return undefined;
  return header.body.startsWith(inputsLine(digest) + "\n") ? text : undefined;
}
