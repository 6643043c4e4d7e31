import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from '../src/model.js';
import { BrowserSession } from '../src/print/browser-session.js';
import { printDocument } from '../src/print/print-document.js';
import { fontFiles } from '../src/render/fonts.js';
import { buildCss, fontAssets } from '../src/render/styles.js';
import { defaultDirs } from '../src/project.js';
import { tempDir } from './helpers/course.js';
import { pdfPages } from './helpers/pdf.js';

describe('page margins', () => {
  it('print their header and footer on the first page, even when their font comes late (a loaded machine)', async () => {
    const serve = fontAssets(await fontFiles());
    // The margins' face (Inter, regular) is used by no text of the page: it is asked for late, and answered later still.
    const late = async (url: string) => {
      if (url.includes('inter-latin-400-normal')) await new Promise((resolve) => setTimeout(resolve, 1500));
      return serve(url);
    };
    const session = new BrowserSession([late]);
    const css = await buildCss(defaultDirs.styles);
    const html = `<!doctype html><html lang="fr"><head><style>${css}
      @page { @top-left { content: "EN-TETE COURANT"; } @bottom-right { content: "page " counter(page) " / " counter(pages); } }
      </style></head><body><p>${'Un énoncé en romain. '.repeat(400)}</p></body></html>`;
    try {
      const printed = await printDocument({ hasToc: false } as Document, html, session);
      const path = join(await tempDir(), 'margins.pdf');
      await writeFile(path, printed.raw.pdf);
      const [first] = pdfPages(path);
      expect(first).toContain('EN-TETE COURANT');
      expect(first).toMatch(/page 1 \/ \d/);
    } finally {
      await session.close();
    }
  });
});
