/**
 * download-exec: a `run:` script that pipes `curl`/`wget` into a shell or interpreter,
 * feeds a download to one (`bash <(curl …)`, `sh -c "$(curl …)"`, `X=$(curl … | sh)`),
 * or saves a script (`-o f`, `-fsSLo f`, `-O`, `> f`) and runs it; in PowerShell,
 * `iwr … | iex` and `iex (iwr …)` (also through `DownloadString`). Such a script runs
 * whatever the server returns that day, unpinned and unreviewed. Shell is read by
 * the shell adapter (scripts/shell/read-shell.ts). Anchor: Scorecard Pinned-Dependencies.
 */
import { commandsOf, everyScript, type ShellCommand, type ShellScript, type ShellWord } from "../../shell/shell-script.ts";
import type { Rule } from "../rule.ts";
import { runScriptOf } from "../run-script.ts";
import { allSteps, stepLabel } from "../walk.ts";

const DOWNLOADERS = new Set(["curl", "wget", "iwr", "invoke-webrequest", "irm", "invoke-restmethod", "downloadstring"]);
/** Every finding needs a downloader: a script that names none is not parsed. */
const MENTIONS_DOWNLOADER = [new RegExp([...DOWNLOADERS].join("|"))];
const INTERPRETERS = new Set(["sh", "bash", "zsh", "dash", "ksh", "fish", "python", "python3", "perl", "ruby", "node", "pwsh", "powershell", "eval", "source", ".", "iex", "invoke-expression"]);
/** Flags that give an interpreter its program as an argument, so what it reads from a pipe is data. */
const INLINE_PROGRAM = new Set(["-c", "-e", "--eval", "-command"]);
/** curl's short options that take a value: in a cluster such as `-fsSLo`, an `o` after one of them is part of its value. */
const CURL_VALUE_OPTIONS = new Set("HdeuXAwTxrmKCEbcFDYyz");

export const downloadExec: Rule = {
  id: "download-exec",
  severity: "error",
  documents: ["workflow", "action"],
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
      const script = runScriptOf(document.workflow, entry, MENTIONS_DOWNLOADER);
      if (!script) continue;
      for (const problem of downloadExecutions(script)) {
        report(`${entry.path}.run`, `step "${stepLabel(entry)}" ${problem}; install the tool from a pinned action or a release checked against a pinned checksum`);
      }
    }
  },
};

/** What each offending command does, as message text. */
function downloadExecutions(script: ShellScript): string[] {
  const problems: string[] = [];
  const saved = new Map<string, string>();
  for (const part of everyScript(script)) {
    for (const pipeline of part.pipelines) {
      const downloader = pipeline.commands.find(isDownloader);
      const runner = downloader && pipeline.commands.find((c) => c.stage > downloader.stage && runsStdin(c));
      if (downloader && runner) problems.push(`pipes "${downloader.name}"${fromUrl(downloader)} into "${runner.name}"`);
    }
  }
  for (const command of commandsOf(script).concat(everyScript(script).slice(1).flatMap(commandsOf))) {
    const name = nameOf(command);
    if (INTERPRETERS.has(name)) {
      const fed = command.substitutions.find((s) => everyScript(s.script).some((inner) => commandsOf(inner).some(isDownloader)));
      if (fed) problems.push(`feeds a download to "${command.name}" through "${fed.opener}"`);
    }
    if (isDownloader(command)) {
      const file = savedFile(command);
      if (file) saved.set(withoutDotSlash(file), command.name ?? "");
      continue;
    }
    const ran = INTERPRETERS.has(name) ? command.words.slice(1).find((w) => saved.has(withoutDotSlash(w.value))) : command.words[0];
    const file = ran && withoutDotSlash(ran.value);
    if (file && saved.has(file)) problems.push(`runs "${file}", which "${saved.get(file)}" downloaded`);
  }
  return [...new Set(problems)];
}

function nameOf(command: ShellCommand): string {
  return (command.name ?? "").toLowerCase();
}

function isDownloader(command: ShellCommand): boolean {
  return DOWNLOADERS.has(nameOf(command));
}

/** True for an interpreter that executes what it reads from the pipe (`sh`, `python3 -`, `iex`), not one given its program inline (`python3 -c …`). */
function runsStdin(command: ShellCommand): boolean {
  return INTERPRETERS.has(nameOf(command)) && !command.words.some((word) => INLINE_PROGRAM.has(word.value.toLowerCase()));
}

/** ` from "<url>"` when the command names a URL, for telling several downloads apart. */
function fromUrl(command: ShellCommand): string {
  const url = command.words.find((word) => /^https?:\/\//.test(word.value));
  return url ? ` from "${url.value}"` : "";
}

function withoutDotSlash(path: string): string {
  return path.startsWith("./") ? path.slice(2) : path;
}

/**
 * The file a curl/wget command writes, if named: `-o f`, `-fsSLo f`, `--output f`,
 * `-O` (curl: the URL's last segment), `-O f`/`--output-document=f` (wget), or its
 * output redirected (`> f`). Standard output (`-`) is no file.
 */
function savedFile(command: ShellCommand): string | undefined {
  const named = optionValue(command);
  if (named !== undefined) return named === "-" ? undefined : named;
  if (command.stdout?.kind === "file" && command.stdout.target.literal === command.stdout.target.value) return command.stdout.target.value;
  return undefined;
}

function optionValue(command: ShellCommand): string | undefined {
  const words = command.words.map((w: ShellWord) => w.value);
  const curl = nameOf(command) === "curl";
  const [short, long] = curl ? ["o", "--output"] : ["O", "--output-document"];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? "";
    if (word === long) return words[i + 1];
    if (word.startsWith(`${long}=`)) return word.slice(long.length + 1);
    if (curl && word === "--remote-name") return remoteName(words);
    if (!/^-[A-Za-z]/.test(word)) continue;
    for (let j = 1; j < word.length; j++) {
      const letter = word[j] ?? "";
      if (letter === short) return j + 1 < word.length ? word.slice(j + 1) : words[i + 1];
      if (curl && letter === "O") return remoteName(words);
      if (curl && CURL_VALUE_OPTIONS.has(letter)) break;
    }
  }
  return undefined;
}

/** The file curl's `-O` writes: the last path segment of the URL. */
function remoteName(words: readonly string[]): string | undefined {
  return words.find((w) => /^https?:\/\//.test(w))?.split(/[?#]/)[0]?.split("/").pop();
}
