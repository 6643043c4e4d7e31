import { createRequire } from 'node:module';
import type { Element, Root, RootContent, Text } from 'hast';

export interface Options {
  /** The content's language ('fr', 'en', 'fr-CA'…): picks quotes, spacing and hyphenation patterns. */
  lang: string;
}

/** Narrow no-break space: French spacing before ; : ! ? and inside « ». */
const NNBSP = '\u202F';
/** No-break space: keeps a number with its unit ("2 s", "99.9 %", "3 ans"). */
const NBSP = '\u00A0';
const SHY = '\u00AD';
/** Stands in a run for an element left untouched (code…): a word the rules must not see into. */
const UNTOUCHED = '\uFFFC';

interface LanguageRules {
  quotes?: { open: string; close: string };
  /** A narrow no-break space before ; : ! ? and inside « », so that no line starts with them. */
  frenchSpacing: boolean;
  /** The `hyphen` module with the language's patterns. */
  patterns?: string;
}

const languages = new Map<string, LanguageRules>([
  ['fr', { quotes: { open: '«', close: '»' }, frenchSpacing: true, patterns: 'hyphen/fr' }],
  ['en', { quotes: { open: '“', close: '”' }, frenchSpacing: false, patterns: 'hyphen/en' }],
]);
const otherLanguages: LanguageRules = { frenchSpacing: false };

const skippedTags = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math']);
/** Inline elements: their text belongs to the same run as the text around them. */
const phrasingTags = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark',
  'math', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'svg', 'time', 'u', 'var',
]);

/** Hyphenation: words of at least this many letters, and at least this many letters after a break. */
const minWordLength = 7;
const minTailLength = 3;

type Hyphenate = (word: string) => string;
/** A text node to edit, or one character standing for what is not edited (a line break, code). */
type Piece = Text | string;
type QuoteRole = 'open' | 'close';

const require = createRequire(import.meta.url);

/**
 * French typography (narrow no-break spaces, « »), curly quotes and apostrophes, no-break spaces
 * between numbers and units, and soft hyphens for Chromium, which does not hyphenate French itself.
 * Idempotent; code, preformatted text and `.no-typography` elements and formulas (`.katex`) are left as they are.
 */
export default function rehypeTypography(options: Options) {
  const rules = languages.get(primaryLanguage(options.lang)) ?? otherLanguages;
  // Loaded once here, not per text node.
  const hyphenate = rules.patterns ? loadHyphenator(rules.patterns) : undefined;
  return (tree: Root) => {
    for (const run of textRuns(tree)) typesetRun(run, rules, hyphenate);
  };
}

function primaryLanguage(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? '';
}

function loadHyphenator(moduleId: string): Hyphenate {
  return (require(moduleId) as { hyphenateSync: Hyphenate }).hyphenateSync;
}

/**
 * The text of each block as runs of pieces, in document order: rules look across inline elements
 * ("**Besoins** : …" puts the colon in another node than the word before it), never across blocks.
 */
function textRuns(tree: Root): Piece[][] {
  const runs: Piece[][] = [];
  let run: Piece[] = [];
  const close = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  const walk = (node: Root | RootContent): void => {
    if (node.type === 'text') run.push(node);
    else if (node.type === 'root') node.children.forEach(walk);
    else if (node.type === 'element') {
      const inline = phrasingTags.has(node.tagName);
      if (node.tagName === 'br') run.push('\n');
      else if (isSkipped(node)) {
        if (inline) run.push(UNTOUCHED);
        else close();
      } else {
        if (!inline) close();
        node.children.forEach(walk);
        if (!inline) close();
      }
    }
  };
  walk(tree);
  close();
  return runs;
}

function isSkipped(node: Element): boolean {
  const classes = node.properties.className;
  return skippedTags.has(node.tagName) || (Array.isArray(classes) && (classes.includes('no-typography') || classes.includes('katex')));
}

/** Typesets a run's text as a whole, then hands each node back its own characters. */
function typesetRun(run: Piece[], rules: LanguageRules, hyphenate: Hyphenate | undefined): void {
  const text = run.map((p) => (typeof p === 'string' ? p : p.value)).join('');
  const out = typeset(text, rules, hyphenate);
  let at = 0;
  for (const piece of run) {
    const length = typeof piece === 'string' ? piece.length : piece.value.length;
    if (typeof piece !== 'string') piece.value = out.slice(at, at + length).join('');
    at += length;
  }
}

interface Context {
  rules: LanguageRules;
  quotes: Map<number, QuoteRole>;
  unitSpaces: Set<number>;
}

/** What each character (UTF-16 unit) of `text` becomes: itself, a replacement, or with spaces around. */
function typeset(text: string, rules: LanguageRules, hyphenate: Hyphenate | undefined): string[] {
  const context: Context = { rules, quotes: quoteRoles(text, rules), unitSpaces: unitSpaces(text) };
  const breaks = hyphenate ? hyphenationPoints(text, hyphenate) : new Set<number>();
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) out.push((breaks.has(i) ? SHY : '') + typesetChar(text, i, context));
  return out;
}

function typesetChar(text: string, i: number, context: Context): string {
  const c = text.charAt(i);
  const role = context.quotes.get(i);
  if (role) return quote(text, i, role, context.rules);
  if (isSpace(c)) return space(text, i, context);
  if (c === "'") return isLetter(text[i - 1]) && isLetter(text[i + 1]) ? '’' : c;
  if (context.rules.frenchSpacing && /[;!?]/.test(c) && needsSpaceBeforeSign(text, i)) return NNBSP + c;
  return c;
}

/**
 * Guillemets, and straight double quotes when the language has its own and the run has them in
 * pairs (an odd count is more likely inches or a typo: left alone).
 */
function quoteRoles(text: string, rules: LanguageRules): Map<number, QuoteRole> {
  const roles = new Map<number, QuoteRole>();
  const straight = [...text.matchAll(/"/g)].map((m) => m.index);
  if (rules.quotes && straight.length % 2 === 0) {
    straight.forEach((at, k) => roles.set(at, k % 2 === 0 ? 'open' : 'close'));
  }
  for (const m of text.matchAll(/[«»]/g)) roles.set(m.index, m[0] === '«' ? 'open' : 'close');
  return roles;
}

function quote(text: string, i: number, role: QuoteRole, rules: LanguageRules): string {
  const c = text.charAt(i);
  const mark = c === '"' && rules.quotes ? rules.quotes[role] : c;
  if (!rules.frenchSpacing) return mark;
  // A missing space is inserted; an existing one is made narrow and unbreakable by `space`.
  if (role === 'open') return mark + (isMissingSpace(text[i + 1]) ? NNBSP : '');
  return (isMissingSpace(text[i - 1]) ? NNBSP : '') + mark;
}

/**
 * Spaces after an opening guillemet or before a closing one or a sign become one narrow no-break
 * space (any other space of the same run is dropped: it would still allow a break); a space between
 * a number and its unit becomes a no-break space.
 */
function space(text: string, i: number, context: Context): string {
  let start = i;
  while (start > 0 && isSpace(text.charAt(start - 1))) start--;
  let end = i + 1;
  while (end < text.length && isSpace(text.charAt(end))) end++;
  if (context.rules.frenchSpacing) {
    if (context.quotes.get(start - 1) === 'open') return i === start ? NNBSP : '';
    if (context.quotes.get(end) === 'close' || /[;:!?]/.test(text.charAt(end))) return i === end - 1 ? NNBSP : '';
  }
  return context.unitSpaces.has(i) ? NBSP : text.charAt(i);
}

/**
 * Before ; ! ? that end a sentence or a quote. Not before ':' (only an existing space is changed:
 * "https://", "10:30", "topics:"), nor inside tokens ("?q=1"), nor between two signs ("?!").
 */
function needsSpaceBeforeSign(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return (
    before !== undefined &&
    !isSpace(before) &&
    !/[;:!?([{]/.test(before) &&
    (after === undefined || /[\s)\]}»"”.,…;:!?]/.test(after))
  );
}

/**
 * Where a space joins a number that stands alone (not "E2E", "J+1", "10:30") to its unit or noun
 * ("2 s", "20k msg/s", "99.9 %", "3 ans"), or a comparison to its number ("≤ 1.5").
 */
function unitSpaces(text: string): Set<number> {
  const afterNumber = /(?<=(?:^|[\s([«"“<>≤≥≈~])\d+(?:[.,]\d+)*[kKMG]?) (?=[\p{L}%‰€$£])/gu;
  const afterOperator = /(?<=(?:^|[\s(])[<>≤≥≈~]) (?=\d)/gu;
  return new Set([...text.matchAll(afterNumber), ...text.matchAll(afterOperator)].map((m) => m.index));
}

/**
 * Indices before which a soft hyphen goes. Only plain words qualify: letters with at most an initial
 * capital, in a token that is nothing but words, apostrophes and hyphens once its punctuation is
 * taken off. Identifiers, URLs, e-mails, file names, "MLflow", "BigQuery", "E2E" and words that
 * already have soft hyphens are never touched.
 */
function hyphenationPoints(text: string, hyphenate: Hyphenate): Set<number> {
  const points = new Set<number>();
  for (const token of text.matchAll(/\S+/g)) {
    const core = /^[«"“‘'([{—–-]*([\p{L}\p{M}'’-]+?)[»"”’'),.;:!?…\]}—–-]*$/du.exec(token[0]);
    const coreStart = core?.indices?.[1]?.[0];
    if (!core?.[1] || coreStart === undefined) continue;
    for (const word of core[1].matchAll(/[\p{L}\p{M}]+/gu)) {
      if (word[0].length < minWordLength || !/^\p{Lu}?[\p{Ll}\p{M}]+$/u.test(word[0])) continue;
      for (const k of breaks(word[0], hyphenate)) points.add(token.index + coreStart + word.index + k);
    }
  }
  return points;
}

/** Offsets in `word` before which it may break, leaving enough letters on the next line. */
function breaks(word: string, hyphenate: Hyphenate): number[] {
  const offsets: number[] = [];
  let letters = 0;
  for (const c of hyphenate(word)) {
    if (c === SHY) offsets.push(letters);
    else letters += c.length;
  }
  return offsets.filter((k) => word.length - k >= minTailLength);
}

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /^[ \t\n\r\u00A0\u202F]$/.test(c);
}

/** A neighbour that touches a guillemet without any space. */
function isMissingSpace(c: string | undefined): boolean {
  return c !== undefined && !isSpace(c);
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /^\p{L}$/u.test(c);
}
