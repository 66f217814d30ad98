const owner = context.repo.owner;
const repo = context.repo.repo;

const { data: nightlyBranch } = await github.rest.repos.getBranch({
  owner,
  repo,
  branch: 'nightly',
});
const nightlyHeadSha = nightlyBranch.commit.sha;
core.info(`Current nightly HEAD: ${nightlyHeadSha}`);

const workflows = [
  { id: 'e2e-tests-split.yml' },
  { id: 'codecov-upload.yml', inputs: { run_backend: 'true', run_frontend: 'true' } },
  { id: 'supply-chain-verify.yml' },
  { id: 'codeql.yml' },
];

core.info('Skipping security-pr.yml: PR-only workflow intentionally excluded from nightly non-PR dispatch');

for (const workflow of workflows) {
  const { data: workflowRuns } = await github.rest.actions.listWorkflowRuns({
    owner,
    repo,
    workflow_id: workflow.id,
    branch: 'nightly',
    per_page: 50,
  });

  const hasRunForHead = workflowRuns.workflow_runs.some(
    (run) => run.head_sha === nightlyHeadSha,
  );

  if (hasRunForHead) {
    core.info(`Skipping dispatch for ${workflow.id}; run already exists for nightly HEAD`);
    continue;
  }

  await github.rest.actions.createWorkflowDispatch({
    owner,
    repo,
    workflow_id: workflow.id,
    ref: 'nightly',
    ...(workflow.inputs ? { inputs: workflow.inputs } : {}),
  });
  core.info(`Dispatched ${workflow.id} on nightly (missing run for HEAD)`);
}
