/**
 * artifact-contract: a download whose artifact name no job in its `needs` chain
 * uploads. Producer and consumer of an artifact are often written apart; a name that
 * differs by one word fails only on the consumer's next run. Only what can be known
 * is checked: a literal download name that no upload name of the chain can take (a
 * `${{ }}` in an upload's name stands for any text), in a chain that uploads artifacts
 * (with none, an action or another run provides it), every job of the chain in this
 * file (not a call of a reusable workflow), the artifact of this run (no `run-id`, no
 * `pattern`); or a download of an artifact that a job outside the needs chain uploads. In the
 * workflows the project emits, its docker-build contract is checked too: a file read
 * from the download folder (with the extension of a file the upload sent) that the
 * matching upload did not send.
 */
import { splitTemplate } from "../../../workflows-src/kit/expression-syntax.ts";
import type { Rule } from "../rule.ts";
import { artifactNameOf, DOWNLOAD_ACTION, UPLOAD_ACTION, uploadedFiles } from "../products.ts";
import { actionOf, isYamlMap, jobsOf, needsOf, scalarsOf, stepLabel, stepsOf, type JobEntry, type StepEntry } from "../walk.ts";

export const artifactContract: Rule = {
  id: "artifact-contract",
  severity: "error",
  what: "a download whose artifact no needed job uploads, or a downloaded file the upload did not contain",
  why: "artifact names and files are a contract between jobs; a mismatch fails only when the consumer runs",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo image > image.tar
      - uses: actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f # v6.0.0
        with:
          name: charon-pr-image
          path: image.tar
  verify:
    needs: build
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - uses: actions/download-artifact@37930b1c2abaa49bbe596cd826c3c89aef350131 # v7.0.0
        with:
          name: pr-image
`,
    passing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo image > image.tar
      - uses: actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f # v6.0.0
        with:
          name: charon-pr-image
          path: image.tar
  verify:
    needs: build
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - uses: actions/download-artifact@37930b1c2abaa49bbe596cd826c3c89aef350131 # v7.0.0
        with:
          name: charon-pr-image
`,
  },
  check(document, report) {
    const jobs = new Map(jobsOf(document.workflow).map((j) => [j.id, j]));
    for (const job of jobs.values()) {
      const steps = stepsOf(job);
      const downloads = steps.filter((s) => actionOf(s.step) === DOWNLOAD_ACTION);
      if (!downloads.length) continue;
      const chain = ancestors(job, jobs);
      const uploads = chain.flatMap((j) => stepsOf(j).filter((s) => actionOf(s.step) === UPLOAD_ACTION));
      // A job that calls a reusable workflow uploads what that workflow's steps upload, in another file; an action may
      // upload one itself. Only a chain that uploads artifacts, none of them this one, shows a mismatch.
      const uploadsKnown = uploads.length > 0 && !chain.some((j) => typeof j.job["uses"] === "string") && uploads.every((u) => artifactNameOf(u.step) !== undefined);
      for (const download of downloads) {
        const inputs = isYamlMap(download.step["with"]) ? download.step["with"] : {};
        const name = artifactNameOf(download.step);
        if (name === undefined || !isLiteral(name) || inputs["run-id"] !== undefined || inputs["pattern"] !== undefined) continue;
        const uploadsName = (u: StepEntry): boolean => namePattern(artifactNameOf(u.step) ?? "")?.test(name) ?? true;
        const matching = uploads.filter(uploadsName);
        if (!matching.length) {
          const elsewhere = [...jobs.values()].find((j) => j !== job && !chain.includes(j) && stepsOf(j).some((s) => actionOf(s.step) === UPLOAD_ACTION && uploadsName(s)));
          if (elsewhere) {
            const problem = `step "${stepLabel(download)}" downloads artifact "${name}", which job "${elsewhere.id}" uploads, but "${job.id}" does not need "${elsewhere.id}" (directly or through its needs), so it can run first`;
            report(`${download.path}.with.name`, `${problem}; add "${elsewhere.id}" to its needs`, `${problem}; add that job to its needs: [...]`);
          } else if (uploadsKnown) {
            const uploaded = uploads.flatMap((u) => artifactNameOf(u.step) ?? []);
            const problem = `step "${stepLabel(download)}" downloads artifact "${name}" but no job in the needs chain of "${job.id}" uploads it (uploaded: ${uploaded.map((n) => `"${n}"`).join(", ")})`;
            report(`${download.path}.with.name`, `${problem}; download the name the upload sends`, `${problem}; make the upload and the download from one artifactContract(…)`);
          }
          continue;
        }
        const folder = inputs["path"];
        const files = new Set(matching.flatMap((u) => uploadedFiles(u.step)));
        const extensions = new Set([...files].map(extensionOf));
        if (!document.emitted || typeof folder !== "string" || !files.size) continue;
        for (const later of steps.filter((s) => s.index > download.index)) {
          for (const scalar of scalarsOf(later.step, later.path)) {
            for (const file of filesUnder(scalar.value, folder)) {
              // Only a file of the kind the artifact carries is taken for a read of it; other names are the job's own files.
              if (files.has(file) || !extensions.has(extensionOf(file))) continue;
              const problem = `step "${stepLabel(later)}" reads "${folder}/${file}" but artifact "${name}" holds ${[...files].map((f) => `"${f}"`).join(", ")}`;
              report(scalar.path, `${problem}; read the file the upload sends`, `${problem}; read the artifact contract's path (pass it through env:) instead of writing the file name again`);
            }
          }
        }
      }
    }
  },
};

function isLiteral(name: string | undefined): name is string {
  return name !== undefined && !name.includes("${{");
}

/** The names an upload's name can take: its text literally, each `${{ }}` as any text; undefined when it does not parse. */
function namePattern(name: string): RegExp | undefined {
  try {
    const parts = splitTemplate(name).map((part) => (part.kind === "text" ? part.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : "[\\s\\S]*"));
    return new RegExp(`^${parts.join("")}$`);
  } catch {
    return undefined;
  }
}

/** Every job the job needs, directly or through other jobs (walked with a list, not recursion, for long chains). */
function ancestors(job: JobEntry, jobs: ReadonlyMap<string, JobEntry>): JobEntry[] {
  const found = new Set<JobEntry>();
  const pending = [...needsOf(job.job)];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const needed = jobs.get(id);
    if (!needed || found.has(needed)) continue;
    found.add(needed);
    pending.push(...needsOf(needed.job));
  }
  return [...found];
}

/** Names of files directly under the folder that a value mentions (`<folder>/<name>`), up to the next space or quote. */
function filesUnder(value: string | number | boolean, folder: string): string[] {
  if (typeof value !== "string") return [];
  const prefix = `${folder.replace(/\/+$/, "")}/`;
  const names: string[] = [];
  for (let at = value.indexOf(prefix); at >= 0; at = value.indexOf(prefix, at + prefix.length)) {
    const rest = value.slice(at + prefix.length);
    const name = rest.split(/[\s"'/;|&)]/)[0] ?? "";
    if (name && !name.startsWith("$")) names.push(name);
  }
  return names;
}

function extensionOf(file: string): string {
  const dot = file.lastIndexOf(".");
  return dot > 0 ? file.slice(dot) : "";
}
