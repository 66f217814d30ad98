const fs = require('fs');
const path = require('path');
const matter = require('gray-matter');

const files = JSON.parse(process.env.FILES);
const isDryRun = process.env.DRY_RUN === 'true';
const createdIssues = [];
const errors = [];

if (files.length === 0) {
  console.log('No issue files to process');
  core.setOutput('created_count', 0);
  core.setOutput('created_issues', '[]');
  core.setOutput('errors', '[]');
  return;
}

// Label color map
const labelColors = {
  testing: 'BFD4F2',
  feature: 'A2EEEF',
  enhancement: '84B6EB',
  bug: 'D73A4A',
  documentation: '0075CA',
  backend: '1D76DB',
  frontend: '5EBEFF',
  security: 'EE0701',
  ui: '7057FF',
  caddy: '1F6FEB',
  'needs-triage': 'FBCA04',
  acl: 'C5DEF5',
  regression: 'D93F0B',
  'manual-testing': 'BFD4F2',
  'bulk-acl': '006B75',
  'error-handling': 'D93F0B',
  'ui-ux': '7057FF',
  integration: '0E8A16',
  performance: 'EDEDED',
  'cross-browser': '5319E7',
  plus: 'FFD700',
  beta: '0052CC',
  alpha: '5319E7',
  high: 'D93F0B',
  medium: 'FBCA04',
  low: '0E8A16',
  critical: 'B60205',
  architecture: '006B75',
  database: '006B75',
  'post-beta': '006B75'
};

// Helper: Ensure label exists
async function ensureLabel(name) {
  try {
    await github.rest.issues.getLabel({
      owner: context.repo.owner,
      repo: context.repo.repo,
      name: name
    });
  } catch (e) {
    if (e.status === 404) {
      await github.rest.issues.createLabel({
        owner: context.repo.owner,
        repo: context.repo.repo,
        name: name,
        color: labelColors[name.toLowerCase()] || '666666'
      });
      console.log(`Created label: ${name}`);
    }
  }
}

// Helper: Parse markdown file
function parseIssueFile(filePath) {
  const content = fs.readFileSync(filePath, 'utf8');
  const { data: frontmatter, content: body } = matter(content);

  // Extract title: frontmatter > first H1 > filename
  let title = frontmatter.title;
  if (!title) {
    const h1Match = body.match(/^#\s+(.+)$/m);
    title = h1Match ? h1Match[1] : path.basename(filePath, '.md').replace(/-/g, ' ');
  }

  // Build labels array
  const labels = [...(frontmatter.labels || [])];
  if (frontmatter.priority) labels.push(frontmatter.priority);
  if (frontmatter.type) labels.push(frontmatter.type);

  return {
    title,
    body: body.trim(),
    labels: [...new Set(labels)],
    assignees: frontmatter.assignees || [],
    milestone: frontmatter.milestone,
    parent_issue: frontmatter.parent_issue,
    create_sub_issues: frontmatter.create_sub_issues || false
  };
}

// Helper: Extract sub-issues from H2 sections
function extractSubIssues(body, parentLabels) {
  const sections = [];
  const lines = body.split('\n');
  let currentSection = null;
  let currentBody = [];

  for (const line of lines) {
    const h2Match = line.match(/^##\s+(?:Sub-Issue\s*#?\d*:?\s*)?(.+)$/);
    if (h2Match) {
      if (currentSection) {
        sections.push({
          title: currentSection,
          body: currentBody.join('\n').trim(),
          labels: [...parentLabels]
        });
      }
      currentSection = h2Match[1].trim();
      currentBody = [];
    } else if (currentSection) {
      currentBody.push(line);
    }
  }

  if (currentSection) {
    sections.push({
      title: currentSection,
      body: currentBody.join('\n').trim(),
      labels: [...parentLabels]
    });
  }

  return sections;
}

// Process each file
for (const filePath of files) {
  console.log(`\nProcessing: ${filePath}`);

  try {
    const parsed = parseIssueFile(filePath);
    console.log(`  Title: ${parsed.title}`);
    console.log(`  Labels: ${parsed.labels.join(', ')}`);

    if (isDryRun) {
      console.log('  [DRY RUN] Would create issue');
      createdIssues.push({ file: filePath, title: parsed.title, dryRun: true });
      continue;
    }

    // Ensure labels exist
    for (const label of parsed.labels) {
      await ensureLabel(label);
    }

    // Create the main issue
    const issueBody = parsed.body +
      `\n\n---\n*Auto-created from [${path.basename(filePath)}](https://github.com/${context.repo.owner}/${context.repo.repo}/blob/${context.sha}/${filePath})*`;

    const issueResponse = await github.rest.issues.create({
      owner: context.repo.owner,
      repo: context.repo.repo,
      title: parsed.title,
      body: issueBody,
      labels: parsed.labels,
      assignees: parsed.assignees
    });

    const issueNumber = issueResponse.data.number;
    console.log(`  Created issue #${issueNumber}`);

    // Handle sub-issues
    if (parsed.create_sub_issues) {
      const subIssues = extractSubIssues(parsed.body, parsed.labels);
      for (const sub of subIssues) {
        for (const label of sub.labels) {
          await ensureLabel(label);
        }
        const subResponse = await github.rest.issues.create({
          owner: context.repo.owner,
          repo: context.repo.repo,
          title: `[${parsed.title}] ${sub.title}`,
          body: sub.body + `\n\n---\n*Sub-issue of #${issueNumber}*`,
          labels: sub.labels,
          assignees: parsed.assignees
        });
        console.log(`    Created sub-issue #${subResponse.data.number}: ${sub.title}`);
      }
    }

    // Link to parent issue if specified
    if (parsed.parent_issue) {
      await github.rest.issues.createComment({
        owner: context.repo.owner,
        repo: context.repo.repo,
        issue_number: parsed.parent_issue,
        body: `Sub-issue created: #${issueNumber}`
      });
    }

    createdIssues.push({
      file: filePath,
      title: parsed.title,
      issueNumber
    });

  } catch (error) {
    console.error(`  Error processing ${filePath}: ${error.message}`);
    errors.push({ file: filePath, error: error.message });
  }
}

core.setOutput('created_count', createdIssues.length);
core.setOutput('created_issues', JSON.stringify(createdIssues));
core.setOutput('errors', JSON.stringify(errors));

if (errors.length > 0) {
  core.warning(`${errors.length} file(s) had errors`);
}
