// Determine PR number from context
let prNumber;
if (context.eventName === 'pull_request') {
  prNumber = context.issue.number;
} else if (context.eventName === 'workflow_run') {
  const pullRequests = context.payload.workflow_run.pull_requests;
  if (pullRequests && pullRequests.length > 0) {
    prNumber = pullRequests[0].number;
  }
}

if (!prNumber) {
  console.log('No PR number found');
  return '';
}

console.log(`Found PR number: ${prNumber}`);
return prNumber;
