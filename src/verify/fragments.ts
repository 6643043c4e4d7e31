/**
 * A trainer-only text as the leak guard looks for it in what a reader gets.
 * - `words`: prose, by its letters and digits in order, which survive line breaks, hyphenation
 *   and typography;
 * - `glyphs`: a formula, by every character of it but spaces, in any order. Its symbols are what
 *   tells one formula from another, and a PDF gives them in the order Chromium paints them
 *   (KaTeX positions fractions, scripts, limits and accents: they come after the base line),
 *   not in the order of the HTML or of the LaTeX.
 */
export interface Fragment {
  kind: 'words' | 'glyphs';
  /** What is looked for: `squash(text)` or `glyphs(text)`. */
  key: string;
  /** What a message quotes. */
  text: string;
}

/** Letters and digits only, lower case: survives line breaks, hyphenation and typography. */
function squash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Every character a reader gets but spaces and invisible ones (KaTeX's zero-width spaces, soft hyphens). */
function glyphs(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{Cc}\p{Cf}]+/gu, '');
}

export function wordsFragment(text: string): Fragment {
  return { kind: 'words', key: squash(text), text };
}

/** A formula's glyphs, as `shown` (KaTeX's text, or its LaTeX); the message quotes `text`. */
export function glyphsFragment(shown: string, text: string): Fragment {
  return { kind: 'glyphs', key: glyphs(shown), text };
}

/** How many characters a fragment is looked for by. */
export function fragmentLength(fragment: Fragment): number {
  return [...fragment.key].length;
}

interface Bag {
  fragment: Fragment;
  /** Its glyphs sorted: the same for any order of them. */
  sorted: string;
}

/**
 * Finds fragments in texts: words as a substring of the squashed text; glyphs as a run of the
 * text's glyphs of the same length holding the same glyphs, found with a rolling sum of the
 * glyphs' hashes (one pass over the text per length of formula), then compared.
 */
export class FragmentFinder {
  private readonly words: Fragment[];
  /** Formulas by their number of glyphs, then by the sum of their glyphs' hashes. */
  private readonly bags = new Map<number, Map<number, Bag[]>>();

  constructor(fragments: readonly Fragment[]) {
    this.words = fragments.filter((f) => f.kind === 'words');
    for (const fragment of fragments.filter((f) => f.kind === 'glyphs')) {
      const chars = [...fragment.key];
      const byHash = this.bags.get(chars.length) ?? new Map<number, Bag[]>();
      this.bags.set(chars.length, byHash);
      const sum = hashSum(chars);
      byHash.set(sum, [...(byHash.get(sum) ?? []), { fragment, sorted: sorted(chars) }]);
    }
  }

  /** The fragments a text holds. */
  in(text: string): Fragment[] {
    const flat = squash(text);
    const found = this.words.filter((f) => flat.includes(f.key));
    if (this.bags.size === 0) return found;
    const chars = [...glyphs(text)];
    const hashes = chars.map(hashGlyph);
    for (const [length, byHash] of this.bags) {
      let sum = 0;
      for (let end = 0; end < chars.length; end++) {
        sum = (sum + hashes[end]!) | 0;
        if (end >= length) sum = (sum - hashes[end - length]!) | 0;
        const candidates = end >= length - 1 ? byHash.get(sum) : undefined;
        if (!candidates) continue;
        const run = sorted(chars.slice(end - length + 1, end + 1));
        for (const bag of candidates) if (bag.sorted === run && !found.includes(bag.fragment)) found.push(bag.fragment);
      }
    }
    return found;
  }
}

function sorted(chars: string[]): string {
  return [...chars].sort().join('');
}

function hashSum(chars: string[]): number {
  return chars.reduce((sum, c) => (sum + hashGlyph(c)) | 0, 0);
}

/** A well-mixed 32-bit hash of a character (MurmurHash3's finalizer), so that sums rarely collide. */
function hashGlyph(char: string): number {
  let h = char.codePointAt(0)!;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
