/**
 * `.github/workflows/container-prune.yml`: every Sunday (and on demand, with its
 * settings as inputs) deletes old, unprotected images of `charon` from GHCR and Docker
 * Hub, then reports how much space it reclaimed and keeps the log as an artifact.
 */
import { actionsUploadArtifact, github, job, lines, orElse, scriptFile, scriptStep, secret, status, tpl, unnamed, workflow, workflowDispatch, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const dispatch = workflowDispatch({
  inputs: {
    registries: { description: "Comma-separated registries to prune (ghcr,dockerhub)", required: false, default: "ghcr,dockerhub" },
    keep_days: { description: "Number of days to retain images (unprotected)", required: false, default: "30" },
    dry_run: { description: "If true, only logs candidates and does not delete (default: false for active cleanup)", required: false, default: "false" },
    keep_last_n: { description: "Keep last N newest images (global)", required: false, default: "30" },
  },
});

/** A dispatch input, or its declared default on a run without inputs. */
const withDefault = (name: keyof typeof dispatch.specs) => orElse(dispatch.inputs[name], dispatch.specs[name].default);

/** The prune's log, written by the prune step and read by the summary. */
const logFile = tpl`prune-${github.runId}.log`;
/** The totals scripts/prune-container-images.sh writes under this fixed name (when it gets that far). */
const summaryFile = "prune-summary.env";

const prune = job("prune", {}, () => ({
  name: unnamed,
  "runs-on": "ubuntu-latest",
  // Deletes package versions; reads the repository for the prune script.
  permissions: { packages: "write", contents: "read" },
  env: {
    OWNER: github.repositoryOwner,
    IMAGE_NAME: "charon",
    // A scheduled run has no inputs: the declared defaults apply.
    REGISTRIES: withDefault("registries"),
    KEEP_DAYS: withDefault("keep_days"),
    KEEP_LAST_N: withDefault("keep_last_n"),
    DRY_RUN: withDefault("dry_run"),
    PROTECTED_REGEX: '["^v","^latest$","^main$","^develop$"]',
  },
  steps: [
    checkout(),
    scriptStep({ name: "Install tools", run: "sudo apt-get update && sudo apt-get install -y jq curl\n" }),
    scriptStep({
      name: "Run container prune",
      env: { GITHUB_TOKEN: secret("GITHUB_TOKEN"), DOCKERHUB_USERNAME: secret("DOCKERHUB_USERNAME"), DOCKERHUB_TOKEN: secret("DOCKERHUB_TOKEN"), LOG_FILE: logFile },
      run: 'chmod +x scripts/prune-container-images.sh\n./scripts/prune-container-images.sh 2>&1 | tee "$LOG_FILE"\n',
    }),
    scriptStep({
      name: "Summarize prune results (space reclaimed)",
      if: status.always(),
      env: { LOG_FILE: logFile, SUMMARY_FILE: summaryFile },
      run: scriptFile(import.meta.url, "./container-prune/summarize.sh"),
      waive: {
        "fail-open-gate": "the summary only reports the totals for reading (a total it cannot read shows as 0); nothing passes or fails on them",
      },
    }),
    actionsUploadArtifact({
      name: "Upload prune artifacts",
      if: status.always(),
      with: { name: tpl`prune-log-${github.runId}`, path: lines(logFile, summaryFile) },
    }),
  ],
}));

/** Builds the registry prune workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Container Registry Prune",
    on: {
      // Weekly: Sundays at 03:00 UTC.
      schedule: [{ cron: "0 3 * * 0" }],
      workflow_dispatch: dispatch,
    },
    permissions: {},
    jobs: [prune],
  });
}
