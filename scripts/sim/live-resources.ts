/**
 * What a simulation leaves behind if it is interrupted: its temporary
 * `workflow-sim-*` folders and the process groups of the steps it runs. Each is
 * registered while it lives; on SIGINT, SIGTERM or SIGHUP, and when the process
 * exits by any other path, the groups are killed and the folders removed before the
 * process goes on to end as it would have. The handlers are installed only while
 * something is registered.
 */
import { rmSync } from "node:fs";

const folders = new Set<string>();
const groups = new Set<number>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Kills every registered process group (SIGKILL) and removes every registered folder, now. */
export function releaseAll(): void {
  for (const group of groups) killGroup(group);
  groups.clear();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders.clear();
  uninstall();
}

/** SIGKILL to the whole process group led by `pid`; a group already gone is fine. */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already ended.
  }
}

/** Registers a temporary folder; the returned function forgets it (call it once the folder is removed). */
export function trackFolder(folder: string): () => void {
  return track(folders, folder);
}

/** Registers the process group led by `pid`; the returned function forgets it. */
export function trackGroup(pid: number): () => void {
  return track(groups, pid);
}

function track<T>(set: Set<T>, item: T): () => void {
  set.add(item);
  install();
  return () => {
    set.delete(item);
    if (!folders.size && !groups.size) uninstall();
  };
}

function onSignal(signal: NodeJS.Signals): void {
  releaseAll();
  // With this handler gone, the signal does what it would have done: end the process.
  if (!process.listenerCount(signal)) process.kill(process.pid, signal);
}

let installed = false;
function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on("exit", releaseAll);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off("exit", releaseAll);
}
