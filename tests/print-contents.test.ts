import { describe, expect, it } from 'vitest';
import { contentsLayout, fillContents } from '../src/print/contents.js';

const html = [
  '<h1>Cover</h1>',
  '<h2 id="toc-title">Contents</h2>',
  '<li><a href="#frame">Frame</a><span class="toc-page" data-toc-target="frame"></span></li>',
  '<li><a href="#case-1">Case 1</a><span class="toc-page" data-toc-target="case-1">99</span></li>',
  '<h2 id="frame">Frame</h2>',
  '<h2 id="case-1">Case 1</h2>',
  '<h3 id="detail">Detail</h3>',
].join('\n');
const targets = new Set(['frame', 'case-1']);
const headings = [{ text: 'Cover' }, { id: 'toc-title', text: 'Contents' }, { id: 'frame', text: 'Frame' }, { id: 'case-1', text: 'Case 1' }, { id: 'detail', text: 'Detail' }];

describe('the contents', () => {
  it('reads each entry’s page from the bookmark of its heading, and its own pages up to the next heading', () => {
    const layout = contentsLayout(headings, targets, [{ page: 1 }, { page: 2 }, { page: 5 }, { page: 7 }, { page: 8 }]);
    expect(Object.fromEntries(layout.pages)).toEqual({ frame: 5, 'case-1': 7 });
    expect(layout.range).toEqual({ first: 2, last: 4 });
  });

  it('knows nothing when the bookmarks do not match the headings one for one', () => {
    expect(contentsLayout(headings, targets, [{ page: 1 }, { page: 2 }])).toEqual({ pages: new Map() });
  });

  it('has no range without a contents title followed by a heading', () => {
    const layout = contentsLayout(headings.slice(2), targets, [{ page: 5 }, { page: 7 }, { page: 8 }]);
    expect(layout.range).toBeUndefined();
    expect(layout.pages.get('frame')).toBe(5);
  });

  it('writes the numbers in, and blanks them whatever an earlier fill wrote', () => {
    const filled = fillContents(html, new Map([['frame', 5], ['case-1', 7]]));
    expect(filled).toContain('data-toc-target="frame">5</span>');
    expect(filled).toContain('data-toc-target="case-1">7</span>');
    expect(fillContents(filled, new Map())).not.toMatch(/data-toc-target="[^"]+">\d/);
    expect(fillContents(filled, new Map())).toBe(fillContents(html, new Map()));
  });
});
