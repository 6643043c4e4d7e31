import { directiveFromMarkdown, directiveToMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';

/** The only text directive casebook has: a few trainer-only words inside a sentence. */
export const inlineDirective = 'trainer';

/**
 * The directive syntax, where only `:trainer[…]` is a text directive: remark-directive reads
 * `:name[…]{…}` anywhere in prose, so "07:00[^tz]", "2:1{approx}" or "host:8080[x]" lost their
 * text. Anything else stays what the trainer typed, footnotes and links included, because it is
 * never tokenized as a directive. Block directives (`:::name`) are all read, so that an unknown one
 * can be reported.
 */
export default function remarkCasebookDirectives(this: Processor) {
  const data = this.data();
  const { flow, text } = directive();
  (data.micromarkExtensions ??= []).push({ flow, text: { 58: onlyNamed(inlineDirective, text![58] as Construct) } } satisfies Extension);
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
  const toMarkdown = directiveToMarkdown();
  // Only what would be read back as casebook's directive is escaped when writing Markdown.
  toMarkdown.unsafe = [
    { character: ':', before: '[^:]', after: `${inlineDirective}\\[`, inConstruct: ['phrasing'] },
    { atBreak: true, character: ':', after: ':' },
  ];
  (data.toMarkdownExtensions ??= []).push(toMarkdown);
}

/** The construct, tried only where `:name[` follows. */
function onlyNamed(name: string, construct: Construct): Construct {
  const expected = [...`:${name}[`].map((c) => c.charCodeAt(0));
  const lookahead: Construct = {
    partial: true,
    tokenize(effects: Effects, ok: State, nok: State): State {
      let at = 0;
      const next: State = (code: Code) => {
        if (code !== expected[at]) return nok(code);
        if (at === 0) effects.enter('casebookDirectiveName' as never);
        effects.consume(code);
        at++;
        if (at < expected.length) return next;
        effects.exit('casebookDirectiveName' as never);
        return ok;
      };
      return next;
    },
  };
  return {
    name: `casebookDirective-${name}`,
    previous: construct.previous,
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      return effects.check(lookahead, construct.tokenize.call(this, effects, ok, nok), nok);
    },
  };
}
