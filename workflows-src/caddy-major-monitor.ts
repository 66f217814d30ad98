/**
 * `.github/workflows/caddy-major-monitor.yml`: every Monday, and on demand, looks for a
 * Caddy v3 release upstream and opens an issue to track the upgrade (once per
 * release: an open issue with the same title means nothing to do).
 */
import { actionsGithubScriptV9, github, githubScriptStep, job, scriptFile, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";

const checkCaddyMajor = job("check-caddy-major", {}, () => ({
  name: unnamed,
  "runs-on": "ubuntu-latest",
  // Upstream releases are public; the issues of this repository are listed and created.
  permissions: { issues: "write" },
  steps: [
    githubScriptStep({
      name: "Check for Caddy v3 and open issue",
      version: actionsGithubScriptV9,
      script: scriptFile(import.meta.url, "./caddy-major-monitor/open-upgrade-issue.js"),
    }),
  ],
}));

/** Builds the weekly Caddy major-release monitor. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Monitor Caddy Major Release",
    // Mondays at 07:17 UTC.
    on: { schedule: [{ cron: "17 7 * * 1" }], workflow_dispatch: {} },
    permissions: {},
    // One run at a time: two runs could both find no issue and open it twice.
    concurrency: { group: github.workflow, "cancel-in-progress": false },
    jobs: [checkCaddyMajor],
  });
}
