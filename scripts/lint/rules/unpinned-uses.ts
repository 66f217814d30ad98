/**
 * unpinned-uses: a `uses:` must name a full 40-hex commit, since tags and branches can
 * move, and a `docker://` image an `@sha256:` digest. Local `./` and self-repository
 * `$/` references run the workflow's own commit and pass. On the workflows this
 * project emits, its policy applies too: the commit must be the pin table's
 * (workflows-src/kit/actions.manifest.json), with a `# <tag>` comment that agrees.
 * Anchors: zizmor unpinned-uses and ref-version-mismatch, Scorecard Pinned-Dependencies.
 */
import { isScalar } from "yaml";
import { pathSegments } from "../../files/yaml-path.ts";
import type { WorkflowDocument } from "../document.ts";
import type { Report, Rule } from "../rule.ts";
import { allSteps, jobsOf } from "../walk.ts";
import { manifestFile } from "../../actions/action-manifest.ts";
import { usesOf, type Pin } from "../../../workflows-src/kit/pins.ts";
import { allPins } from "../../actions/pin-table.ts";
import { bindingName } from "../../actions/render-bindings.ts";

const COMMIT = /^[0-9a-f]{40}$/;
const DIGEST = /@sha256:[0-9a-f]{64}$/;

export const unpinnedUses: Rule = {
  id: "unpinned-uses",
  severity: "error",
  documents: ["workflow", "action"],
  what: "a `uses:` that is not pinned to a full commit (in emitted workflows: one of the pin table, with its `# <tag>` comment), or a `docker://` image not pinned by digest",
  why: "tags and branches can be moved to other code after review; a commit pin with the right tag beside it is reviewable and cannot change under the workflow",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@v6
        with:
          persist-credentials: false
`,
    passing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6.0.1
        with:
          persist-credentials: false
`,
  },
  check(document, report) {
    for (const job of jobsOf(document.workflow)) {
      if (typeof job.job["uses"] === "string") checkUses(document, `${job.path}.uses`, job.job["uses"], report);
    }
    for (const step of allSteps(document.workflow)) {
      if (typeof step.step["uses"] === "string") checkUses(document, `${step.path}.uses`, step.step["uses"], report);
    }
  },
};

function checkUses(document: WorkflowDocument, path: string, uses: string, report: Report): void {
  if (uses.startsWith("./") || uses.startsWith("$/")) return;
  if (uses.startsWith("docker://")) {
    if (!DIGEST.test(uses)) report(path, `image "${uses}" is not pinned by digest; use "docker://<image>@sha256:<digest>"`);
    return;
  }
  const at = uses.lastIndexOf("@");
  const action = at < 0 ? uses : uses.slice(0, at);
  const ref = at < 0 ? "" : uses.slice(at + 1);
  if (!document.emitted) {
    if (!COMMIT.test(ref)) report(path, `"${uses}" is not pinned to a full commit; write "${action}@<40-hex commit> # ${ref || "<tag>"}" (the commit the tag points at)`);
    return;
  }
  const known = allPins().filter((pin) => pin.action === action);
  // In the kit every action is used through its generated binding, which writes the pin table's commit and tag.
  const kit = `use the action through its generated binding, ${bindingName(action)}(…) from generated/actions/${known.length ? "" : `, after adding "${action}" to ${manifestFile} (then \`npm run sync-actions\`)`}`;
  const advice = known.length ? `use ${known.map(pinText).join(" or ")}` : `add "${action}" to the pin table (${manifestFile}) with its commit and tag`;
  if (!COMMIT.test(ref)) {
    report(path, `"${uses}" is not pinned to a full commit; ${advice}`, `"${uses}" is not pinned to a full commit; ${kit}`);
    return;
  }
  const pin = known.find((p) => p.commit === ref);
  if (!pin) {
    report(path, `"${uses}" is not a commit of the pin table; ${advice}`, `"${uses}" is not a commit of the pin table; ${kit}`);
    return;
  }
  const comment = commentOf(document, path);
  if (comment === undefined) report(path, `"${uses}" has no "# <tag>" comment; write ${pinText(pin)}`, `"${uses}" has no "# <tag>" comment; ${kit}`);
  else if (comment !== pin.tag) report(path, `the comment "# ${comment}" on "${uses}" disagrees with the pin table's tag "${pin.tag}"; write ${pinText(pin)}`, `the comment "# ${comment}" on "${uses}" disagrees with the pin table's tag "${pin.tag}"; ${kit}`);
}

function pinText(pin: Pin): string {
  return `"${usesOf(pin)} # ${pin.tag}"`;
}

/** The comment on the same line as the `uses:` value, trimmed; undefined when there is none. */
function commentOf(document: WorkflowDocument, path: string): string | undefined {
  const node = document.yaml.getIn(pathSegments(path), true);
  if (!isScalar(node) || node.comment === undefined || node.comment === null) return undefined;
  const text = node.comment.trim();
  return text === "" ? undefined : text;
}
