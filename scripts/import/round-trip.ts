/**
 * The importer's round trip on real files: in a scratch copy of this project, each
 * workflow file is imported, `npm run gen` emits it, and the emitted YAML must parse
 * to the same value as the file. The scratch copy is reset between files (registry,
 * manifest, bindings), so one file's failure does not touch another's result.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse } from "yaml";
import { packageScript } from "../files/package-script.ts";
import { projectCopy } from "../files/project-copy.ts";
import { ImportError, importWorkflow, type ImportResult } from "./import-command.ts";

/** The outcome for one file. */
export interface RoundTripResult {
  readonly file: string;
  readonly name: string;
  readonly verdict: "pass" | "import-refused" | "gen-failed" | "differs" | "not-a-workflow";
  /** Why it did not pass: the importer's or gen's message, or the first path whose value differs. */
  readonly detail?: string;
  readonly report?: ImportResult;
}

/** What the round trip is run with. */
export interface RoundTripOptions {
  readonly harden: boolean;
  readonly actions: readonly string[];
  /** Called after each file, for progress. */
  readonly onResult?: (result: RoundTripResult) => void;
}

// What an import changes and the next file must not see.
const RESET = ["workflows-src", "generated/actions", ".github/workflows"];

/** Every `.yml`/`.yaml` file under `dir`, sorted. */
export function workflowFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at).sort()) {
      const full = path.join(at, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry)) found.push(full);
    }
  };
  walk(dir);
  return found;
}

/** Files imported before one gen runs; a batch that gen refuses is run again file by file. */
const BATCH = 20;

/** Runs the round trip over `files`; the scratch project is removed afterwards. */
export async function roundTrip(files: readonly string[], options: RoundTripOptions): Promise<RoundTripResult[]> {
  const scratch = projectCopy("import-round-trip");
  try {
    const baseline = new Map(RESET.map((entry) => [entry, snapshot(path.join(scratch, entry))]));
    const reset = (): void => {
      for (const [entry, saved] of baseline) restore(path.join(scratch, entry), saved);
    };
    const names = new Set<string>();
    const results: RoundTripResult[] = [];
    const named = files.map((file) => ({ file, name: uniqueName(file, names) }));
    // gen is the costly part (a compile and the lint rules): most files pass, so one gen serves a batch.
    for (let at = 0; at < named.length; at += BATCH) {
      const batch = named.slice(at, at + BATCH);
      reset();
      for (const { file } of batch) placeSiblings(file, scratch);
      let outcomes = await roundTripBatch(batch, scratch, options);
      if (outcomes.some((o) => o.verdict === "gen-failed")) {
        outcomes = [];
        for (const one of batch) {
          reset();
          placeSiblings(one.file, scratch);
          outcomes.push(...(await roundTripBatch([one], scratch, options)));
        }
      }
      outcomes.sort((a, b) => batch.findIndex((f) => f.file === a.file) - batch.findIndex((f) => f.file === b.file));
      for (const outcome of outcomes) {
        results.push(outcome);
        options.onResult?.(outcome);
      }
    }
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The other workflow files of the file's folder, put where the repository they come
 * from has them (`.github/workflows/`), as files the project does not generate: a
 * local reusable workflow the file calls is then there, as in its repository.
 */
function placeSiblings(file: string, root: string): void {
  const dir = path.dirname(file);
  for (const entry of readdirSync(dir)) {
    const target = path.join(root, ".github/workflows", entry);
    if (/\.ya?ml$/.test(entry) && path.join(dir, entry) !== file && !existsSync(target)) cpSync(path.join(dir, entry), target);
  }
}

/** Imports the files, runs gen once, and compares each emitted workflow with its file. */
async function roundTripBatch(batch: readonly { file: string; name: string }[], root: string, options: RoundTripOptions): Promise<RoundTripResult[]> {
  const imported: { file: string; name: string; original: unknown; report: ImportResult }[] = [];
  const results: RoundTripResult[] = [];
  for (const { file, name } of batch) {
    let original: unknown;
    try {
      original = parse(readFileSync(file, "utf8"));
    } catch (error) {
      results.push({ file, name, verdict: "not-a-workflow", detail: firstLine((error as Error).message) });
      continue;
    }
    if (!original || typeof original !== "object" || !("jobs" in original)) {
      results.push({ file, name, verdict: "not-a-workflow", detail: "no jobs: not a workflow file" });
      continue;
    }
    try {
      imported.push({ file, name, original, report: await importWorkflow({ file, name, harden: options.harden, actions: options.actions, root }) });
    } catch (error) {
      const detail = error instanceof ImportError ? firstLine(error.message) : `the importer failed: ${firstLine((error as Error).stack ?? String(error))}`;
      results.push({ file, name, verdict: "import-refused", detail });
    }
  }
  if (!imported.length) return results;
  const { argv, ...how } = packageScript(root, "gen");
  const gen = spawnSync("sh", argv, { ...how, encoding: "utf8" });
  for (const { file, name, original, report } of imported) {
    if (gen.status !== 0) {
      results.push({ file, name, verdict: "gen-failed", detail: genProblem(`${gen.stderr}\n${gen.stdout}`), report });
      continue;
    }
    // Under --harden the data changes on purpose; only a plain import must give it back unchanged.
    const emitted = parse(readFileSync(path.join(root, ".github/workflows", `${name}.yml`), "utf8")) as unknown;
    const difference = options.harden ? undefined : firstDifference(original, emitted, "");
    results.push(difference === undefined ? { file, name, verdict: "pass", report } : { file, name, verdict: "differs", detail: difference, report });
  }
  return results;
}

/** The first path at which two parsed values differ, or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, at: string): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], Array.isArray(a) ? `${at}[${key}]` : at ? `${at}.${key}` : key);
      if (found) return found;
    }
  }
  return `${at || "(top)"}: ${JSON.stringify(a)?.slice(0, 120)} became ${JSON.stringify(b)?.slice(0, 120)}`;
}

function genProblem(output: string): string {
  const lines = output.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("gen: nothing written") && !l.startsWith("generation failed") && !l.startsWith(">"));
  return lines.slice(0, 3).join(" | ").slice(0, 400);
}

function uniqueName(file: string, taken: Set<string>): string {
  const parts = file.split(path.sep).slice(-3).join("-").replace(/\.ya?ml$/, "");
  const base = parts.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "").toLowerCase().slice(0, 80) || "workflow";
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

function firstLine(text: string): string {
  return text.split("\n").find((l) => l.trim())?.trim().slice(0, 400) ?? "";
}

type Saved = { kind: "file"; content: string } | { kind: "dir"; entries: Map<string, Saved> } | { kind: "absent" };

function snapshot(target: string): Saved {
  if (!existsSync(target)) return { kind: "absent" };
  if (statSync(target).isDirectory()) return { kind: "dir", entries: new Map(readdirSync(target).map((e) => [e, snapshot(path.join(target, e))])) };
  return { kind: "file", content: readFileSync(target, "utf8") };
}

/** Puts a saved file or folder back exactly: what an import added is removed. */
function restore(target: string, saved: Saved): void {
  rmSync(target, { recursive: true, force: true });
  if (saved.kind === "file") writeFileSync(target, saved.content);
  else if (saved.kind === "dir") {
    mkdirSync(target, { recursive: true });
    for (const [entry, inner] of saved.entries) restore(path.join(target, entry), inner);
  }
}
