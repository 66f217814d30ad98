const fs = require('fs');
const path = require('path');
const commitSha = process.env.COMMIT_SHA || context.sha;

// Manual file specification
const manualFile = process.env.MANUAL_FILE || '';
if (manualFile) {
  if (fs.existsSync(manualFile)) {
    core.setOutput('files', JSON.stringify([manualFile]));
    return;
  } else {
    core.setFailed(`File not found: ${manualFile}`);
    return;
  }
}

// Get changed files from commit
const { data: commit } = await github.rest.repos.getCommit({
  owner: context.repo.owner,
  repo: context.repo.repo,
  ref: commitSha
});

const changedFiles = (commit.files || [])
  .filter(f => f.filename.startsWith('docs/issues/'))
  .filter(f => !f.filename.startsWith('docs/issues/created/'))
  .filter(f => !f.filename.includes('_TEMPLATE'))
  .filter(f => !f.filename.includes('README'))
  .filter(f => f.filename.endsWith('.md'))
  .filter(f => f.status !== 'removed')
  .map(f => f.filename);

console.log('Changed issue files:', changedFiles);
core.setOutput('files', JSON.stringify(changedFiles));
