/**
 * A small reading of the shell text of `run:` scripts for the security rules: lists
 * of pipelines split at control operators, simple commands with their words, and the
 * text of `$( )`, `<( )` and backtick substitutions. It respects quotes and nesting,
 * skips here-document bodies (data, not commands) and sees through function and
 * `{ }` group heads, but is not a shell parser: aliases, `case` patterns and
 * arithmetic are not understood.
 */

/** One simple command: its raw text and its words with quotes removed. */
export interface ShellCommand {
  readonly text: string;
  readonly words: readonly string[];
}

/** A pipeline and the operator that joins it to the previous one (`""` for the first). */
export interface ShellPipeline {
  readonly joinedBy: "" | "&&" | "||" | ";" | "&" | "\n";
  readonly commands: readonly ShellCommand[];
}

/** A command or process substitution found in shell text. */
export interface ShellSubstitution {
  readonly opener: "$(" | "<(" | "`";
  readonly inner: string;
}

/** Words that may stand before the command they introduce. */
const PREFIX_WORDS = new Set(["sudo", "env", "exec", "command", "nohup", "time", "if", "then", "elif", "else", "while", "until", "do", "!"]);

/**
 * Splits a script into pipelines. Backslash-newline joins lines; `#` comments are
 * dropped; operators inside quotes, `$( )`, `<( )`, `( )` and backticks do not split.
 */
export function pipelinesOf(script: string): ShellPipeline[] {
  const pipelines: ShellPipeline[] = [];
  let commands: ShellCommand[] = [];
  let current = "";
  let joinedBy: ShellPipeline["joinedBy"] = "";
  const endCommand = (): void => {
    const text = current.trim();
    if (text) commands.push({ text, words: wordsOf(text) });
    current = "";
  };
  const endPipeline = (next: ShellPipeline["joinedBy"]): void => {
    endCommand();
    if (commands.length) pipelines.push({ joinedBy, commands });
    commands = [];
    joinedBy = next;
  };
  const text = withoutHereDocumentBodies(script.replace(/\\\r?\n/g, " "));
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    const next = text[i + 1] ?? "";
    if (ch === "'" || ch === '"' || ch === "`" || (ch === "$" && next === "(") || (ch === "<" && next === "(") || ch === "(") {
      const end = skipGroup(text, i);
      current += text.slice(i, end);
      i = end - 1;
    } else if (ch === "#" && /^\s?$/.test(current.slice(-1))) {
      const newline = text.indexOf("\n", i);
      i = (newline < 0 ? text.length : newline) - 1;
    } else if (ch === "|" && next === "|") {
      endPipeline("||");
      i++;
    } else if (ch === "&" && next === "&") {
      endPipeline("&&");
      i++;
    } else if (ch === "|") {
      endCommand();
      if (next === "&") i++;
    } else if (ch === ";" || ch === "\n" || (ch === "&" && next !== ">" && text[i - 1] !== ">")) {
      endPipeline(ch as ";" | "\n" | "&");
    } else {
      current += ch;
    }
  }
  endPipeline("");
  return pipelines;
}

/**
 * The script with the lines of each here-document body emptied (`<<EOF`, `<<-EOF`,
 * `<<'EOF'`, several on one line in order): what a command reads from its input is
 * not run. Line breaks stay, so line positions stay.
 */
function withoutHereDocumentBodies(script: string): string {
  const lines = script.split("\n");
  const pending: { word: string; stripTabs: boolean }[] = [];
  return lines
    .map((line) => {
      const awaited = pending[0];
      if (awaited) {
        if ((awaited.stripTabs ? line.replace(/^\t+/, "") : line) === awaited.word) pending.shift();
        return "";
      }
      pending.push(...hereDocumentsOpenedBy(line));
      return line;
    })
    .join("\n");
}

/** The here-documents a line opens: `<<` outside quotes (not `<<<`, not inside `(( ))`), then the delimiter word. */
function hereDocumentsOpenedBy(line: string): { word: string; stripTabs: boolean }[] {
  const opened: { word: string; stripTabs: boolean }[] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'" || ch === '"' || ch === "`") {
      i = skipGroup(line, i) - 1;
    } else if (ch === "#" && (i === 0 || /\s/.test(line[i - 1] ?? ""))) {
      break;
    } else if (ch === "(" && line[i + 1] === "(") {
      i = skipGroup(line, i) - 1;
    } else if (ch === "<" && line[i + 1] === "<" && line[i + 2] === "<") {
      i += 2; // a here-string: its word is on this line
    } else if (ch === "<" && line[i + 1] === "<") {
      const delimiter = /^<<(-?)[ \t]*(?:'([^']*)'|"([^"]*)"|\\?([A-Za-z_][A-Za-z0-9_]*))/.exec(line.slice(i));
      if (delimiter) {
        opened.push({ word: delimiter[2] ?? delimiter[3] ?? delimiter[4] ?? "", stripTabs: delimiter[1] === "-" });
        i += delimiter[0].length - 1;
      } else {
        i++;
      }
    }
  }
  return opened;
}

/** Every simple command of a script, in order. */
export function commandsOf(script: string): ShellCommand[] {
  return pipelinesOf(script).flatMap((p) => [...p.commands]);
}

/** The command a simple command runs, without its directory (`/bin/bash` → `bash`), skipping `sudo`, `env`, `if`, assignments and the like. */
export function commandName(command: ShellCommand): string | undefined {
  const word = commandWords(command)[0];
  return word === undefined ? undefined : word.slice(word.lastIndexOf("/") + 1);
}

/**
 * The words of a command from its command name on: prefix words, assignments and the
 * head of a function definition or `{ }` group (`f() {`, `function f {`) skipped.
 */
export function commandWords(command: ShellCommand): readonly string[] {
  let start = 0;
  while (start < command.words.length) {
    const word = command.words[start] ?? "";
    if (word === "function") {
      start += 2;
      continue;
    }
    const skipped = PREFIX_WORDS.has(word) || word === "{" || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word) || /^[A-Za-z_][\w.-]*\(\)$/.test(word) || (word.startsWith("-") && start > 0);
    if (!skipped) break;
    start++;
  }
  return command.words.slice(start);
}

/** The `$( )`, `<( )` and backtick substitutions in some shell text, outermost first, then nested ones. */
export function substitutionsOf(text: string): ShellSubstitution[] {
  const found: ShellSubstitution[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      i = skipGroup(text, i) - 1;
    } else if ((ch === "$" || ch === "<") && text[i + 1] === "(" && text[i + 2] !== "(") {
      const end = skipGroup(text, i);
      const inner = text.slice(i + 2, end - 1);
      found.push({ opener: ch === "$" ? "$(" : "<(", inner }, ...substitutionsOf(inner));
      i = end - 1;
    } else if (ch === "`") {
      const end = skipGroup(text, i);
      const inner = text.slice(i + 1, end - 1);
      found.push({ opener: "`", inner }, ...substitutionsOf(inner));
      i = end - 1;
    }
  }
  return found;
}

/** Index just past the quoted string or bracketed group that starts at `start`. */
function skipGroup(text: string, start: number): number {
  const open = text[start];
  if (open === "'") {
    const close = text.indexOf("'", start + 1);
    return close < 0 ? text.length : close + 1;
  }
  if (open === "`") {
    for (let i = start + 1; i < text.length; i++) {
      if (text[i] === "\\") i++;
      else if (text[i] === "`") return i + 1;
    }
    return text.length;
  }
  if (open === '"') {
    for (let i = start + 1; i < text.length; i++) {
      const ch = text[i];
      if (ch === "\\") i++;
      else if (ch === '"') return i + 1;
      else if (ch === "$" && text[i + 1] === "(") i = skipGroup(text, i) - 1;
      else if (ch === "`") i = skipGroup(text, i) - 1;
    }
    return text.length;
  }
  let depth = 0;
  for (let i = open === "(" ? start : start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\") i++;
    else if (ch === "'" || ch === '"' || ch === "`") i = skipGroup(text, i) - 1;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Splits a command's text into words; quotes group and are removed, substitutions stay whole. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else if (ch === "'" || ch === '"') {
      const end = skipGroup(text, i);
      word += text.slice(i + 1, end - 1);
      inWord = true;
      i = end - 1;
    } else if ((ch === "$" || ch === "<") && text[i + 1] === "(") {
      const end = skipGroup(text, i);
      word += text.slice(i, end);
      inWord = true;
      i = end - 1;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
