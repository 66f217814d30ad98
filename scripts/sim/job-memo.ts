/**
 * Jobs remembered by their inputs, so a change to one job of a workflow simulates
 * that job (and what it feeds) again, not every job of every scenario.
 *
 * A job's simulation reads: the workflow's name, env and defaults, its own shape and
 * id, which of its steps decide a path (from other jobs' conditions), the event,
 * its needs' results and outputs and whether an ancestor failed or was skipped, the
 * run's artifact records, comments and applied tags, and the files of the run's
 * sandbox (the registry, the artifact store, other jobs' folders), besides the
 * simulation's own code, which the memo's owner mixes into every key. All of that is
 * the key. What the job does to the run is its plan, the run's records after it, and
 * the files of the sandbox it added, changed or removed; a remembered job is replayed
 * by applying exactly that, so the run goes on as if it had been simulated.
 *
 * Each run has a sandbox folder of its own, so its path appears in outputs and files:
 * it is written as SANDBOX_MARK in keys and remembered values and put back on replay.
 * Modes and symbolic links are kept; a FIFO or socket in the sandbox (nothing the
 * simulation makes), or files larger than MAX_TREE_BYTES in all (a script may write
 * what it likes), mean the job is simulated and not remembered; so does a step stopped
 * at a time limit, whose end depends on the machine's speed. Timestamps are not kept:
 * nothing the simulation runs reads them.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inputDigest } from "./input-digest.ts";
import type { ArtifactRecord, CommentRecord, RunState } from "./models/model.ts";
import type { JobPlan } from "./simulate.ts";

/** Where a job's results are kept and found, by a hex key (plan-cache.ts keeps them per machine). */
export interface JobMemo {
  read(key: string): RememberedJob | undefined;
  write(key: string, job: RememberedJob): void;
}

/** One entry of the sandbox's tree: a folder, a file (its bytes in base64) or a symbolic link. */
type TreeEntry = { readonly type: "dir"; readonly mode: number } | { readonly type: "file"; readonly mode: number; readonly data: string } | { readonly type: "link"; readonly target: string };

/** What a job did to its run, with the sandbox's path written as SANDBOX_MARK. */
export interface RememberedJob {
  readonly plan: JobPlan;
  readonly artifacts: readonly ArtifactRecord[];
  readonly comments: readonly CommentRecord[];
  readonly applied: readonly string[];
  /** Paths (relative to the sandbox) the job removed, deepest first. */
  readonly removed: readonly string[];
  /** Entries the job added or changed, parents first. */
  readonly written: readonly (readonly [string, TreeEntry])[];
}

/** The most the files of a run's sandbox may hold for its jobs to be remembered (a run of docker-build holds about 30 KB). */
export const MAX_TREE_BYTES = 8 * 1024 * 1024;

/** Stands for the run's sandbox folder, which differs from run to run. No path holds a NUL. */
const SANDBOX_MARK = "\u0000sandbox\u0000";

/** The inputs of a job's simulation besides the run's records and files (see the file comment). */
export interface JobInputs {
  readonly workflow: { readonly name: string; readonly env: unknown; readonly defaults: unknown };
  readonly jobId: string;
  readonly job: unknown;
  readonly deciding: readonly string[];
  readonly event: unknown;
  readonly status: unknown;
  readonly needs: unknown;
}

/** Jobs being simulated now, per memo, by key: a run that meets the same inputs waits and replays (a review simulates base and change at once). */
const inFlight = new WeakMap<JobMemo, Map<string, Promise<RememberedJob | undefined>>>();

/**
 * The job's plan: remembered in `memo` under its inputs and the run's state, or being
 * simulated by another run of this process, and replayed onto `run`; else simulated by
 * `simulate` and remembered. A job that throws (an unsupported feature) is not remembered.
 */
export async function rememberedJob(memo: JobMemo | undefined, inputs: JobInputs, run: RunState, simulate: () => Promise<JobPlan>): Promise<JobPlan> {
  const root = run.sandbox.root;
  const marked = mark(root);
  const before = memo && readTree(root, marked);
  if (!memo || !before) return simulate();
  const key = inputDigest("job", marked.json(inputs), marked.json(records(run)), [...before]);
  let running = inFlight.get(memo);
  if (!running) inFlight.set(memo, (running = new Map()));
  // Looked up and claimed without a pause between, so two runs cannot both miss and both simulate.
  // A run that waits does so at this job: its sandbox is still the one the key was computed from.
  const pending = running.get(key);
  const known = memo.read(key) ?? (pending && (await pending));
  if (known) {
    replay(root, known, run, marked);
    return marked.unjson(known.plan);
  }
  let settle: (job: RememberedJob | undefined) => void = () => undefined;
  running.set(key, new Promise((resolve) => (settle = resolve)));
  let remembered: RememberedJob | undefined;
  try {
    const plan = await simulate();
    const after = !stoppedAtTimeLimit(plan) && readTree(root, marked);
    if (after) {
      remembered = { plan: marked.json(plan), ...marked.json(records(run)), ...changes(before, after) };
      memo.write(key, remembered);
    }
    return plan;
  } finally {
    running.delete(key);
    settle(remembered);
  }
}

/** Whether a step of the job was stopped at a time limit: then how the job ends depends on the machine's speed, and it is not remembered. */
export function stoppedAtTimeLimit(job: JobPlan): boolean {
  return job.steps.some((step) => step.timedOut === true);
}

function records(run: RunState): { artifacts: ArtifactRecord[]; comments: CommentRecord[]; applied: string[] } {
  return { artifacts: [...run.artifacts.values()], comments: run.comments, applied: run.applied };
}

/** Turns the sandbox's path into SANDBOX_MARK and back, in JSON values (a link's target among them) and in file bytes. */
function mark(root: string) {
  const rootInJson = JSON.stringify(root).slice(1, -1);
  const markInJson = JSON.stringify(SANDBOX_MARK).slice(1, -1);
  // File bytes as latin1 text: every byte is one character, so the replacement is byte for byte.
  const rootBytes = Buffer.from(root).toString("latin1");
  const markBytes = Buffer.from(SANDBOX_MARK).toString("latin1");
  return {
    json: <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(rootInJson, markInJson)) as T,
    unjson: <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(markInJson, rootInJson)) as T,
    bytes: (data: Buffer): string => Buffer.from(data.toString("latin1").replaceAll(rootBytes, markBytes), "latin1").toString("base64"),
    unbytes: (data: string): Buffer => Buffer.from(Buffer.from(data, "base64").toString("latin1").replaceAll(markBytes, rootBytes), "latin1"),
  };
}

type Marks = ReturnType<typeof mark>;

/** The sandbox's tree by relative path, sorted, with the sandbox's path marked; undefined if it holds what is not kept. */
function readTree(root: string, marked: Marks): Map<string, TreeEntry> | undefined {
  const tree = new Map<string, TreeEntry>();
  let bytes = 0;
  const visit = (relative: string): boolean => {
    for (const name of readdirSync(join(root, relative)).sort()) {
      const path = relative ? `${relative}/${name}` : name;
      const full = join(root, path);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) tree.set(path, { type: "link", target: marked.json(readlinkSync(full)) });
      else if (stat.isFile()) {
        // Sizes are added up before anything is read: a file too large to keep is never loaded.
        bytes += stat.size;
        if (bytes > MAX_TREE_BYTES) return false;
        tree.set(path, { type: "file", mode: stat.mode & 0o7777, data: marked.bytes(readFileSync(full)) });
      } else if (stat.isDirectory()) {
        tree.set(path, { type: "dir", mode: stat.mode & 0o7777 });
        if (!visit(path)) return false;
      } else return false;
    }
    return true;
  };
  return visit("") ? tree : undefined;
}

/** What turned `before` into `after`: paths removed (deepest first) and entries written (parents first). */
function changes(before: ReadonlyMap<string, TreeEntry>, after: ReadonlyMap<string, TreeEntry>): Pick<RememberedJob, "removed" | "written"> {
  const same = (a: TreeEntry, b: TreeEntry) => JSON.stringify(a) === JSON.stringify(b);
  const removed = [...before.keys()].filter((path) => !after.has(path)).reverse();
  const written = [...after].filter(([path, entry]) => !before.has(path) || !same(before.get(path)!, entry));
  return { removed, written };
}

/**
 * The place of a remembered path in the sandbox. The memo is read from disk, so a path
 * is checked before anything is written: plain names, and a parent that is a real
 * folder of the sandbox, never a link out of it.
 */
function inside(root: string, path: string): string {
  const names = path.split("/");
  if (names.some((name) => name === "" || name === "." || name === "..")) throw new Error(`a remembered job names the path "${path}", which is not a plain path in its sandbox; remove node_modules/.cache and simulate again`);
  const parent = join(root, ...names.slice(0, -1));
  if (realpathSync(parent) !== parent) throw new Error(`a remembered job writes "${path}" through a link; remove node_modules/.cache and simulate again`);
  return join(parent, names.at(-1)!);
}

/** Applies a remembered job to the run: its files, then its records. */
function replay(root: string, job: RememberedJob, run: RunState, marked: Marks): void {
  for (const path of job.removed) rmSync(inside(root, path), { recursive: true, force: true });
  const folders: [string, number][] = [];
  for (const [path, entry] of job.written) {
    const full = inside(root, path);
    if (entry.type === "dir") {
      // A file or link of the same name goes; a folder is kept with what it holds.
      if (!lstatSync(full, { throwIfNoEntry: false })?.isDirectory()) rmSync(full, { force: true });
      mkdirSync(full, { recursive: true });
      folders.push([full, entry.mode]);
      continue;
    }
    rmSync(full, { recursive: true, force: true });
    if (entry.type === "link") symlinkSync(marked.unjson(entry.target), full);
    else {
      writeFileSync(full, marked.unbytes(entry.data));
      chmodSync(full, entry.mode);
    }
  }
  // Folder modes last, deepest first: a folder that became read-only is still written into above.
  for (const [full, mode] of folders.reverse()) chmodSync(full, mode);
  const records = marked.unjson({ artifacts: job.artifacts, comments: job.comments, applied: job.applied });
  run.artifacts.clear();
  for (const record of records.artifacts) run.artifacts.set(record.name, record);
  run.comments.splice(0, run.comments.length, ...records.comments);
  run.applied.splice(0, run.applied.length, ...records.applied);
}
