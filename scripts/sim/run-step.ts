/**
 * Executes a `run:` step for real: bash in a temporary sandbox per job (in memory
 * where the machine allows, see scratchParent), the stub `docker` first on PATH, the
 * real `$GITHUB_OUTPUT`/`$GITHUB_ENV`/`$RUNNER_TEMP` files, no network (a fresh
 * network namespace when the machine allows one), a time limit and bounded output.
 * The script runs in a process group of its own: the step ends when the script has
 * exited and nothing holds its output any more, as on a runner, or at the time
 * limit, when the whole group is killed; background processes end with their step.
 * The runner's file-command formats are parsed back into outputs and env; a
 * malformed or oversized file fails the step, as on the runner. Scripts run as the
 * invoking user: the sandbox is a set of folders, not a jail.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { scratchParent } from "../files/memory-folder.ts";
import { noNetworkPrefix, runBounded } from "./bounded-process.ts";
import { trackFolder } from "./live-resources.ts";

const DOCKER_STUB = new URL("./stubs/docker.sh", import.meta.url);
const SCRIPT_TIMEOUT_MS = 10_000;
/** Output kept per stream: enough for the last lines the plan shows. */
const KEEP_OUTPUT_BYTES = 64 * 1024;
/** The most a file command (`$GITHUB_OUTPUT`, `$GITHUB_ENV`) may hold for the simulation to read it. */
const FILE_COMMAND_LIMIT_BYTES = 4 * 1024 * 1024;

/** Folders of runs still alive, with the function that forgets each once removed. */
const forgetters = new Map<string, () => void>();

/** The directories of one simulated run: one registry, and one runner per job. */
export interface RunSandbox {
  readonly root: string;
  readonly registry: string;
  readonly artifacts: string;
}

/** A job's runner: its workspace, temp folder, docker daemon and tool folder. */
export interface JobSandbox {
  readonly root: string;
  readonly workspace: string;
  readonly temp: string;
  readonly daemon: string;
  readonly bin: string;
  readonly home: string;
}

export function createRunSandbox(): RunSandbox {
  // The real path: every path a step uses is checked against it.
  const root = realpathSync(mkdtempSync(join(scratchParent(), "workflow-sim-")));
  forgetters.set(root, trackFolder(root));
  const registry = join(root, "registry");
  const artifacts = join(root, "artifacts");
  mkdirSync(registry);
  mkdirSync(artifacts);
  writeFileSync(join(registry, "refs"), "");
  return { root, registry, artifacts };
}

/** Where a job's runner is in the run's sandbox (createJobSandbox makes it). */
export function jobSandboxPaths(run: RunSandbox, jobId: string): JobSandbox {
  // A job id becomes one folder name: no separator, and no "." or ".." (GitHub's ids start with a letter or "_").
  const root = join(run.root, "jobs", jobId.replace(/[^A-Za-z0-9_-]/g, "_"));
  return { root, workspace: join(root, "workspace"), temp: join(root, "temp"), daemon: join(root, "daemon"), bin: join(root, "bin"), home: join(root, "home") };
}

export function createJobSandbox(run: RunSandbox, jobId: string): JobSandbox {
  const sandbox = jobSandboxPaths(run, jobId);
  for (const dir of [sandbox.workspace, sandbox.temp, sandbox.daemon, sandbox.bin, sandbox.home]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(sandbox.daemon, "refs"), "");
  writeFileSync(join(sandbox.daemon, "events"), "");
  copyFileSync(DOCKER_STUB, join(sandbox.bin, "docker"));
  return sandbox;
}

export async function removeRunSandbox(run: RunSandbox): Promise<void> {
  await rm(run.root, { recursive: true, force: true });
  forgetters.get(run.root)?.();
  forgetters.delete(run.root);
}

/** A file command the runner would refuse; the step fails with this message. */
export class FileCommandError extends Error {}

/** Parses a runner file-command file (`name=value` lines and `name<<DELIMITER` blocks). */
export function parseFileCommands(text: string): Record<string, string> {
  // No prototype: a command may name any variable, "__proto__" included.
  const values: Record<string, string> = Object.create(null);
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    const eq = line.indexOf("=");
    if (heredoc && (eq < 0 || eq > line.indexOf("<<"))) {
      const body: string[] = [];
      const delimiter = heredoc[2]!;
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i]!);
      if (i >= lines.length) throw new FileCommandError(`file command "${heredoc[1]}" has no closing delimiter "${delimiter}"; end the block with a line "${delimiter}"`);
      values[heredoc[1]!] = body.join("\n");
    } else if (eq > 0) {
      values[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new FileCommandError(`file command line ${JSON.stringify(line.length > 80 ? `${line.slice(0, 80)}…` : line)} is neither name=value nor name<<DELIMITER; write one of those forms`);
    }
  }
  return values;
}

export interface ScriptResult {
  readonly exitCode: number;
  /** The last bytes of the script's output. */
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string>>;
  /** Why the step fails though the script may have exited 0: the time limit, a malformed or oversized file command. */
  readonly problem?: string;
  /** The script was killed at the time limit: how it ends depends on the machine's speed. */
  readonly timedOut: boolean;
  /** Bytes of output not kept (only the last are). */
  readonly droppedOutput: number;
  readonly isolated: boolean;
}

function shellCommand(shell: string | undefined, file: string): string[] {
  if (shell === undefined) return ["bash", "-e", file];
  if (shell === "bash") return ["bash", "--noprofile", "--norc", "-eo", "pipefail", file];
  if (shell === "sh") return ["sh", "-e", file];
  throw new Error(`shell "${shell}" is not simulated; use bash or sh`);
}

/** Runs a script in the job's sandbox with the given step environment. */
export async function runScript(
  script: string,
  shell: string | undefined,
  stepEnv: Readonly<Record<string, string>>,
  job: JobSandbox,
  registry: string,
  stepKey: string,
  timeoutMs = SCRIPT_TIMEOUT_MS,
): Promise<ScriptResult> {
  const files = join(job.root, "files", stepKey);
  mkdirSync(files, { recursive: true });
  const scriptFile = join(files, "script.sh");
  const outputFile = join(files, "output");
  const envFile = join(files, "env");
  writeFileSync(scriptFile, script);
  for (const f of [outputFile, envFile, join(files, "summary"), join(files, "path")]) writeFileSync(f, "");
  const env: Record<string, string> = {
    ...stepEnv,
    PATH: `${job.bin}:/usr/local/bin:/usr/bin:/bin`,
    HOME: job.home,
    LANG: "C.UTF-8",
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_OUTPUT: outputFile,
    GITHUB_ENV: envFile,
    GITHUB_STEP_SUMMARY: join(files, "summary"),
    GITHUB_PATH: join(files, "path"),
    GITHUB_WORKSPACE: job.workspace,
    RUNNER_TEMP: job.temp,
    TMPDIR: job.temp,
    SIM_DAEMON: job.daemon,
    SIM_REGISTRY: registry,
  };
  const prefix = noNetworkPrefix();
  const isolated = prefix.length > 0;
  const [program, ...args] = [...prefix, ...shellCommand(shell, scriptFile)];
  const child = await runBounded(program!, args, { cwd: job.workspace, env, timeoutMs, keepBytes: KEEP_OUTPUT_BYTES });
  const base = { exitCode: child.status ?? 1, stdout: child.stdout, stderr: child.stderr, droppedOutput: child.dropped, isolated, timedOut: child.timedOut };
  if (child.timedOut) {
    return { ...base, exitCode: child.status ?? 137, outputs: {}, env: {}, problem: `the script, or a background process holding its output, did not finish within the simulation's time limit of ${timeoutMs / 1000} s; every process of the step was killed` };
  }
  try {
    return { ...base, outputs: readFileCommands(outputFile, "$GITHUB_OUTPUT"), env: readFileCommands(envFile, "$GITHUB_ENV") };
  } catch (error) {
    if (!(error instanceof FileCommandError)) throw error;
    return { ...base, outputs: {}, env: {}, problem: error.message };
  }
}

function readFileCommands(file: string, name: string): Record<string, string> {
  const stats = statSync(file);
  // A FIFO or a device in its place would block the read or never end.
  if (!stats.isFile()) throw new FileCommandError(`${name} is not a regular file any more; write to it with >> instead of replacing it`);
  const size = stats.size;
  if (size > FILE_COMMAND_LIMIT_BYTES) throw new FileCommandError(`${name} holds ${size} bytes, more than the ${FILE_COMMAND_LIMIT_BYTES} the simulation reads; write large data to a file instead`);
  try {
    return parseFileCommands(readFileSync(file, "utf8"));
  } catch (error) {
    if (error instanceof FileCommandError) throw new FileCommandError(`${name}: ${error.message}`);
    throw error;
  }
}
