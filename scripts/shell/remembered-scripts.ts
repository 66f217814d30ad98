/**
 * Shell scripts read before, by dialect and text: in this process, and on this machine
 * (under node_modules/.cache, keyed also by the reading code and the locked grammars).
 * The parser (read-shell.ts) compiles its grammars when it loads, which costs a short
 * command more than reading the scripts does; gen after an edit meets scripts it read
 * before, so it loads the parser only for a script that is new.
 *
 * `prepareScripts` is the asynchronous step that makes `rememberedScript` answer for the
 * scripts given, loading the parser for those never read. Code that imported
 * read-shell.ts has the parser loaded already, and `rememberedScript` reads with it any
 * script not prepared.
 */
import { createHash } from "node:crypto";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { jsonCache } from "../files/json-cache.ts";
import { treeDigest } from "../files/tree-digest.ts";
import type { ShellDialect, ShellScript } from "./shell-script.ts";

/** A script to read: its text (a `run:` value) and the shell that runs it. */
export interface ScriptText {
  readonly text: string;
  readonly dialect: ShellDialect;
}

type Reader = (text: string, dialect: ShellDialect) => ShellScript;

/** What a script's reading depends on besides its text: the reading code, the expression syntax it replaces, the locked grammars. */
const READING_INPUTS = ["scripts/shell", "workflows-src/kit/expression-syntax.ts", "package-lock.json"];
const MAX_IN_PROCESS = 5_000;

const known = new Map<string, ShellScript>();
const onDisk = jsonCache<ShellScript>("shell-scripts", 4000);
let reader: Reader | undefined;
let reading: string | undefined;

/** Makes the parser of read-shell.ts the one that reads scripts not remembered (it calls this when it loads). */
export function useParser(read: Reader): void {
  reader = read;
}

/** Makes `rememberedScript` answer for `scripts`: from this process, from the machine's memory, or read now (loading the parser). */
export async function prepareScripts(scripts: Iterable<ScriptText>): Promise<void> {
  const missing: (ScriptText & { key: string })[] = [];
  for (const script of scripts) {
    const key = keyOf(script.text, script.dialect);
    if (known.has(key)) continue;
    const found = onDisk.read(keyOnDisk(key));
    if (found) remember(key, found);
    else missing.push({ ...script, key });
  }
  if (!missing.length) return;
  if (!reader) await import("./read-shell.ts");
  for (const { text, dialect, key } of missing) {
    const script = parse(text, dialect);
    remember(key, script);
    onDisk.write(keyOnDisk(key), script);
  }
}

/** The script as read: prepared, or read now with the loaded parser; `ScriptNotPrepared` when neither. */
export function rememberedScript(text: string, dialect: ShellDialect): ShellScript {
  const key = keyOf(text, dialect);
  let script = known.get(key);
  if (!script) remember(key, (script = parse(text, dialect)));
  return script;
}

/** A script asked for before it was prepared, with no parser loaded: a mistake of the calling code, not of its input. */
export class ScriptNotPrepared extends Error {
  constructor() {
    super("a shell script was read before the parser loaded: call prepareScripts (or the lint engine's prepareDocuments or lintDocuments) with it first, or import scripts/shell/read-shell.ts");
    this.name = "ScriptNotPrepared";
  }
}

function parse(text: string, dialect: ShellDialect): ShellScript {
  if (!reader) throw new ScriptNotPrepared();
  return reader(text, dialect);
}

function remember(key: string, script: ShellScript): void {
  if (known.size >= MAX_IN_PROCESS) known.clear();
  known.set(key, script);
}

function keyOf(text: string, dialect: ShellDialect): string {
  return `${dialect}\u0000${text}`;
}

/** The machine's key of a script: its dialect and text under the digest of the reading code, read once per process. */
function keyOnDisk(key: string): string {
  reading ??= treeDigest(PROJECT_ROOT, READING_INPUTS);
  return createHash("sha256").update(`${reading}\u0000${key}`).digest("hex");
}
