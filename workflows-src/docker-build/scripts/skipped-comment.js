// Comment for a pull request whose image build was skipped. Inputs: COMMIT_SHA, SKIP_REASON.
const { COMMIT_SHA, SKIP_REASON } = process.env;
await postComment(
  [
    "### Supply chain verification: skipped",
    "",
    `The image build was skipped for commit \`${COMMIT_SHA}\`: ${SKIP_REASON || "no reason given"}.`,
    "No image was built, so there was nothing to scan.",
  ].join("\n"),
);
