/**
 * artifact-contract: a download whose artifact name no job in its `needs` chain
 * uploads, or a file read from the download folder (with the extension of a file
 * the upload sent) that the matching upload did not send. Producer and consumer of an artifact are often written apart; a name
 * or file that differs by one word fails only on the consumer's next run.
 */
import type { Rule } from "../rule.ts";
import { artifactNameOf, DOWNLOAD_ACTION, UPLOAD_ACTION, uploadedFiles } from "../products.ts";
import { actionOf, isYamlMap, jobsOf, needsOf, scalarsOf, stepLabel, stepsOf, type JobEntry } from "../walk.ts";

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
      const uploads = ancestors(job, jobs).flatMap((j) => stepsOf(j).filter((s) => actionOf(s.step) === UPLOAD_ACTION));
      for (const download of steps.filter((s) => actionOf(s.step) === DOWNLOAD_ACTION)) {
        const inputs = isYamlMap(download.step["with"]) ? download.step["with"] : {};
        const name = artifactNameOf(download.step);
        if (name === undefined) continue;
        const matching = uploads.filter((u) => artifactNameOf(u.step) === name);
        if (!matching.length) {
          const uploaded = uploads.flatMap((u) => artifactNameOf(u.step) ?? []);
          const known = uploaded.length ? `uploaded: ${uploaded.map((n) => `"${n}"`).join(", ")}` : "none uploads an artifact";
          report(`${download.path}.with.name`, `step "${stepLabel(download)}" downloads artifact "${name}" but no job in the needs chain of "${job.id}" uploads it (${known}); use one artifact contract for both sides`);
          continue;
        }
        const folder = inputs["path"];
        const files = new Set(matching.flatMap((u) => uploadedFiles(u.step)));
        const extensions = new Set([...files].map(extensionOf));
        if (typeof folder !== "string" || !files.size) continue;
        for (const later of steps.filter((s) => s.index > download.index)) {
          for (const scalar of scalarsOf(later.step, later.path)) {
            for (const file of filesUnder(scalar.value, folder)) {
              // Only a file of the kind the artifact carries is taken for a read of it; other names are the job's own files.
              if (files.has(file) || !extensions.has(extensionOf(file))) continue;
              report(scalar.path, `step "${stepLabel(later)}" reads "${folder}/${file}" but artifact "${name}" holds ${[...files].map((f) => `"${f}"`).join(", ")}; read the file the upload sends (take the name from the artifact contract)`);
            }
          }
        }
      }
    }
  },
};

/** Every job the job needs, directly or through other jobs. */
function ancestors(job: JobEntry, jobs: ReadonlyMap<string, JobEntry>): JobEntry[] {
  const found = new Set<JobEntry>();
  const visit = (id: string): void => {
    const needed = jobs.get(id);
    if (!needed || found.has(needed)) return;
    found.add(needed);
    needsOf(needed.job).forEach(visit);
  };
  needsOf(job.job).forEach(visit);
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
