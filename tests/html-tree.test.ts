import { describe, expect, it } from 'vitest';
import { elementsWithClass, headingsOf, pageText, parseHtml } from '../src/render/html-tree.js';

describe('pages read back as a tree', () => {
  it('finds the headings in document order, with their ids and the text a reader sees', () => {
    const html = '<h1 id="top">Re&shy;co&shy;very <em>plan</em></h1><p>x</p><section><h3>A &amp;lt; B</h3></section>';
    expect(headingsOf(html)).toEqual([{ id: 'top', text: 'Recovery plan' }, { text: 'A &lt; B' }]);
  });

  it('leaves out what a drawing or an attribute holds', () => {
    const html = '<figure><svg><foreignObject><h2>label</h2></foreignObject></svg></figure><p title="<h2>no</h2>">text</p><h2 id="real">Real</h2>';
    expect(headingsOf(html)).toEqual([{ id: 'real', text: 'Real' }]);
  });

  it('reads the text of a page without its styles and scripts, each cell apart', () => {
    const html = '<html><head><style>.solution{display:none}</style></head><body><table><tr><td>one</td><td>two</td></tr></table><script>secret()</script></body></html>';
    expect(pageText(parseHtml(html))).toBe('one two');
  });

  it('finds elements by their class names, not by a part of them', () => {
    const tree = parseHtml('<body class="solution-sheet"><section class="solution">x</section><aside class="box trainer-note">y</aside></body>');
    expect(elementsWithClass(tree, ['solution', 'trainer-note']).map((e) => e.properties.className)).toEqual([['solution'], ['box', 'trainer-note']]);
  });
});
