/**
 * `.github/workflows/docs.yml`: when the docs, the README or this workflow change on
 * main (or on demand), builds a static documentation site from the Markdown files
 * (`docs/build-site.sh`) and deploys it to GitHub Pages.
 */
import { actionsDeployPagesV4, actionsSetupNode, actionsUploadPagesArtifactV4, emittedWorkflowPath, job, scriptFile, scriptStep, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./docs/${file}`);

const buildSite = job("build", {}, () => ({
  name: "Build Documentation",
  "runs-on": "ubuntu-latest",
  // Only reads the code: the site goes to the deploy job as an artifact.
  permissions: { contents: "read" },
  steps: [
    checkout({ name: "📥 Checkout code" }),
    actionsSetupNode({ name: "🔧 Set up Node.js", with: { "node-version": "24.11.1" } }),
    scriptStep({ name: "📝 Build documentation site", run: script("build-site.sh") }),
    actionsUploadPagesArtifactV4({ name: "📤 Upload artifact", with: { path: "_site" } }),
  ],
}));

const deploy = job("deploy", { needs: buildSite }, () => {
  const deployment = actionsDeployPagesV4({ name: "🚀 Deploy to GitHub Pages", id: "deployment" });
  return {
    name: "Deploy to GitHub Pages",
    environment: { name: "github-pages", url: deployment.outputs.page_url },
    "runs-on": "ubuntu-latest",
    // What deploy-pages needs: the Pages deployment, and an OIDC token to prove the run.
    permissions: { pages: "write", "id-token": "write" },
    steps: [deployment, scriptStep({ name: "📋 Create deployment summary", env: { PAGE_URL: deployment.outputs.page_url }, run: script("deployment-summary.sh") })],
  };
});

/** Builds the documentation site workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Deploy Documentation to GitHub Pages",
    on: {
      push: { branches: ["main"], paths: ["docs/**", "README.md", emittedWorkflowPath(import.meta.url)] },
      workflow_dispatch: null,
    },
    permissions: {},
    // One deployment at a time; one in progress is never cancelled.
    concurrency: { group: "pages", "cancel-in-progress": false },
    jobs: [buildSite, deploy],
  });
}
