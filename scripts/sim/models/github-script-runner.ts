/**
 * The process github-script bodies run in (`github-script-host.mjs`), kept for the
 * bodies of one plan computation (every scenario of one version of a workflow)
 * rather than started per body: a Node process costs more than most bodies. It is
 * started with an empty environment, Node's permission model (it may read its own
 * file and nothing else: no files, no child processes, no workers), a small heap and
 * no network where the machine allows a network namespace, in a process group of its
 * own that an interrupted run kills.
 *
 * Bodies run one at a time, each with its own time limit, counted from the moment
 * the process says it has begun the body (a new process's start-up is not the body's
 * time; start-up has a limit of its own): a body that does not end in time gets its
 * process killed (the whole group) and fails; the next body gets a new process, as does the next after a body that ended its process or sent a
 * message nobody asked for. Each body is compiled in a V8 context of its own, so one
 * body does not see another's globals; a body that breaks out of its context reaches
 * the process, and with it the bodies that run after it in the same process — bodies
 * of the same workflow text, written by the same author. The base and the changed
 * version of a review are computed with separate runners.
 */
import { spawn, type ChildProcess, type Serializable } from "node:child_process";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { noNetworkPrefix, Tail } from "../bounded-process.ts";
import { killGroup, trackGroup } from "../live-resources.ts";

/** How long one body may run: a loop or a promise the stand-ins never settle would hang the plan. */
export const BODY_TIME_LIMIT_MS = 5000;
/** How long a process may take to begin a body: Node's start-up on a loaded machine, not the body's run. */
const START_TIME_LIMIT_MS = 60_000;
const HOST = fileURLToPath(new URL("./github-script-host.mjs", import.meta.url));
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has("--permission") ? "--permission" : "--experimental-permission";
const NODE_FLAGS = [PERMISSION_FLAG, `--allow-fs-read=${HOST}`, "--no-warnings", "--max-old-space-size=128"];
/** The stderr kept per body, for the last line when its process ends. */
const KEEP_STDERR_BYTES = 16 * 1024;

/**
 * How a body's run ended, from the process's side: the model called `finish`, a
 * time limit was reached and the process killed (the body's own, or the process's
 * start-up before it began the body), or the process ended first (it exited, or the
 * model killed it), with the last bytes of its stderr.
 */
export type BodyEnd =
  | { readonly kind: "finished" }
  | { readonly kind: "timed out"; readonly during: "start-up" | "body" }
  | { readonly kind: "exited"; readonly status: number | null; readonly signal: NodeJS.Signals | null; readonly stderr: string };

/** What the model can do while a body runs. */
export interface BodyChannel {
  /** Sends a message to the body's process (an answer to a stand-in call). */
  send(message: Serializable): void;
  /** The body's result is in: the process is free for the next body. */
  finish(): void;
  /** Ends the process (it sent what the model does not accept); the next body gets a new one. */
  kill(): void;
}

interface HostProcess {
  readonly child: ChildProcess;
  /** Settles when the process has ended and its output is closed. */
  readonly closed: Promise<void>;
  /** The body running now: where messages and stderr go. */
  body?: { readonly onMessage: (message: unknown) => void; readonly stderr: Tail; readonly onClose: (status: number | null, signal: NodeJS.Signals | null) => void } | undefined;
}

export class GithubScriptRunner {
  private host: HostProcess | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Processes started so far (a body that hangs costs one). */
  processesStarted = 0;

  constructor(private readonly timeLimitMs = BODY_TIME_LIMIT_MS) {}

  /** The time limit of one body, in seconds, for messages. */
  get timeLimitSeconds(): number {
    return this.timeLimitMs / 1000;
  }

  /**
   * Runs one body: sends `start` to a process and gives each message it sends to
   * `onMessage` until the model calls `finish` (or `kill`), the process ends, or the
   * time limit. Bodies wait for the ones before them.
   */
  run(start: Serializable, onMessage: (message: unknown, channel: BodyChannel) => void): Promise<BodyEnd> {
    const ran = this.queue.then(() => this.runNow(start, onMessage));
    this.queue = ran.catch(() => undefined);
    return ran;
  }

  /** Ends the process (a later body starts a new one); settles once it is gone. */
  async close(): Promise<void> {
    const host = this.host;
    if (!host) return;
    // Waited for: an idle process does not hold the event loop by itself.
    setActive(host.child, true);
    this.kill(host);
    await host.closed;
  }

  private runNow(start: Serializable, onMessage: (message: unknown, channel: BodyChannel) => void): Promise<BodyEnd> {
    const host = (this.host ??= this.startHost());
    return new Promise((resolve) => {
      const stderr = new Tail(KEEP_STDERR_BYTES);
      const end = (result: BodyEnd) => {
        if (host.body !== body) return;
        clearTimeout(limit);
        host.body = undefined;
        setActive(host.child, false);
        resolve(result);
      };
      const channel: BodyChannel = {
        send: (message) => {
          if (host.child.connected) host.child.send(message);
        },
        finish: () => end({ kind: "finished" }),
        kill: () => this.kill(host),
      };
      const timeOut = (during: "start-up" | "body", ms: number) =>
        setTimeout(() => {
          this.kill(host);
          end({ kind: "timed out", during });
        }, ms);
      let limit = timeOut("start-up", START_TIME_LIMIT_MS);
      let begun = false;
      const body = {
        onMessage: (message: unknown) => {
          // The host's first message for a body says it has begun it; anything later is the body's.
          if (!begun && isBegun(message)) {
            begun = true;
            clearTimeout(limit);
            limit = timeOut("body", this.timeLimitMs);
          } else onMessage(message, channel);
        },
        stderr,
        onClose: (status: number | null, signal: NodeJS.Signals | null) => end({ kind: "exited", status, signal, stderr: stderr.text() }),
      };
      host.body = body;
      setActive(host.child, true);
      channel.send(start);
    });
  }

  private startHost(): HostProcess {
    const [program, ...args] = [...noNetworkPrefix(), process.execPath, ...NODE_FLAGS, HOST];
    const child = spawn(program!, args, { cwd: tmpdir(), env: {}, stdio: ["ignore", "pipe", "pipe", "ipc"], detached: true, serialization: "json" });
    this.processesStarted++;
    let settle = () => {};
    const host: HostProcess = { child, closed: new Promise((resolve) => (settle = resolve)) };
    const forget = child.pid === undefined ? () => undefined : trackGroup(child.pid);
    // Output is not the body's result: only the last bytes of stderr are kept, for an error line.
    child.stdout!.on("data", () => undefined);
    child.stderr!.on("data", (chunk: Buffer) => host.body?.stderr.add(chunk));
    child.on("message", (message) => {
      // A message while no body runs was not asked for: the process is not trusted further.
      if (host.body) host.body.onMessage(message);
      else this.kill(host);
    });
    const closed = (status: number | null, signal: NodeJS.Signals | null) => {
      if (child.pid !== undefined) killGroup(child.pid);
      forget();
      if (this.host === host) this.host = undefined;
      host.body?.onClose(status, signal);
      settle();
    };
    child.on("close", closed);
    child.on("error", () => closed(null, null));
    setActive(child, false);
    return host;
  }

  private kill(host: HostProcess): void {
    if (this.host === host) this.host = undefined;
    if (host.child.pid !== undefined) killGroup(host.child.pid);
  }
}

function isBegun(message: unknown): boolean {
  return typeof message === "object" && message !== null && (message as { kind?: unknown }).kind === "begun";
}

/** An idle process does not keep the simulation's process alive (the exit clean-up still kills it). */
function setActive(child: ChildProcess, active: boolean): void {
  for (const handle of [child, child.channel, child.stdout, child.stderr] as ({ ref?: () => void; unref?: () => void } | null | undefined)[]) {
    if (active) handle?.ref?.();
    else handle?.unref?.();
  }
}
