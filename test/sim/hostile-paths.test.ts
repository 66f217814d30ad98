/**
 * Event data never becomes a path. Each test runs the simulation with its temporary
 * folder inside a fresh directory that also holds a "victim" folder, feeds hostile
 * names and paths from a pull request's title, and checks that the victim is
 * untouched and that the step fails as upload-artifact fails, or that the run is
 * refused as unsupported instead of following the path.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { parseEvent } from "../../scripts/sim/event-description.ts";
import { simulate, type Plan } from "../../scripts/sim/simulate.ts";
import { UnsupportedFeature } from "../../scripts/sim/unsupported.ts";
import { parseWorkflowShape } from "../../scripts/sim/workflow-shape.ts";
import { artifactNameProblem } from "../../scripts/sim/models/artifact-store.ts";

const UPLOAD = "actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f";
const DOWNLOAD = "actions/download-artifact@37930b1c2abaa49bbe596cd826c3c89aef350131";

/** Runs `attack` with the simulation's temporary folders under a fresh directory beside a victim folder. */
async function withVictim(attack: (victim: string) => Promise<void>): Promise<void> {
  const place = mkdtempSync(path.join(tmpdir(), "hostile-paths-"));
  const victim = path.join(place, "victim");
  mkdirSync(victim);
  writeFileSync(path.join(victim, "keep.txt"), "precious\n");
  const saved = process.env["TMPDIR"];
  process.env["TMPDIR"] = place;
  try {
    await attack(victim);
    assert.deepEqual(readdirSync(victim), ["keep.txt"], "nothing was added to or removed from the victim");
    assert.equal(readFileSync(path.join(victim, "keep.txt"), "utf8"), "precious\n");
    assert.deepEqual(readdirSync(place).sort(), ["victim"], "the sandbox was removed");
  } finally {
    if (saved === undefined) delete process.env["TMPDIR"];
    else process.env["TMPDIR"] = saved;
    rmSync(place, { recursive: true, force: true });
  }
}

const pullRequest = (title: string) => parseEvent({ event: "pull_request", pr: 7, title });
const workflow = (steps: string) =>
  parseWorkflowShape(
    "hostile.yml",
    parse(`
on: pull_request
jobs:
  j:
    steps:
${steps}`),
  );
const stepsOf = (plan: Plan) => plan.jobs["j"]!.steps;
/** A file made by a script (which runs: it changes the environment), uploaded and downloaded under a name from the title. */
const ROUND_TRIP = workflow(`
      - id: make
        run: |
          echo data > "$RUNNER_TEMP/file.txt"
          echo "MADE=1" >> "$GITHUB_ENV"
      - uses: ${UPLOAD}
        with: { name: "\${{ github.event.pull_request.title }}", path: "\${{ runner.temp }}/file.txt" }
      - uses: ${DOWNLOAD}
        with: { name: "\${{ github.event.pull_request.title }}", path: "\${{ runner.temp }}/in" }`);

test("an artifact named ../../victim from a pull request title fails as upload-artifact fails, and touches nothing", async () => {
  await withVictim(async () => {
    const plan = await simulate(
      ROUND_TRIP,
      pullRequest("../../victim"),
    );
    const [, upload, download] = stepsOf(plan);
    assert.equal(upload!.result, "failure");
    assert.match(upload!.error ?? "", /^The artifact name is not valid: "\.\.\/\.\.\/victim"\. Contains the following character: Forward slash \//);
    assert.equal(download!.result, "skipped", "the failed upload stops the job");
    assert.deepEqual(plan.artifacts, []);
  });
});

test("a valid artifact name is never a path: names like .. are stored under their digest", async () => {
  await withVictim(async () => {
    const plan = await simulate(
      ROUND_TRIP,
      pullRequest(".."),
    );
    assert.deepEqual(stepsOf(plan).map((s) => s.result), ["success", "success", "success"]);
    assert.deepEqual(plan.artifacts.map((a) => [a.name, a.files]), [["..", ["file.txt"]]]);
  });
});

test("an upload or download path from the event that leaves the sandbox is refused, not followed", async () => {
  await withVictim(async (victim) => {
    // The sandbox's runner temp is <place>/workflow-sim-…/jobs/j/temp.
    for (const [place, title] of [
      ["", victim],
      ["\${{ runner.temp }}/", "../../../../victim"],
    ]) {
      await assert.rejects(
        simulate(workflow(`      - uses: ${UPLOAD}\n        with: { name: x, path: "${place}\${{ github.event.pull_request.title }}" }`), pullRequest(title!)),
        (error: unknown) => error instanceof UnsupportedFeature && /upload-artifact path .* outside the sandbox/.test(error.feature),
      );
    }
    await assert.rejects(
      simulate(
        workflow(`
      - id: make
        run: |
          echo data > "$RUNNER_TEMP/file.txt"
          echo "MADE=1" >> "$GITHUB_ENV"
      - uses: ${UPLOAD}
        with: { name: x, path: "\${{ runner.temp }}/file.txt" }
      - uses: ${DOWNLOAD}
        with: { name: x, path: "\${{ github.event.pull_request.title }}" }`),
        pullRequest(`../../../../${path.basename(path.dirname(victim))}/victim`),
      ),
      (error: unknown) => error instanceof UnsupportedFeature && /download-artifact path .* outside the sandbox/.test(error.feature),
    );
  });
});

test("a relative upload path is read from the job's workspace, never from the directory the simulation runs in", async () => {
  await withVictim(async () => {
    assert.ok(existsSync("package.json"), "the tests run in the project");
    const plan = await simulate(workflow(`      - uses: ${UPLOAD}\n        with: { name: x, path: "\${{ github.event.pull_request.title }}", if-no-files-found: error }`), pullRequest("package.json"));
    assert.equal(stepsOf(plan)[0]!.result, "failure");
    assert.match(stepsOf(plan)[0]!.error ?? "", /No files were found with the provided path: package\.json/);
  });
});

test("symbolic links a script makes cannot carry a copy out of the sandbox, or in from outside", async () => {
  await withVictim(async (victim) => {
    const linkStep = (link: string) => `
      - id: make
        env: { TARGET: "\${{ github.event.pull_request.title }}" }
        run: |
          echo data > "$RUNNER_TEMP/file.txt"
          ${link}
          echo "MADE=1" >> "$GITHUB_ENV"`;
    // Download into a link that points at the victim.
    await assert.rejects(
      simulate(
        workflow(`${linkStep('ln -s "$TARGET" "$RUNNER_TEMP/out"')}
      - uses: ${UPLOAD}
        with: { name: x, path: "\${{ runner.temp }}/file.txt" }
      - uses: ${DOWNLOAD}
        with: { name: x, path: "\${{ runner.temp }}/out" }`),
        pullRequest(victim),
      ),
      (error: unknown) => error instanceof UnsupportedFeature && /download-artifact path .*resolves to .*victim.*outside the sandbox/.test(error.feature),
    );
    // Upload a folder holding a link to the victim's file.
    await assert.rejects(
      simulate(
        workflow(`${linkStep('mkdir "$RUNNER_TEMP/dir" && ln -s "$TARGET/keep.txt" "$RUNNER_TEMP/dir/stolen"')}
      - uses: ${UPLOAD}
        with: { name: x, path: "\${{ runner.temp }}/dir" }`),
        pullRequest(victim),
      ),
      (error: unknown) => error instanceof UnsupportedFeature && /links to .*keep\.txt.*outside the sandbox/.test(error.feature),
    );
  });
});

test("artifact names follow upload-artifact's rules", () => {
  for (const name of ['a"b', "a:b", "a<b", "a>b", "a|b", "a*b", "a?b", "a\rb", "a\nb", "a\\b", "a/b", ""]) assert.ok(artifactNameProblem(name), JSON.stringify(name));
  for (const name of ["pr-image-42", "..", ".", "a b", "ünïcode"]) assert.equal(artifactNameProblem(name), undefined, name);
});

test("hashFiles of a path from the event that climbs out of the workspace is refused, not read", async () => {
  await withVictim(async () => {
    const hashing = workflow(`      - if: hashFiles(github.event.pull_request.title) != ''\n        run: "true"`);
    await assert.rejects(simulate(hashing, pullRequest("../../../../victim/keep.txt")), (error: unknown) => error instanceof UnsupportedFeature && /hashFiles path .* outside the sandbox/.test(error.feature));
  });
});
