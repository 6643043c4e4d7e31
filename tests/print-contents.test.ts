import { describe, expect, it } from 'vitest';
import type { Document } from '../src/model.js';
import { BrowserSession } from '../src/print/browser-session.js';
import { contentsLayout, fillContents } from '../src/print/contents.js';
import { printDocument } from '../src/print/print-document.js';
import { loadPdf, pdfOutline } from '../src/print/read-pdf.js';

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

describe('the headings of a printed page', () => {
  it('are read in the page, one per bookmark, with the text a reader sees, drawings and attributes left out', async () => {
    const page = [
      '<!doctype html><html lang="en"><head><title>t</title></head><body>',
      '<h1 id="top">Re&shy;co&shy;very\n  <em>plan</em></h1><p title="<h2>no</h2>">x</p>',
      '<figure><svg width="10" height="10"><foreignObject width="10" height="10"><h2>label</h2></foreignObject></svg></figure>',
      '<section><h3>A &amp;lt; B</h3></section><h2 id="">Empty id</h2>',
      '</body></html>',
    ].join('');
    const session = new BrowserSession();
    try {
      const printed = await printDocument({ hasToc: false } as Document, page, session);
      expect(printed.raw.headings).toEqual([{ id: 'top', text: 'Recovery plan' }, { text: 'A &lt; B' }, { id: '', text: 'Empty id' }]);
      const outline = pdfOutline(await loadPdf(printed.raw.pdf));
      expect(outline).toHaveLength(printed.raw.headings.length);
    } finally {
      await session.close();
    }
  });
});
