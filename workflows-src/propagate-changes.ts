/**
 * `.github/workflows/propagate-changes.yml`: after "Docker Build, Publish & Test"
 * succeeds on main, opens a pull request that merges main into development (labelled
 * `auto-propagate`; a draft flagged for review when it touches sensitive paths, else
 * with auto-merge requested). Development → nightly is not done here: nightly-build's
 * daily sync covers it. The body is `propagate-changes/propagate.js`.
 */
import { actionsGithubScriptV9, actionsSetupNodeV7, and, envVar, eq, github, githubScriptStep, job, ne, or, orElse, scriptFile, secret, tpl, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { afterDockerBuild, dockerBuildRun } from "./shared/after-docker-build.ts";

const builtBranch = dockerBuildRun.get("head_branch");

const propagate = job("propagate", {}, () => ({
  name: "Create PR to synchronize branches",
  if: and(
    ne(github.actor, "github-actions[bot]"),
    or(eq(github.eventName, "workflow_dispatch"), and(eq(dockerBuildRun.get("conclusion"), "success"), or(eq(builtBranch, "main"), eq(builtBranch, "development")))),
  ),
  "runs-on": "ubuntu-latest",
  // Pull requests, their labels, and auto-merge (which needs write access to the contents).
  permissions: { contents: "write", "pull-requests": "write", issues: "write" },
  steps: [
    actionsSetupNodeV7({ name: "Set up Node (for github-script)", with: { "node-version": envVar("NODE_VERSION") } }),
    githubScriptStep({
      name: "Propagate Changes",
      version: actionsGithubScriptV9,
      // On a manual run, the branch and commit of the run itself.
      env: { CURRENT_BRANCH: orElse(builtBranch, github.refName), CURRENT_SHA: orElse(dockerBuildRun.get("head_sha"), github.sha), GITHUB_TOKEN: secret("GITHUB_TOKEN") },
      script: scriptFile(import.meta.url, "./propagate-changes/propagate.js"),
    }),
  ],
}));

/** Builds the branch propagation workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Propagate Changes Between Branches",
    on: {
      // Only a commit the build has validated is propagated, which a push event cannot
      // tell; a manual run is the fallback. A push trigger would need the job's if: too.
      workflow_run: afterDockerBuild(["main", "development"]),
      workflow_dispatch: {},
    },
    permissions: {},
    env: { NODE_VERSION: "24.20.0" },
    concurrency: { group: tpl`${github.workflow}-${orElse(builtBranch, github.ref)}`, "cancel-in-progress": false },
    jobs: [propagate],
    waive: {
      "dangerous-triggers":
        "workflow_run is needed to act only on commits the build validated; the job checks out and runs no code, and takes from the triggering run only its branch (main or development, checked by the job's if:) and its commit, which the script passes to the API as parameters",
    },
  });
}
