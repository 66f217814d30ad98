/**
 * `.github/workflows/docs-deploy.yml`: builds the Docusaurus site in `docs-site/` (its
 * build syncs `docs/` first) when the docs change on main, and deploys it to GitHub
 * Pages. Only the deploy job holds the Pages and OIDC scopes.
 */
import { actionsDeployPages, actionsSetupNodeV7, actionsUploadPagesArtifact, emittedWorkflowPath, envVar, eq, github, job, scriptStep, tpl, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const buildSite = job("build", {}, () => ({
  name: "Build Documentation Site",
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read" },
  "timeout-minutes": 10,
  steps: [
    checkout({ name: "📥 Checkout code", release: "v7" }),
    actionsSetupNodeV7({ name: "🔧 Set up Node.js", with: { "node-version": envVar("NODE_VERSION"), cache: "npm", "cache-dependency-path": "docs-site/package-lock.json" } }),
    scriptStep({ name: "📦 Install dependencies", "working-directory": "docs-site", run: "npm ci" }),
    scriptStep({ name: "📝 Build documentation site", "working-directory": "docs-site", run: "npm run build" }),
    actionsUploadPagesArtifact({ name: "📤 Upload artifact", with: { path: "docs-site/build" } }),
  ],
}));

const deploy = job("deploy", { needs: buildSite }, () => {
  const deployment = actionsDeployPages({ name: "🚀 Deploy to GitHub Pages", id: "deployment" });
  return {
    name: "Deploy to GitHub Pages",
    if: eq(github.ref, "refs/heads/main"),
    "runs-on": "ubuntu-latest",
    // The deployment is verified through the OIDC token.
    permissions: { pages: "write", "id-token": "write" },
    "timeout-minutes": 5,
    environment: { name: "github-pages", url: deployment.outputs.page_url },
    steps: [deployment],
  };
});

/** Builds the documentation deployment workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Deploy Documentation Site",
    on: {
      push: { branches: ["main"], paths: ["docs-site/**", "docs/**", emittedWorkflowPath(import.meta.url)] },
      workflow_dispatch: null,
    },
    permissions: {},
    env: { NODE_VERSION: "24.21.0" },
    // One deployment at a time; a queued one waits rather than cancelling the running one.
    concurrency: { group: tpl`pages-${github.ref}`, "cancel-in-progress": false },
    jobs: [buildSite, deploy],
  });
}
