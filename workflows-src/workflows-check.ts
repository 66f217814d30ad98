/**
 * The project's own check, `.github/workflows/workflows-check.yml`: on pull
 * requests and pushes to main that touch the sources, the generated files or the
 * packages, it installs, runs the drift check, the full type check and the tests;
 * on pull requests it also reviews the workflow changes (`workflows-check/review.ts`).
 * It runs on the current Node.js LTS (24); the project itself also supports Node 20.
 */
import { github, job, scriptStep, tpl, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";
import { nodeProject } from "./shared/node-project.ts";
import { review, reviewComment } from "./workflows-check/review.ts";

const paths: [string, ...string[]] = ["workflows-src/**", "scripts/**", "generated/**", "test/**", ".github/workflows/**", ".github/actions/**", "package.json", "package-lock.json", "tsconfig.json"];

const check = job("check", {}, () => ({
  name: "Generated workflows are current and tested",
  "runs-on": "ubuntu-latest",
  "timeout-minutes": 15,
  permissions: { contents: "read" },
  steps: [
    checkout(),
    ...nodeProject(),
    scriptStep({ name: "Drift check", run: "npm run check" }),
    scriptStep({ name: "Type check", run: "npm run typecheck" }),
    scriptStep({ name: "Tests", run: "npm test" }),
  ],
}));

/** Builds the project's check workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Workflows check",
    on: {
      pull_request: { paths },
      push: { branches: ["main"], paths },
      // Started by renovate-regenerate.yml for the commit it pushes (such a push starts no workflow).
      workflow_dispatch: {},
    },
    permissions: {},
    concurrency: { group: tpl`workflows-check-${github.eventName}-${github.ref}`, "cancel-in-progress": true },
    jobs: [check, review, reviewComment],
  });
}
