/**
 * What casebook accepts before it refuses to work on absurd input (the README lists them): the
 * Markdown parser, the layout and Mermaid would otherwise spend minutes, or the stack, on them.
 * Each is far above what a printed course needs.
 */
export const limits = {
  /** Bytes of one content file (course.yaml, a case): about 500 printed pages of text. */
  fileBytes: 1024 * 1024,
  /** Cases in a course. */
  cases: 200,
  /** Lists and quotes nested in one another. */
  nesting: 100,
  /** Columns of a table. */
  tableColumns: 64,
  /** Lines of one Mermaid diagram (a node or an edge per line, as usual). */
  diagramLines: 500,
  /** Characters of one Mermaid diagram (Mermaid's own limit). */
  diagramChars: 50_000,
  /** Edges of one Mermaid diagram (Mermaid's own limit). */
  diagramEdges: 500,
};

// A line's container markers: quotes (`>`) and list bullets or numbers, each followed by a space.
const marker = /^(?:>|[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;

/**
 * The first line whose lists and quotes nest deeper than the limit, read from the text before
 * parsing it (the parser's time grows with the square of the depth, and it overflows the stack).
 * Indentation counts one level per two columns, as nested list items are written.
 */
export function tooDeep(text: string, limit = limits.nesting): { line: number; depth: number } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let rest = lines[i]!;
    const indent = rest.length - rest.trimStart().length;
    let depth = Math.floor(rest.slice(0, indent).replace(/\t/g, '    ').length / 2);
    rest = rest.slice(indent);
    for (let found = marker.exec(rest); found && depth <= limit; found = marker.exec(rest)) {
      depth++;
      rest = rest.slice(found[0].length).trimStart();
    }
    if (depth > limit) return { line: i + 1, depth };
  }
  return undefined;
}
