// Comment with the supply chain verification result. Inputs: COMMIT_SHA, IMAGE_REF,
// COMPONENTS, CRITICAL, HIGH, MEDIUM, LOW, RUN_URL.
const env = process.env;
const count = (name) => Number.parseInt(env[name] ?? "", 10);
const critical = count("CRITICAL");
const high = count("HIGH");
const status = critical > 0 ? "blocked: critical vulnerabilities" : high > 0 ? "warning: high vulnerabilities" : "passed";
await postComment(
  [
    `### Supply chain verification: ${status}`,
    "",
    `- Commit: \`${env.COMMIT_SHA}\``,
    `- Image: \`${env.IMAGE_REF}\``,
    `- Components in the SBOM: ${env.COMPONENTS}`,
    "",
    "| Severity | Count |",
    "| --- | --- |",
    `| Critical | ${env.CRITICAL} |`,
    `| High | ${env.HIGH} |`,
    `| Medium | ${env.MEDIUM} |`,
    `| Low | ${env.LOW} |`,
    "",
    `[Workflow run](${env.RUN_URL})`,
  ].join("\n"),
);
