/**
 * The process github-script bodies run in, one after another, started by the
 * model's runner (`github-script-runner.ts`) with an empty environment, Node's permission model (it may read
 * this file and nothing else: no file system, no child processes, no workers), no
 * network when the machine allows a network namespace, and a hard time limit. So a
 * body that reaches its process (`process.constructor.constructor("return process")()`)
 * finds nothing of the runner's: no token, no environment, no files.
 *
 * Plain JavaScript, so Node runs it without a loader. The body runs as the action runs
 * it, as an async function of `require`, `github`, `context`, `core`, `exec`, `glob`,
 * `io`, compiled in a V8 context that holds only `process.env` (the step's environment)
 * and a quiet `console`. The stand-ins talk to the model over the IPC channel:
 * the model sends `start`; this process sends `begun`, then `message`, `output`, `failed`,
 * `unsupported` and `call` (answered by `answer`), and at the end `done` or `threw`;
 * then the next body may start.
 */
import { createContext, runInContext } from "node:vm";

/** @param {Record<string, unknown>} message */
const send = (message) => process.send?.(message);

/** Pending stand-in calls of the running body by id, settled by the model's answers. */
let pending = new Map();
let nextCall = 0;

/** @returns {Promise<unknown>} */
function call(method, params) {
  const id = ++nextCall;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    send({ kind: "call", id, method, params });
  });
}

class NotModelled extends Error {}

/** Reports an API the model does not cover (the plan is then unsupported), then fails the call. */
function notModelled(feature) {
  send({ kind: "unsupported", feature });
  return new NotModelled(`"${feature}" is not modelled`);
}

/** A proxy handler that reports any member the stand-in does not define. */
function unsupportedMembers(prefix) {
  return {
    get(target, key) {
      if (typeof key === "symbol" || key in target) return Reflect.get(target, key);
      throw notModelled(`${prefix}.${String(key)}`);
    },
  };
}

function githubClient() {
  const createComment = async (params) => {
    const answer = /** @type {{ status: number; data?: unknown; message?: string }} */ (await call("issues.createComment", { issue_number: params?.issue_number, body: params?.body }));
    if (answer.status >= 400) throw Object.assign(new Error(answer.message ?? "request failed"), { status: answer.status });
    return answer;
  };
  return { rest: new Proxy({ issues: new Proxy({ createComment }, unsupportedMembers("github.rest.issues")) }, unsupportedMembers("github.rest")) };
}

function core() {
  const log = (kind) => (message) => void send({ kind: "message", text: `${kind}: ${String(message)}` });
  return new Proxy(
    {
      info: () => undefined,
      debug: () => undefined,
      notice: log("notice"),
      warning: log("warning"),
      error: log("error"),
      setOutput: (name, value) => void send({ kind: "output", name: String(name), value: typeof value === "string" ? value : JSON.stringify(value) }),
      setFailed: (message) => void send({ kind: "failed", message: String(message) }),
    },
    unsupportedMembers("core"),
  );
}

function run(start) {
  const record = (...args) => void send({ kind: "message", text: `log: ${args.map(String).join(" ")}` });
  const sandbox = createContext({ process: { env: { ...start.env } }, console: { log: record, info: record, warn: record, error: record } });
  const parameters = ["require", "__original_require__", "github", "context", "core", "exec", "glob", "io"];
  const body = runInContext(`(async function (${parameters.join(", ")}) {\n${start.script}\n})`, sandbox, { filename: `${start.stepRef} (github-script)` });
  const requireStandIn = () => {
    throw notModelled("github-script require");
  };
  const object = (name) => new Proxy({}, unsupportedMembers(name));
  return body(requireStandIn, requireStandIn, githubClient(), start.context, core(), object("exec"), object("glob"), object("io"));
}

process.on("message", (message) => {
  if (message?.kind === "answer") {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    waiting?.resolve(message.answer);
    return;
  }
  if (message?.kind !== "start") return;
  // Calls a body left unanswered are not the next body's.
  pending = new Map();
  // The body's time limit starts now, not when this process was started.
  send({ kind: "begun" });
  Promise.resolve()
    .then(() => run(message))
    .then(
      (value) => {
        const result = value === undefined ? undefined : message.encoding === "string" ? String(value) : JSON.stringify(value);
        send({ kind: "done", ...(result === undefined ? {} : { result }) });
      },
      // An error of the body's V8 context is not an Error of this one: read its message.
      (error) => send({ kind: "threw", message: typeof error?.message === "string" ? error.message : String(error) }),
    );
});
