/**
 * `.github/workflows/codeql.yml`: CodeQL's analysis of the Go backend and the
 * TypeScript frontend (one matrix job per language) on pushes, pull requests into main
 * and development, and weekly. Each job summarises its findings and fails on an
 * error-level one. Pull requests from forks are skipped: their token cannot upload
 * results to code scanning.
 */
import { envVar, eq, event, github, githubCodeqlActionAnalyze, githubCodeqlActionAutobuild, githubCodeqlActionInit, job, matrix, ne, or, scriptFile, scriptStep, status, tpl, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { setupBackendGo } from "./shared/charon-toolchains.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./codeql/${file}`);

const analyze = job("analyze", {}, () => {
  const languages = matrix({ language: ["go", "javascript-typescript"] });
  return {
    name: tpl`CodeQL analysis (${languages.language})`,
    if: or(ne(github.eventName, "pull_request"), eq(event("pull_request").get("pull_request").get("head").get("repo").get("fork"), false)),
    "runs-on": "ubuntu-latest",
    permissions: { contents: "read", "security-events": "write", actions: "read", "pull-requests": "read" },
    strategy: { matrix: languages, "fail-fast": false },
    steps: [
      checkout({ name: "Checkout repository" }),
      githubCodeqlActionInit({
        name: "Initialize CodeQL",
        // The config excludes documented false positives (see .github/codeql/codeql-config.yml).
        with: { languages: languages.language, "config-file": "./.github/codeql/codeql-config.yml" },
      }),
      setupBackendGo(envVar("GO_VERSION"), { name: "Setup Go", if: eq(languages.language, "go") }),
      githubCodeqlActionAutobuild({ name: "Autobuild" }),
      githubCodeqlActionAnalyze({ name: "Perform CodeQL Analysis", with: { category: tpl`/language:${languages.language}` } }),
      scriptStep({ name: "Check CodeQL Results", if: status.always(), env: { LANGUAGE: languages.language }, run: script("summarize-results.sh") }),
      scriptStep({ name: "Fail on High-Severity Findings", if: status.always(), env: { LANGUAGE: languages.language }, run: script("fail-on-errors.sh") }),
    ],
  };
});

/** Builds the CodeQL workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "CodeQL - Analyze",
    on: {
      push: { branches: ["main", "development", "feature/**"] },
      pull_request: { branches: ["main", "development"] },
      schedule: [{ cron: "0 3 * * 1" }],
    },
    permissions: {},
    env: { GO_VERSION: "1.25.5" },
    concurrency: { group: tpl`${github.workflow}-${github.ref}`, "cancel-in-progress": true },
    jobs: [analyze],
  });
}
