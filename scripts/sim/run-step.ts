/**
 * Executes a `run:` step for real: bash in a temporary sandbox per job, the stub
 * `docker` first on PATH, the real `$GITHUB_OUTPUT`/`$GITHUB_ENV`/`$RUNNER_TEMP`
 * files, no network (a fresh network namespace when the machine allows one) and a
 * time limit. The runner's file-command formats are parsed back into outputs and env.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DOCKER_STUB = new URL("./stubs/docker.sh", import.meta.url);
const SCRIPT_TIMEOUT_MS = 10_000;

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
  const root = mkdtempSync(join(tmpdir(), "workflow-sim-"));
  const registry = join(root, "registry");
  const artifacts = join(root, "artifacts");
  mkdirSync(registry);
  mkdirSync(artifacts);
  writeFileSync(join(registry, "refs"), "");
  return { root, registry, artifacts };
}

export function createJobSandbox(run: RunSandbox, jobId: string): JobSandbox {
  const root = join(run.root, "jobs", jobId.replace(/[^A-Za-z0-9_.-]/g, "_"));
  const sandbox = { root, workspace: join(root, "workspace"), temp: join(root, "temp"), daemon: join(root, "daemon"), bin: join(root, "bin"), home: join(root, "home") };
  for (const dir of [sandbox.workspace, sandbox.temp, sandbox.daemon, sandbox.bin, sandbox.home]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(sandbox.daemon, "refs"), "");
  writeFileSync(join(sandbox.daemon, "events"), "");
  copyFileSync(DOCKER_STUB, join(sandbox.bin, "docker"));
  return sandbox;
}

export async function removeRunSandbox(run: RunSandbox): Promise<void> {
  await rm(run.root, { recursive: true, force: true });
}

let networkIsolation: boolean | undefined;
function canIsolateNetwork(): boolean {
  networkIsolation ??= spawnSync("unshare", ["--net", "--map-root-user", "true"], { stdio: "ignore", timeout: 2_000 }).status === 0;
  return networkIsolation;
}

/** Parses a runner file-command file (`name=value` lines and `name<<DELIMITER` blocks). */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
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
      if (i >= lines.length) throw new Error(`file command "${heredoc[1]}" has no closing delimiter "${delimiter}"`);
      values[heredoc[1]!] = body.join("\n");
    } else if (eq > 0) {
      values[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`file command line "${line}" is neither name=value nor name<<DELIMITER`);
    }
  }
  return values;
}

export interface ScriptResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string>>;
  readonly timedOut: boolean;
  readonly networkIsolated: boolean;
}

function shellCommand(shell: string | undefined, file: string): string[] {
  if (shell === undefined) return ["bash", "-e", file];
  if (shell === "bash") return ["bash", "--noprofile", "--norc", "-eo", "pipefail", file];
  if (shell === "sh") return ["sh", "-e", file];
  throw new Error(`shell "${shell}" is not simulated; use bash or sh`);
}

function run(program: string, args: readonly string[], cwd: string, env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, SCRIPT_TIMEOUT_MS);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ status: code ?? 1, stdout, stderr, timedOut });
    });
  });
}

/** Runs a script in the job's sandbox with the given step environment. */
export async function runScript(script: string, shell: string | undefined, stepEnv: Readonly<Record<string, string>>, job: JobSandbox, registry: string, stepKey: string): Promise<ScriptResult> {
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
  const isolated = canIsolateNetwork();
  const command = shellCommand(shell, scriptFile);
  const [program, ...args] = isolated ? ["unshare", "--net", "--map-root-user", ...command] : command;
  const child = await run(program!, args, job.workspace, env);
  return {
    exitCode: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    outputs: parseFileCommands(readFileSync(outputFile, "utf8")),
    env: parseFileCommands(readFileSync(envFile, "utf8")),
    timedOut: child.timedOut,
    networkIsolated: isolated,
  };
}
