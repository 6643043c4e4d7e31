import type { Root } from 'mdast';
import type { InlineMath } from 'mdast-util-math';
import type {} from 'micromark-extension-math';
import remarkMath from 'remark-math';
import { markdownLineEnding, markdownLineEndingOrSpace } from 'micromark-util-character';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const dollar = 36;
const backslash = 92;

/**
 * Formulas written the way LaTeX and Pandoc read them: `$$…$$` on lines of their own or within a
 * line is display math, `$…$` inline math, with Pandoc's rule for a single dollar (remark-math
 * pairs any two): an opening `$` has a non-space right after it, a closing `$` has a non-space right
 * before it and no digit right after it, and `\$` is always a dollar. "5 $ par mois et 7 $ par an",
 * "$HOME et $PATH" stay text.
 */
export default function remarkDollarMath(this: Processor) {
  // remark-math for `$$`, in blocks and within lines; the single dollar is ours.
  remarkMath.call(this, { singleDollarTextMath: false });
  const data = this.data();
  (data.micromarkExtensions ??= []).push(singleDollarMath);
  return (tree: Root, file: VFile) => {
    visit(tree, 'inlineMath', (node) => {
      if (isDoubleDollar(node, String(file.value))) displayed(node);
    });
  };
}

function isDoubleDollar(node: InlineMath, source: string): boolean {
  const start = node.position?.start.offset;
  return start !== undefined && source.startsWith('$$', start);
}

/** `$$…$$` within a line is displayed, as in LaTeX and Pandoc. */
function displayed(node: InlineMath): void {
  node.data = { ...node.data, hProperties: { className: ['language-math', 'math-display'] } };
}

const singleDollarConstruct: Construct = {
  name: 'mathText',
  tokenize: tokenizeSingleDollar,
  previous(code) {
    return code !== dollar || this.events.at(-1)?.[1].type === 'characterEscape';
  },
};

const singleDollarMath: Extension = { text: { [dollar]: singleDollarConstruct } };

/** The tokens micromark-extension-math emits, so that mdast-util-math builds its `inlineMath`. */
function tokenizeSingleDollar(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  // Escaped dollars never reach here: micromark reads `\$` as a character escape first.
  let previous: Code = null;
  return (code) => {
    effects.enter('mathText');
    effects.enter('mathTextSequence');
    effects.consume(code);
    effects.exit('mathTextSequence');
    return afterOpening;
  };

  function afterOpening(code: Code): State | undefined {
    // `$$` is remark-math's; a dollar before a space is a dollar.
    if (code === dollar || code === null || markdownLineEndingOrSpace(code)) return nok(code);
    return between(code);
  }

  function between(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (markdownLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      previous = code;
      return between;
    }
    if (code === dollar && previous !== null && !markdownLineEndingOrSpace(previous)) {
      const token = effects.enter('mathTextSequence');
      effects.consume(code);
      return (next: Code) => {
        // "$a$5" does not close: the dollar belongs to the formula, which goes on.
        if (next !== null && next >= 48 && next <= 57) {
          token.type = 'mathTextData';
          effects.exit('mathTextData');
          previous = dollar;
          return between(next);
        }
        effects.exit('mathTextSequence');
        effects.exit('mathText');
        return ok(next);
      };
    }
    effects.enter('mathTextData');
    // A dollar after a space does not close: it is part of the formula.
    if (code === dollar) {
      effects.consume(code);
      previous = code;
      return data;
    }
    return data(code);
  }

  function data(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code) || code === dollar) {
      effects.exit('mathTextData');
      return between(code);
    }
    // A backslash takes the next character with it: `\$` inside a formula does not close it.
    const escaping = code === backslash;
    effects.consume(code);
    previous = code;
    return escaping ? escaped : data;
  }

  function escaped(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) return data(code);
    effects.consume(code);
    previous = code;
    return data;
  }
}
