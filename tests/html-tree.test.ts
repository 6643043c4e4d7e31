import { describe, expect, it } from 'vitest';
import { elementsWithClass, pageText, parseHtml } from '../src/render/html-tree.js';

describe('pages read back as a tree', () => {
  it('reads the text of a page without its styles and scripts, each cell apart', () => {
    const html = '<html><head><style>.solution{display:none}</style></head><body><table><tr><td>one</td><td>two</td></tr></table><script>secret()</script></body></html>';
    expect(pageText(parseHtml(html))).toBe('one two');
  });

  it('finds elements by their class names, not by a part of them', () => {
    const tree = parseHtml('<body class="solution-sheet"><section class="solution">x</section><aside class="box trainer-note">y</aside></body>');
    expect(elementsWithClass(tree, ['solution', 'trainer-note']).map((e) => e.properties.className)).toEqual([['solution'], ['box', 'trainer-note']]);
  });
});
