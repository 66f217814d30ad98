/** Processes a test started, seen from outside. */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";

/** Whether a process with this pid runs (or is a zombie not yet reaped). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits for the process to end; fails, naming it as `what`, when it still runs after `limitMs`. */
export async function assertEnds(pid: number, what: string, limitMs = 5_000): Promise<void> {
  for (let waited = 0; alive(pid); waited += 50) {
    assert.ok(waited < limitMs, `${what} (${pid}) still runs`);
    await sleep(50);
  }
}
