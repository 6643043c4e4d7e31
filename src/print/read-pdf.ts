import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface OutlineEntry {
  title: string;
  /** 1-based page number. */
  page: number;
  depth: number;
}

async function open(bytes: Uint8Array) {
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

/** The text of each page, as a reader's copy-paste would give it. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await open(bytes);
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The bookmarks with the page each one opens. */
export async function pdfOutline(bytes: Uint8Array): Promise<OutlineEntry[]> {
  const doc = await open(bytes);
  try {
    const entries: OutlineEntry[] = [];
    const walk = async (items: Awaited<ReturnType<typeof doc.getOutline>> | null, depth: number) => {
      for (const item of items ?? []) {
        const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
        const ref = dest?.[0];
        const page = ref && typeof ref === 'object' ? (await doc.getPageIndex(ref)) + 1 : 0;
        entries.push({ title: item.title, page, depth });
        await walk(item.items, depth + 1);
      }
    };
    await walk(await doc.getOutline(), 0);
    return entries;
  } finally {
    await doc.destroy();
  }
}

export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const doc = await open(bytes);
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}
