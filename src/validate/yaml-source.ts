import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { ContentError } from '../errors.js';
import { format, messages } from '../i18n/index.js';
import type { Place } from '../model.js';

export type Path = readonly PropertyKey[];

/** Parsed YAML that can point back at the file line of any value or key. */
export interface YamlSource {
  value: unknown;
  /** Where the value at `path` is written (its key, for a missing or unknown key's parent). */
  locate(path: Path, key?: string): Place;
}

/**
 * Parses YAML keeping positions. `firstLine` is the file line the YAML starts on (front matter
 * starts on line 2).
 */
export function parseYaml(file: string, text: string, firstLine = 1, lang = 'fr'): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + firstLine - 1, column: col };
  };
  if (doc.errors.length > 0) {
    const m = messages(lang);
    throw new ContentError(
      doc.errors.map((e) => ({
        place: at(e.pos[0]),
        message: format(m.yamlSyntax, { reason: e.message.split('\n')[0] ?? e.code }),
      })),
    );
  }
  return {
    value: toValue(doc, file, firstLine, lang, at),
    locate(path, key) {
      const node = nodeAt(doc, path);
      if (key !== undefined && isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
        const keyNode = pair?.key as Node | undefined;
        if (keyNode?.range) return at(keyNode.range[0]);
      }
      if (node?.range) return at(node.range[0]);
      return path.length > 0 ? this.locate(path.slice(0, -1)) : { file, line: firstLine };
    },
  };
}

/**
 * The document as plain values. The yaml library refuses aliases that expand too far (a "billion
 * laughs" bomb): said at the first alias, in the course's language.
 */
function toValue(doc: Document, file: string, firstLine: number, lang: string, at: (offset: number) => Place): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    const m = messages(lang);
    let place: Place = { file, line: firstLine };
    visit(doc, {
      Alias(_key, node) {
        if (node.range) place = at(node.range[0]);
        return visit.BREAK;
      },
    });
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError([{ place, message: /alias/i.test(reason) ? m.yamlAliases : format(m.yamlSyntax, { reason }) }]);
  }
}

function nodeAt(doc: Document, path: Path): Node | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  return (node ?? undefined) as Node | undefined;
}
