/**
 * download-exec: a `run:` script that pipes `curl`/`wget` into a shell or interpreter,
 * feeds a download to one (`bash <(curl …)`, `sh -c "$(curl …)"`), or saves a script and
 * runs it, executes whatever the server returns that day, unpinned and unreviewed.
 * Shell text is read by simple tokenising (scripts/lint/shell-text.ts). Anchor: Scorecard Pinned-Dependencies.
 */
import { commandName, commandWords, pipelinesOf, substitutionsOf, type ShellCommand } from "../shell-text.ts";
import type { Rule } from "../rule.ts";
import { allSteps, stepLabel } from "../walk.ts";

const DOWNLOADERS = new Set(["curl", "wget"]);
const INTERPRETERS = new Set(["sh", "bash", "zsh", "dash", "ksh", "fish", "python", "python3", "perl", "ruby", "node", "pwsh", "eval", "source", "."]);
/** Flags that give an interpreter its program as an argument, so what it reads from a pipe is data. */
const INLINE_PROGRAM = new Set(["-c", "-e", "--eval", "-Command"]);

export const downloadExec: Rule = {
  id: "download-exec",
  severity: "error",
  what: "a `run:` script that pipes `curl`/`wget` into a shell or interpreter, feeds a download to one, or downloads a script and runs it",
  why: "the script runs whatever the server returns at that moment, unpinned and unreviewed; a moved branch or a compromised host owns the job and its token",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  scan:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: curl -sSfL https://raw.githubusercontent.com/anchore/grype/main/install.sh | sh -s -- -b /usr/local/bin
`,
    passing: `on: push
permissions: {}
jobs:
  scan:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - uses: anchore/scan-action/download-grype@62b74fb7bb810d2c45b1865f47a77655621862a5 # v7.2.3
`,
  },
  check(document, report) {
    for (const entry of allSteps(document.workflow)) {
      const run = entry.step["run"];
      if (typeof run !== "string") continue;
      for (const problem of downloadExecutions(run)) {
        report(`${entry.path}.run`, `step "${stepLabel(entry)}" ${problem}; install the tool from a pinned action or a release checked against a pinned checksum`);
      }
    }
  },
};

/** What each offending command does, as message text. */
function downloadExecutions(script: string): string[] {
  const problems: string[] = [];
  const saved = new Map<string, string>();
  for (const pipeline of pipelinesOf(script)) {
    const names = pipeline.commands.map(commandName);
    const downloader = names.findIndex((n) => n !== undefined && DOWNLOADERS.has(n));
    const runner = pipeline.commands.findIndex((c, i) => i > downloader && runsStdin(c));
    if (downloader >= 0 && runner > downloader) {
      problems.push(`pipes "${names[downloader]}"${fromUrl(pipeline.commands[downloader])} into "${names[runner]}"`);
    }
    for (const command of pipeline.commands) {
      const name = commandName(command);
      if (name === undefined) continue;
      if (INTERPRETERS.has(name)) {
        const fed = substitutionsOf(command.text).find((s) => pipelinesOf(s.inner).some((p) => p.commands.some((c) => DOWNLOADERS.has(commandName(c) ?? ""))));
        if (fed) problems.push(`feeds a download to "${name}" through "${fed.opener}"`);
        const file = commandWords(command).slice(1).map(withoutDotSlash).find((word) => saved.has(word));
        if (file) problems.push(`runs "${file}", which "${saved.get(file)}" downloaded`);
      } else if (DOWNLOADERS.has(name)) {
        const output = outputFile(command);
        if (output) saved.set(withoutDotSlash(output), name);
      } else {
        const file = withoutDotSlash(commandWords(command)[0] ?? "");
        if (saved.has(file)) problems.push(`runs "${file}", which "${saved.get(file)}" downloaded`);
      }
    }
  }
  return problems;
}

/** True for an interpreter that executes what it reads from the pipe (`sh`, `python3 -`), not one given its program inline (`python3 -c …`). */
function runsStdin(command: ShellCommand): boolean {
  const name = commandName(command);
  return name !== undefined && INTERPRETERS.has(name) && !commandWords(command).some((word) => INLINE_PROGRAM.has(word));
}

/** ` from "<url>"` when the command names a URL, for telling several downloads apart. */
function fromUrl(command: ShellCommand | undefined): string {
  const url = command?.words.find((word) => /^https?:\/\//.test(word));
  return url ? ` from "${url}"` : "";
}

function withoutDotSlash(path: string): string {
  return path.startsWith("./") ? path.slice(2) : path;
}

/** The file a curl/wget command writes (`-o`, `--output`, `-O`, `--output-document`), if named. */
function outputFile(command: ShellCommand): string | undefined {
  const words = commandWords(command);
  const flags = commandName(command) === "curl" ? ["-o", "--output"] : ["-O", "--output-document"];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? "";
    if (flags.includes(word)) return words[i + 1];
    const joined = flags.find((f) => f.startsWith("--") && word.startsWith(`${f}=`));
    if (joined) return word.slice(joined.length + 1);
  }
  return undefined;
}
