/**
 * `.github/workflows/docs-to-issues.yml`: turns issue drafts under `docs/issues/` (markdown
 * with front matter) into GitHub issues, after each successful docker-build run of a
 * branch of this repository (for the files its commit changed) or on demand (one file,
 * optionally as a dry run), then moves the processed drafts to `docs/issues/created/`
 * and pushes that commit to the branch.
 *
 * It runs after docker-build (`workflow_run`) with a write token and the branch's code
 * (it installs packages there and pushes to it), so it processes runs of this
 * repository's own branches only: a run for a pull request from a fork is refused by the
 * job's condition. Values reach its scripts through env only.
 */
import {
  actionsCheckout,
  actionsGithubScriptV9,
  actionsSetupNode,
  and,
  envVar,
  eq,
  github,
  githubScriptStep,
  job,
  ne,
  or,
  orElse,
  scriptFile,
  scriptStep,
  status,
  tpl,
  workflow,
  workflowDispatch,
  type BuiltWorkflow,
} from "./kit/index.ts";
import { afterDockerBuild, dockerBuildRun } from "./shared/after-docker-build.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./docs-to-issues/${file}`);

const dispatch = workflowDispatch({
  inputs: {
    dry_run: { description: "Dry run (no issues created)", required: false, default: false, type: "boolean" },
    file_path: { description: "Specific file to process (optional)", required: false, type: "string" },
  },
});

/** The commit to read the drafts from: the upstream run's, else the event's. */
const commitSha = orElse(dockerBuildRun.get("head_sha"), github.sha);

const convertDocs = job("convert-docs", {}, () => {
  const changes = githubScriptStep({
    name: "Detect changed files",
    id: "changes",
    outputs: ["files"],
    version: actionsGithubScriptV9,
    env: { COMMIT_SHA: commitSha, MANUAL_FILE: dispatch.inputs.file_path },
    script: script("detect-changed-files.js"),
  });
  const processFiles = githubScriptStep({
    name: "Process issue files",
    id: "process",
    outputs: ["created_count", "created_issues", "errors"],
    version: actionsGithubScriptV9,
    env: { FILES: changes.outputs.files, DRY_RUN: orElse<boolean | string>(dispatch.inputs.dry_run, "false") },
    script: script("process-issue-files.js"),
  });
  // A manual dry run creates nothing, so there is nothing to move.
  const moves = and(ne(processFiles.outputs.created_count, "0"), ne(dispatch.inputs.dry_run, true));
  return {
    name: "Convert Markdown to Issues",
    // Not for its own pushes; after docker-build only when that run succeeded for a branch of this repository.
    if: and(
      ne(github.actor, "github-actions[bot]"),
      or(ne(github.eventName, "workflow_run"), and(eq(dockerBuildRun.get("conclusion"), "success"), eq(dockerBuildRun.get("head_repository").get("full_name"), github.repository))),
    ),
    "runs-on": "ubuntu-latest",
    // Pushes the moved drafts and creates issues.
    permissions: { contents: "write", issues: "write", "pull-requests": "write" },
    steps: [
      // The credentials stay for the push of the moved drafts.
      actionsCheckout({ name: "Checkout repository", with: { "fetch-depth": 2, ref: commitSha, "persist-credentials": true } }),
      actionsSetupNode({ name: "Set up Node.js", with: { "node-version": envVar("NODE_VERSION") } }),
      scriptStep({ name: "Install dependencies", run: "npm install gray-matter" }),
      changes,
      processFiles,
      scriptStep({ name: "Move processed files", if: moves, env: { CREATED_ISSUES: processFiles.outputs.created_issues }, run: script("move-processed-files.sh") }),
      scriptStep({ name: "Commit moved files", if: moves, env: { BRANCH: orElse(dockerBuildRun.get("head_branch"), github.refName) }, run: script("commit-moved-files.sh") }),
      scriptStep({
        name: "Summary",
        if: status.always(),
        // The lists are empty when processing did not run; the script says so.
        tolerates: [processFiles],
        env: { CREATED: processFiles.outputs.created_issues, ERRORS: processFiles.outputs.errors, DRY_RUN: dispatch.inputs.dry_run },
        run: script("summary.sh"),
      }),
    ],
  };
});

/** Builds the docs-to-issues workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Convert Docs to Issues",
    on: {
      workflow_run: afterDockerBuild(),
      workflow_dispatch: dispatch,
    },
    permissions: {},
    env: { NODE_VERSION: "24.17.0" },
    concurrency: { group: tpl`${github.workflow}-${orElse(dockerBuildRun.get("head_branch"), github.ref)}`, "cancel-in-progress": false },
    jobs: [convertDocs],
    waive: {
      "dangerous-triggers":
        "workflow_run starts the conversion after docker-build succeeded for the branch; the job refuses runs for a fork's pull request (its condition compares the upstream head repository with this one), so only this repository's branches reach its write token",
    },
  });
}
