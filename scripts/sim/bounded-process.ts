/**
 * Runs a program for the simulation within limits: in a process group of its own
 * (registered, so an interrupted run still kills it), killed as a whole group at the
 * time limit — a background job that holds the output open cannot keep the step
 * alive, as it would keep a step on a runner until the job's timeout — and with
 * only the last bytes of each output kept, however much is written.
 */
import { spawn, spawnSync } from "node:child_process";
import { killGroup, trackGroup } from "./live-resources.ts";

export interface BoundedOptions {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** How many bytes of stdout and of stderr are kept (the last ones). */
  readonly keepBytes: number;
}

export interface BoundedResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The time limit was reached and the group killed. */
  readonly timedOut: boolean;
  /** Bytes not kept. */
  readonly dropped: number;
}

// A network namespace of its own: no network. unshare execs the program, which stays the group's leader.
const NO_NETWORK = ["unshare", "--net", "--map-root-user"];
let networkIsolation: boolean | undefined;

/** The command prefix that runs a program without network, or nothing when the machine allows no network namespace. */
export function noNetworkPrefix(): readonly string[] {
  networkIsolation ??= spawnSync(NO_NETWORK[0]!, [...NO_NETWORK.slice(1), "true"], { stdio: "ignore", timeout: 2_000 }).status === 0;
  return networkIsolation ? NO_NETWORK : [];
}

/** After the kill, how long to wait for the output pipes to close before they are closed from this side. */
const CLOSE_GRACE_MS = 500;

/** The last `limit` bytes of a stream. */
export class Tail {
  private chunks: Buffer[] = [];
  private kept = 0;
  written = 0;
  constructor(private readonly limit: number) {}
  add(chunk: Buffer): void {
    this.written += chunk.length;
    this.chunks.push(chunk);
    this.kept += chunk.length;
    while (this.kept - (this.chunks[0]?.length ?? 0) >= this.limit) this.kept -= this.chunks.shift()!.length;
  }
  text(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.limit)).toString("utf8");
  }
  get dropped(): number {
    return Math.max(0, this.written - this.limit);
  }
}

/** Spawns `program` and waits for it and its output to end, or for the time limit. */
export function runBounded(program: string, args: readonly string[], options: BoundedOptions): Promise<BoundedResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const stdout = new Tail(options.keepBytes);
    const stderr = new Tail(options.keepBytes);
    child.stdout!.on("data", (chunk: Buffer) => stdout.add(chunk));
    child.stderr!.on("data", (chunk: Buffer) => stderr.add(chunk));
    const forget = child.pid === undefined ? () => undefined : trackGroup(child.pid);
    let timedOut = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const limitTimer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killGroup(child.pid);
      // A process that left the group may still hold the pipes: stop reading them.
      graceTimer = setTimeout(() => {
        child.stdout!.destroy();
        child.stderr!.destroy();
      }, CLOSE_GRACE_MS);
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(limitTimer);
      forget();
      reject(error);
    });
    child.on("close", (status, signal) => {
      clearTimeout(limitTimer);
      clearTimeout(graceTimer);
      // Background processes end with their step.
      if (child.pid !== undefined) killGroup(child.pid);
      forget();
      resolve({ status, signal, stdout: stdout.text(), stderr: stderr.text(), timedOut, dropped: stdout.dropped + stderr.dropped });
    });
  });
}
