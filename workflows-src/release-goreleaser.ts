/**
 * `.github/workflows/release-goreleaser.yml`: a pushed `v*` tag (not a `-candidate`
 * or `-rc` one) is released by GoReleaser, with the frontend built into it and Zig for
 * cross-compiling. A guard stops the release until the repository variable
 * `CHARON_PR2_GATES_PASSED` is `true`.
 */
import { and, contains, envVar, github, goreleaserGoreleaserAction, job, mluggSetupZig, not, scriptFile, scriptStep, secret, tpl, toJSON, unnamed, variables, workflow, actionsSetupNode, type BuiltWorkflow } from "./kit/index.ts";
import { setupBackendGo } from "./shared/charon-toolchains.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./release-goreleaser/${file}`);

const goreleaser = job("goreleaser", {}, () => ({
  name: unnamed,
  if: and(not(contains(github.refName, "-candidate")), not(contains(github.refName, "-rc"))),
  "runs-on": "ubuntu-latest",
  // The release and its assets, and packages.
  permissions: { contents: "write", packages: "write" },
  // The workflow token for GitHub's API (a token with more rights would be mapped here).
  env: { GITHUB_TOKEN: secret("GITHUB_TOKEN") },
  steps: [
    // The whole history, for GoReleaser's changelog; it publishes through the API, not with git.
    checkout({ history: 0 }),
    scriptStep({ name: "Enforce PR-2 release promotion guard", env: { REPO_VARS_JSON: toJSON(variables) }, run: script("enforce-promotion-guard.sh") }),
    setupBackendGo(envVar("GO_VERSION")),
    actionsSetupNode({ name: "Set up Node.js", with: { "node-version": envVar("NODE_VERSION") } }),
    scriptStep({ name: "Build Frontend", "working-directory": "frontend", run: script("build-frontend.sh") }),
    mluggSetupZig({ name: "Install Cross-Compilation Tools (Zig)", with: { version: "0.13.0" } }),
    // CGO settings for the cross-compilation are in .goreleaser.yaml.
    goreleaserGoreleaserAction({
      name: "Run GoReleaser",
      env: { GITHUB_TOKEN: secret("GITHUB_TOKEN") },
      with: { distribution: "goreleaser", version: "~> v2.5", args: "release --clean" },
    }),
  ],
}));

/** Builds the release workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Release (GoReleaser)",
    on: { push: { tags: ["v*"] } },
    permissions: {},
    env: { GO_VERSION: "1.26.2", NODE_VERSION: "24.12.0", GOTOOLCHAIN: "auto" },
    concurrency: { group: tpl`${github.workflow}-${github.ref}`, "cancel-in-progress": false },
    jobs: [goreleaser],
  });
}
