/**
 * `.github/workflows/auto-versioning.yml`: every push to main computes the next
 * semantic version from the commit messages since the last tag and, when it changed
 * and has no release yet, publishes a GitHub release (which creates the tag).
 *
 * Charon's rules: `feat:` bumps the minor version, every other commit the patch; a major
 * version is only ever tagged by hand, so its pattern is one no commit matches.
 */
import { and, eq, github, job, paulhatchSemanticVersion, scriptFile, scriptStep, secret, softpropsActionGhRelease, tpl, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./auto-versioning/${file}`);

const version = job("version", {}, () => {
  const semver = paulhatchSemanticVersion({
    name: "Calculate Semantic Version",
    id: "semver",
    with: {
      tag_prefix: "v",
      major_pattern: "/__MANUAL_MAJOR_BUMP_ONLY__/",
      minor_pattern: "/^feat(\\(.+\\))?:/",
      version_format: "${major}.${minor}.${patch}",
      version_from_branch: "0.0.0",
      search_commit_body: true,
      enable_prerelease_mode: false,
    },
  });
  const determineTag = scriptStep({
    name: "Determine tag name",
    id: "determine_tag",
    outputs: ["tag"],
    env: { SEMVER_VERSION: semver.outputs.version },
    run: script("determine-tag.sh"),
  });
  const checkRelease = scriptStep({
    name: "Check for existing GitHub Release",
    id: "check_release",
    outputs: ["exists"],
    env: { GITHUB_TOKEN: secret("GITHUB_TOKEN"), RELEASE_TAG: determineTag.outputs.tag },
    run: script("check-release.sh"),
  });
  const isNewRelease = and(eq(semver.outputs.changed, "true"), eq(checkRelease.outputs.exists, "false"));
  return {
    name: unnamed,
    "runs-on": "ubuntu-latest",
    // The release is created through the API, which also creates its tag.
    permissions: { contents: "write" },
    steps: [
      // The whole history: the version is computed from every commit since the last tag.
      checkout({ history: 0 }),
      semver,
      scriptStep({
        name: "Show version",
        env: { SEMVER_VERSION: semver.outputs.version, SEMVER_CHANGED: semver.outputs.changed },
        run: 'echo "Next version: ${SEMVER_VERSION}"\necho "Version changed: ${SEMVER_CHANGED}"\n',
      }),
      determineTag,
      checkRelease,
      softpropsActionGhRelease({
        name: "Create GitHub Release (creates tag via API)",
        if: isNewRelease,
        env: { GITHUB_TOKEN: secret("GITHUB_TOKEN") },
        with: {
          tag_name: determineTag.outputs.tag,
          name: tpl`Release ${determineTag.outputs.tag}`,
          generate_release_notes: true,
          make_latest: true,
          draft: false,
          prerelease: false,
        },
      }),
      scriptStep({
        name: "Output release information",
        if: isNewRelease,
        env: { RELEASE_TAG: determineTag.outputs.tag, REPOSITORY: github.repository },
        run: 'echo "✅ Successfully created release: ${RELEASE_TAG}"\necho "📦 Release URL: https://github.com/${REPOSITORY}/releases/tag/${RELEASE_TAG}"\n',
      }),
    ],
  };
});

/** Builds the workflow that versions and releases main. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Auto Versioning and Release",
    on: { push: { branches: ["main"] } },
    permissions: {},
    // A release in progress is never cancelled.
    concurrency: { group: tpl`${github.workflow}-${github.ref}`, "cancel-in-progress": false },
    jobs: [version],
  });
}
