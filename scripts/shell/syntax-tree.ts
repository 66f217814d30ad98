/**
 * A tree-sitter syntax tree as plain data. Every access to a web-tree-sitter node
 * (its type, its children, its text) crosses into WebAssembly and builds a new
 * object, and the shell adapter visits each node several times; reading the tree
 * once with a cursor into these nodes and walking them in JavaScript costs a third of
 * that. The members mirror tree-sitter's own node (`type`, `children`,
 * `childForFieldName`, `hasError`, …), so code reads as it would on tree-sitter.
 */
import type { Tree } from "web-tree-sitter";

/** One node: its type, whether it is named in the grammar, its place in the parsed text, and its children with their field names. */
export class SyntaxNode {
  readonly children: SyntaxNode[] = [];
  /** The field name of each child (`name`, `body`, `redirect`, …), null when it has none. */
  private readonly fields: (string | null)[] = [];
  private named: SyntaxNode[] | undefined;
  private error: boolean | undefined;

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly source: string,
    private readonly missing: boolean,
  ) {}

  /** The node's text, as written in the parsed source. */
  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): SyntaxNode[] {
    return (this.named ??= this.children.filter((child) => child.isNamed));
  }

  get childCount(): number {
    return this.children.length;
  }

  child(index: number): SyntaxNode | null {
    return this.children[index] ?? null;
  }

  fieldNameForChild(index: number): string | null {
    return this.fields[index] ?? null;
  }

  childForFieldName(name: string): SyntaxNode | null {
    const index = this.fields.indexOf(name);
    return index < 0 ? null : (this.children[index] ?? null);
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    return this.children.filter((_, i) => this.fields[i] === name);
  }

  /** True when the parser met a syntax error in this node or below it (an `ERROR` node or a missing token). */
  get hasError(): boolean {
    return (this.error ??= this.type === "ERROR" || this.missing || this.children.some((child) => child.hasError));
  }

  /** Adds a child in order, under its field name. */
  adopt(child: SyntaxNode, field: string | null): void {
    this.children.push(child);
    this.fields.push(field);
  }
}

/** The tree of `source` (the text tree-sitter parsed) as plain nodes, read in one pass of a cursor. */
export function plainTree(tree: Tree, source: string): SyntaxNode {
  const cursor = tree.walk();
  const read = (): SyntaxNode => {
    const [start, end] = [cursor.startIndex, cursor.endIndex];
    // A missing token (inserted by error recovery) is empty: only empty nodes are asked, each question being a call into WebAssembly.
    return new SyntaxNode(cursor.nodeType, cursor.nodeIsNamed, start, end, source, start === end && cursor.nodeIsMissing);
  };
  const root = read();
  // The nodes from the root down to the parent of the cursor's node.
  const ancestors = [root];
  try {
    if (!cursor.gotoFirstChild()) return root;
    for (;;) {
      const node = read();
      ancestors[ancestors.length - 1]?.adopt(node, cursor.currentFieldName);
      if (cursor.gotoFirstChild()) {
        ancestors.push(node);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        cursor.gotoParent();
        ancestors.pop();
        if (ancestors.length === 0) return root;
      }
    }
  } finally {
    cursor.delete();
  }
}
