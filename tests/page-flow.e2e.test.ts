import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { copyCourse, fixturesDir, tempDir } from './helpers/course.js';
import { pdfPages } from './helpers/pdf.js';

// A solution that opens with its heading, a label in bold, then a diagram too wide for the column:
// the three go on one landscape page, rather than the heading alone on a page of its own.
const wideSolution = `:::solution
## Correction (proposition de référence)

**ARCHITECTUREBETA**

\`\`\`mermaid
flowchart LR
  A["Collecte des clics WIDEA"] --> B["File de messages partitionnée"] --> C["Traitement en flux fenêtré"] --> D["Magasin de caractéristiques"] --> E["Service de recommandation"] --> F["Cache clé-valeur régional"] --> G["API publique WIDEG"]
\`\`\`

Une base clé-valeur BETASECRETE en cache devant l’API.
:::
`;

let out: string;

beforeAll(async () => {
  const content = await copyCourse(join(fixturesDir, 'mini'));
  const path = join(content, 'cases/cas-2-beta.md');
  await writeFile(path, (await readFile(path, 'utf8')).replace(/:::solution[\s\S]*$/, wideSolution));
  out = join(await tempDir(), 'dist');
  await build({ contentDir: content, outDir: out, sourceDateEpoch: 1_700_000_000 });
}, 300_000);

function pageSizes(path: string): { width: number; height: number }[] {
  const text = execFileSync('pdfinfo', ['-f', '1', '-l', '999', path], { encoding: 'utf8' });
  return [...text.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

describe('pages that read well', () => {
  it('puts a heading and a bold label on the landscape page of the diagram they introduce', () => {
    const path = join(out, 'trainer/cas-2-beta.pdf');
    const pages = pdfPages(path);
    const at = pages.findIndex((p) => p.includes('ARCHITECTUREBETA'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(pages[at]).toContain('Correction (proposition de référence)');
    expect(pages[at]).toContain('WIDEA');
    expect(pages[at]).toContain('WIDEG');
    const size = pageSizes(path)[at]!;
    expect(size.width).toBeGreaterThan(size.height);
    expect(pages.filter((p) => p.includes('Correction (proposition de référence)'))).toHaveLength(1);
  });
});
