/**
 * Compile-time tests of the kit's workflow syntax, checked by `npm run typecheck`
 * (this file is never run). Each `@ts-expect-error` line must fail to compile — if
 * it compiled, the directive itself would be the error — and the lines without it
 * must compile.
 */
import {
  callWorkflow,
  contains,
  defaultPermissions,
  dockerAction,
  eq,
  event,
  format,
  fromJSON,
  github,
  gt,
  hashFiles,
  job,
  jobOutputs,
  join,
  localAction,
  localWorkflowFile,
  matrix,
  matrixFrom,
  reusableWorkflow,
  scriptStep,
  service,
  startsWith,
  strategy,
  toJSON,
  unnamed,
  unpinnedAction,
  variable,
  workflow,
  workflowDispatch,
  type Expr,
  type JsonExpr,
  type Triggers,
} from "../../workflows-src/kit/index.ts";

const runsOn = "ubuntu-latest";
const step = scriptStep({ name: "x", run: "true" });

// Triggers: every event of the schema, with its own activity types and filters.
const triggers: Triggers = {
  push: { branches: ["main"], tags: "v*", "paths-ignore": ["docs/**"] },
  pull_request: { types: ["opened", "synchronize"], branches: "main" },
  pull_request_target: null,
  issues: { types: "labeled" },
  merge_group: { types: ["checks_requested"], branches: ["main"] },
  workflow_run: { workflows: ["CI"], types: ["completed"], branches: ["main"] },
  image_version: { names: ["app"], types: ["ready"] },
  repository_dispatch: { types: ["deploy"] },
  schedule: [{ cron: "0 3 * * 1" }, { cron: "0 4 * * *", timezone: "Europe/Paris" }],
  release: { types: ["published"] },
  create: null,
  watch: { types: "started" },
};
const single: Triggers = "push";
const list: Triggers = ["push", "pull_request"];
void [triggers, single, list];

// @ts-expect-error "opend" is not an activity type of pull_request
void ({ pull_request: { types: ["opend"] } } satisfies Triggers);
// @ts-expect-error push takes no activity types
void ({ push: { types: ["created"] } } satisfies Triggers);
// @ts-expect-error branches and branches-ignore exclude each other
void ({ push: { branches: ["main"], "branches-ignore": ["dev"] } } satisfies Triggers);
// @ts-expect-error issues takes no branch filter
void ({ issues: { branches: ["main"] } } satisfies Triggers);
// @ts-expect-error create takes no configuration
void ({ create: { types: ["created"] } } satisfies Triggers);
// @ts-expect-error "pushh" is not an event
void ("pushh" satisfies Triggers);
// @ts-expect-error a schedule entry needs its cron line
void ({ schedule: [{ timezone: "UTC" }] } satisfies Triggers);

// workflow_dispatch inputs are typed by their declaration.
const dispatch = workflowDispatch({
  inputs: {
    version: { type: "string", required: true },
    dryRun: { type: "boolean", default: false },
    level: { type: "choice", options: ["low", "high"] },
    count: { type: "number", default: 3 },
  },
});
const version: Expr<string> = dispatch.inputs.version;
const dryRun: Expr<boolean> = dispatch.inputs.dryRun;
const level: Expr<"low" | "high"> = dispatch.inputs.level;
const count: Expr<number> = dispatch.inputs.count;
void [version, dryRun, level, count];
// @ts-expect-error a boolean input is not a string
void (dispatch.inputs.dryRun satisfies Expr<string>);
// @ts-expect-error a choice compares only with its options
eq(dispatch.inputs.level, "medium");
// @ts-expect-error an input that is not declared
void dispatch.inputs.versoin;
// @ts-expect-error a choice input needs its options
workflowDispatch({ inputs: { level: { type: "choice" } } });
// @ts-expect-error a boolean input's default is a boolean
workflowDispatch({ inputs: { flag: { type: "boolean", default: "yes" } } });

// workflow_call: the callee declares, the caller is checked against the declaration.
export const callee = reusableWorkflow(import.meta.url, {
  inputs: { image: { type: "string", required: true }, push: { type: "boolean", default: false }, retries: { type: "number" } },
  secrets: { token: { required: true }, optional: null },
  outputs: ["digest"],
});
const image: Expr<string> = callee.inputs.image;
const push: Expr<boolean> = callee.inputs.push;
const token: Expr<string> = callee.secrets.token;
void [image, push, token];
const producer = job("produce", {}, () => ({ name: "p", "runs-on": runsOn, permissions: {}, outputs: { digest: "x" }, steps: [step] }));
callee.trigger({ digest: { value: jobOutputs(producer).digest } });
// @ts-expect-error every declared output needs its value
callee.trigger({});
// @ts-expect-error the producer has no output "size"
void jobOutputs(producer).size;

const call = callWorkflow("call", { uses: callee }, () => ({
  name: "Call",
  permissions: { contents: "read" },
  with: { image: "app", push: eq(github.eventName, "push"), retries: 2 },
  secrets: { token: variable("TOKEN") },
}));
callWorkflow("call-inherit", { uses: callee }, () => ({ name: "Call", permissions: {}, with: { image: "app" }, secrets: "inherit" }));
// @ts-expect-error "image" is a required input of the callee
callWorkflow("missing", { uses: callee }, () => ({ name: "Call", permissions: {}, with: { push: true }, secrets: "inherit" }));
// @ts-expect-error "push" is a boolean input
callWorkflow("wrong-type", { uses: callee }, () => ({ name: "Call", permissions: {}, with: { image: "a", push: "true" }, secrets: "inherit" }));
// @ts-expect-error the required secret "token" is missing
callWorkflow("no-secret", { uses: callee }, () => ({ name: "Call", permissions: {}, with: { image: "a" }, secrets: { optional: "x" } }));
job("after-call", { needs: [call] }, (needs) => {
  const digest: Expr<string> = needs(call).outputs.digest;
  // @ts-expect-error the callee declares no output "size"
  void needs(call).outputs.size;
  return { name: "a", "runs-on": runsOn, permissions: {}, env: { DIGEST: digest }, steps: [step] };
});
const declared = localWorkflowFile("./.github/workflows/legacy.yml", { inputs: { mode: { type: "string", required: true } }, outputs: ["url"] });
callWorkflow("legacy", { uses: declared }, () => ({ name: "Legacy", permissions: {}, with: { mode: "x" } }));
// @ts-expect-error a local workflow file is under .github/workflows
localWorkflowFile("./workflows/legacy.yml", {});

// Matrix: axes, include and exclude are typed, and matrix.<axis> with them.
const m = matrix({ os: ["ubuntu-latest", "macos-latest"], node: [20, 22] }, { include: [{ os: "ubuntu-latest", node: 24, experimental: true }], exclude: [{ os: "macos-latest", node: 20 }] });
const os: JsonExpr<"ubuntu-latest" | "macos-latest"> = m.os;
const node: JsonExpr<20 | 22 | 24> = m.node;
const experimental: JsonExpr<true> = m.experimental;
void [os, node, experimental];
// @ts-expect-error exclude names only declared values
matrix({ os: ["ubuntu-latest"] }, { exclude: [{ os: "windows-latest" }] });
// @ts-expect-error exclude names only declared axes
matrix({ os: ["ubuntu-latest"] }, { exclude: [{ arch: "x64" }] });
// @ts-expect-error the matrix has no axis "arch"
void m.arch;
// @ts-expect-error a node version is a number
eq(m.node, "20");
const computed = matrixFrom<{ target: string }>(fromJSON(github.ref), ["target"]);
const target: JsonExpr<string> = computed.target;
void target;
job("matrix", {}, () => ({ name: format("Test {0}", m.os), "runs-on": m.os, permissions: {}, strategy: { matrix: m, "fail-fast": false, "max-parallel": 2 }, steps: [step] }));

// Jobs: environment, concurrency, services, container, defaults, timeouts as expressions.
const db = service("postgres", { image: "postgres:16", ports: [5432], env: { POSTGRES_PASSWORD: "x" } });
const deploy = scriptStep({ name: "Deploy", id: "deploy", outputs: ["url"], run: "./deploy.sh", "working-directory": "infra", shell: "bash -e {0}", "continue-on-error": eq(github.eventName, "push"), "timeout-minutes": 5 });
job("deploy", {}, () => ({
  name: unnamed,
  "runs-on": [runsOn, "self-hosted"],
  permissions: defaultPermissions,
  environment: { name: "production", url: deploy.outputs.url },
  concurrency: { group: format("deploy-{0}", github.ref), "cancel-in-progress": false },
  defaults: { run: { shell: "bash", "working-directory": "app" } },
  container: { image: "node:22", options: "--cpus 1" },
  services: [db],
  "timeout-minutes": gt(strategy.jobIndex, 1) ? 10 : 20,
  steps: [deploy, scriptStep({ name: "Port", env: { PORT: db.port(5432) }, run: 'echo "$PORT"' })],
}));
// @ts-expect-error a shell is a known name or a template with {0}
scriptStep({ name: "x", run: "true", shell: "zsh" });
// @ts-expect-error a step's timeout is a number
scriptStep({ name: "x", run: "true", "timeout-minutes": "5" });
// @ts-expect-error permissions are required (defaultPermissions leaves the key out visibly)
job("no-permissions", {}, () => ({ name: "x", "runs-on": runsOn, steps: [step] }));

// Actions without a binding: local, docker, unpinned (escape hatch).
localAction({ name: "Setup", uses: "./.github/actions/setup", with: { version: 1 } });
dockerAction({ name: "Lint", uses: "docker://alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000", with: { args: "true" } });
unpinnedAction({ name: "Old", uses: "actions/checkout@v4", waive: { "unpinned-uses": "kept until the next release" } });
// @ts-expect-error a local action path starts with ./
localAction({ name: "Setup", uses: ".github/actions/setup" });
// @ts-expect-error a docker action starts with docker://
dockerAction({ name: "Lint", uses: "alpine:3" });

// Functions and contexts.
const checks = [
  contains(github.ref, "release"),
  startsWith(github.ref, "refs/tags/"),
  eq(hashFiles("**/package-lock.json", "**/yarn.lock"), ""),
  eq(join(fromJSON<string[]>(github.ref), ", "), "a"),
  eq(toJSON(github.ref), "{}"),
];
void checks;
const prNumber: JsonExpr<number> = event("pull_request").get("pull_request").get("number");
const pushed: JsonExpr<string> = event("push").get("after");
// A nullable field is read through, and what is read from it may be null (a deleted fork has no head.repo).
const headFork: JsonExpr<boolean | null> = event("pull_request").get("pull_request").get("head").get("repo").get("fork");
// @ts-expect-error a field read through a nullable value is not known to be present
const headForkPresent: JsonExpr<boolean> = event("pull_request").get("pull_request").get("head").get("repo").get("fork");
void [prNumber, pushed, headFork, headForkPresent];
// @ts-expect-error a pull request payload has no "commits"
void event("pull_request").get("commits");
// A field of a value that may be null (the head repository of a deleted fork) reads as null.
const fork: JsonExpr<boolean | null> = event("pull_request").get("pull_request").get("head").get("repo").get("fork");
void fork;
// @ts-expect-error it may be null, so it is not a plain boolean
const forkNotNull: JsonExpr<boolean> = event("pull_request").get("pull_request").get("head").get("repo").get("fork");
void forkNotNull;
// @ts-expect-error a repository has no "forks_of"
void event("pull_request").get("pull_request").get("head").get("repo").get("forks_of");
// @ts-expect-error a string test takes strings
startsWith(github.ref, 1);
// A payload field that may be null is a string to the string tests (null reads as '').
contains(event("issues").get("issue").get("body"), "@claude");
// @ts-expect-error a number field is not a string
contains(event("issues").get("issue").get("number"), "1");

// Waivers name a rule and give a reason.
scriptStep({ name: "x", run: "echo ${{ github.ref }}", waive: { "template-injection": "imported; fix by passing the ref through env" } });
// @ts-expect-error a reason is text
scriptStep({ name: "x", run: "true", waive: { "template-injection": true } });

workflow(import.meta.url, { name: "t", on: { workflow_dispatch: dispatch, workflow_call: callee.trigger({ digest: { value: "x" } }) }, permissions: {}, jobs: [] });
// @ts-expect-error workflow_dispatch takes a declaration from workflowDispatch()
workflow(import.meta.url, { name: "t", on: { workflow_dispatch: { inputs: { x: { type: "string" } } } }, permissions: {}, jobs: [] });
