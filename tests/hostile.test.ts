import { request } from 'node:http';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { parseHtml } from '../src/render/html-tree.js';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Root as MdastRoot } from 'mdast';
import { fillDiagrams, sanitizeDrawing } from '../src/diagrams/draw-diagrams.js';
import { mermaidConfig, mermaidModules, openMermaid, renderDiagram } from '../src/diagrams/mermaid-page.js';
import { startServer } from '../src/dev/server.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { markdownToHtml } from '../src/render/markdown-to-html.js';
import { contentSchema } from '../src/render/sanitize-schema.js';
import { withBrowserSession } from '../src/print/browser-session.js';
import { runCli } from './helpers/cli.js';
import { copyCourse, fixturesDir, tempDir } from './helpers/course.js';
import { flat, pdfText } from './helpers/pdf.js';
import { contentErrors } from './helpers/stages.js';

// Two courses of our own: a French one (mini) and an English chemistry lab.
const courses = {
  fr: { dir: join(fixturesDir, 'mini'), caseFile: 'cases/cas-1-alpha.md', heading: '## Énoncé' },
  en: { dir: join(fixturesDir, 'lab-en'), caseFile: 'cases/case-1-acid.md', heading: '## Statement' },
} as const;
type Lang = keyof typeof courses;

/** A copy of a course whose case gets `extra` right after its statement heading (line 10 of the file or so). */
async function courseWith(lang: Lang, extra: string): Promise<{ dir: string; line: number }> {
  const { dir: from, caseFile, heading } = courses[lang];
  const dir = await copyCourse(from);
  const path = join(dir, caseFile);
  const text = await readFile(path, 'utf8');
  await writeFile(path, text.replace(heading, `${heading}\n\n${extra}\n`));
  const line = text.split('\n').indexOf(heading) + 3;
  return { dir, line };
}

describe('the course folder is the boundary', () => {
  let outside: string;
  beforeAll(async () => {
    outside = await tempDir('casebook-outside-');
    await writeFile(join(outside, 'secret.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><text y="20">OUTSIDESECRET</text></svg>');
  });

  it.each(['fr', 'en'] as const)('refuses ../ that leaves the course, with file:line (%s)', async (lang) => {
    const { dir, line } = await courseWith(lang, '![a](../../secret.svg) and [notes](../../secret.svg)');
    // The copy lives in <tmp>/content: ../../ from cases/ is <tmp>, put the secret there.
    await writeFile(join(dirname(dir), 'secret.svg'), '<svg/>');
    const f = courses[lang].caseFile;
    expect(await contentErrors(dir)).toEqual(
      lang === 'fr'
        ? [
            `${f}:${line}:1 — le chemin « ../../secret.svg » sort du dossier du cours : seuls les fichiers de ce dossier sont lus (liens symboliques compris).`,
            expect.stringMatching(new RegExp(`^${f}:${line}:\\d+ — le chemin « \\.\\./\\.\\./secret\\.svg » sort du dossier du cours`)),
          ]
        : [
            `${f}:${line}:1 — path “../../secret.svg” leads outside the course folder: only files inside it are read (symbolic links included).`,
            expect.stringMatching(new RegExp(`^${f}:${line}:\\d+ — path “\\.\\./\\.\\./secret\\.svg” leads outside`)),
          ],
    );
  });

  it.each(['fr', 'en'] as const)('refuses a symlink inside the course that points outside (%s)', async (lang) => {
    const { dir, line } = await courseWith(lang, '![a](img/leak.svg)');
    await mkdir(join(dir, 'cases/img'), { recursive: true });
    await symlink(join(outside, 'secret.svg'), join(dir, 'cases/img/leak.svg'));
    const f = courses[lang].caseFile;
    expect(await contentErrors(dir)).toEqual([
      lang === 'fr'
        ? `${f}:${line}:1 — le chemin « img/leak.svg » sort du dossier du cours : seuls les fichiers de ce dossier sont lus (liens symboliques compris).`
        : `${f}:${line}:1 — path “img/leak.svg” leads outside the course folder: only files inside it are read (symbolic links included).`,
    ]);
  });

  it('keeps a symlink that stays inside the course', async () => {
    const { dir } = await courseWith('en', '![a](img/same.svg)');
    await symlink(join(dir, 'cases/img/bench.svg'), join(dir, 'cases/img/same.svg'));
    expect(await contentErrors(dir)).toEqual([]);
  });

  it('refuses absolute paths, and drops file: images as remote', async () => {
    const { dir, line } = await courseWith('en', `![a](${join(outside, 'secret.svg')})\n\n![b](file://${join(outside, 'secret.svg')})`);
    const errors = await contentErrors(dir);
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^cases/case-1-acid\\.md:${line}:1 — path “.*secret\\.svg” leads outside the course folder`))]);
  });
});

describe('every failure names its file, in the course’s language', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');

  it.each([
    ['fr', 'YAML refusé : ses alias'],
    ['en', 'YAML refused: its aliases'],
  ] as const)('a YAML alias bomb in course.yaml (%s)', async (lang, message) => {
    const dir = await copyCourse(courses[lang].dir);
    const path = join(dir, 'course.yaml');
    await writeFile(path, `${await readFile(path, 'utf8')}\nbomb:\n${bomb.replace(/^/gm, '  ')}\n`);
    const errors = await contentErrors(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^course\\.yaml:\\d+:\\d+ — ${message}`));
    expect(errors[0]).not.toMatch(/Excessive|inattendue|unexpected/i);
  });

  it('the CLI says it with exit code 1 and no stack trace; the previous output is untouched', async () => {
    const dir = await copyCourse(courses.en.dir);
    const caseFile = join(dir, courses.en.caseFile);
    const text = await readFile(caseFile, 'utf8');
    await writeFile(caseFile, text.replace('id: acid', `id: acid\nx: &a [1,1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]`));
    const out = join(await tempDir(), 'dist');
    await mkdir(out);
    await writeFile(join(out, 'previous.txt'), 'kept');
    const result = await runCli('check', ['--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cases\/case-1-acid\.md:\d+:\d+ — YAML refused: its aliases/);
    expect(result.stderr).not.toMatch(/\n\s+at |Erreur inattendue/);
    expect(await readFile(join(out, 'previous.txt'), 'utf8')).toBe('kept');
  });
});

describe('bounded work on absurd input', () => {
  it.each(['fr', 'en'] as const)('a 20 MB case stops at once with its size (%s)', async (lang) => {
    const dir = await copyCourse(courses[lang].dir);
    const path = join(dir, courses[lang].caseFile);
    await writeFile(path, `${await readFile(path, 'utf8')}\n${'A long sentence of filler text. '.repeat(660_000)}`);
    expect(await contentErrors(dir)).toEqual([
      lang === 'fr'
        ? `${courses.fr.caseFile} — le fichier fait 20,1 Mo ; casebook lit au plus 1,0 Mo par fichier : découpez-le en plusieurs cas.`
        : `${courses.en.caseFile} — the file is 20.1 MB; casebook reads at most 1.0 MB per file: split it into several cases.`,
    ]);
  });

  it('lists nested 5,000 deep stop at their line', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const { dir, line } = await courseWith(lang, `${'- '.repeat(5000)}deep\n\n${'> '.repeat(5000)}quote`);
      const expected = lang === 'fr' ? 'listes ou citations imbriquées sur plus de 100 niveaux' : 'lists or quotes nested more than 100 levels deep';
      expect(await contentErrors(dir)).toEqual([expect.stringMatching(new RegExp(`^${courses[lang].caseFile}:${line} — ${expected}`))]);
    }
  }, 60_000);

  it('a table of 2,000 columns stops at its line', async () => {
    const row = (cell: string) => `|${` ${cell} |`.repeat(2000)}`;
    const { dir, line } = await courseWith('en', [row('h'), row('-'), row('1')].join('\n'));
    expect(await contentErrors(dir)).toEqual([`cases/case-1-acid.md:${line}:1 — the table has 2000 columns; the limit is 64.`]);
  }, 60_000);

  it('a Mermaid diagram of 3,000 nodes stops before drawing', async () => {
    const nodes = Array.from({ length: 3000 }, (_, i) => `  n${i}["Node ${i}"] --> n${i + 1}`).join('\n');
    const { dir, line } = await courseWith('fr', `\`\`\`mermaid\nflowchart LR\n${nodes}\n\`\`\``);
    expect(await contentErrors(dir)).toEqual([
      `cases/cas-1-alpha.md:${line}:1 — le schéma Mermaid est trop grand (3001 lignes, limite 500) : découpez-le en plusieurs schémas.`,
    ]);
  }, 60_000);

  it('500 cases stop with the limit, through the CLI', async () => {
    const dir = await copyCourse(courses.en.dir);
    const text = await readFile(join(dir, courses.en.caseFile), 'utf8');
    await Promise.all(
      Array.from({ length: 499 }, (_, i) =>
        writeFile(join(dir, `cases/case-${i + 2}-c${i + 2}.md`), text.replace('number: 1', `number: ${i + 2}`).replace('id: acid', `id: c${i + 2}`)),
      ),
    );
    const result = await runCli('check', ['--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cases — 500 cases found; a course has at most 200: spread them over several courses.');
  }, 120_000);
});

describe('what a reader of a hostile course gets', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  const hostile = [
    '[click me](javascript:document.title=\'x\') and [old](vbscript:msgbox) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and [JS](JaVaScRiPt:alert(1)).',
    '',
    '![tracker](https://example.com/pixel.png) ![inline](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
    '',
    '<img src=x onerror="alert(1)"> <script>alert(2)</script> <a href="javascript:alert(3)">raw</a>',
    '',
    '```mermaid',
    '%%{init: {"securityLevel": "loose"}}%%',
    'flowchart LR',
    '  A["Start"] --> B["Safe end"]',
    '  click A "javascript:alert(4)"',
    '  click B callback',
    '```',
  ].join('\n');

  beforeAll(async () => {
    const { dir } = await courseWith('en', hostile);
    // Course metadata is inline Markdown too.
    const yaml = join(dir, 'course.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('"Every reagent named"', `"Every reagent named, see [sheet](javascript:alert(5)) <img src=x onerror=alert(6)>"`));
    out = join(await tempDir(), 'dist');
    result = await runCli('build', ['--content', dir, '--out', out, '--no-cache']);
  }, 300_000);

  it('builds, and warns about what it dropped', () => {
    expect(result.stderr).not.toMatch(/unexpected|inattendue/i);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/cases\/case-1-acid\.md:\d+:\d+ — link “https:\/\/example\.com\/pixel\.png” leads nowhere: remote images are not printed/);
    expect(result.stderr).toMatch(/cases\/case-1-acid\.md:\d+:\d+ — raw HTML is not printed/);
  });

  it('HTML editions: no script, no script URL, no foreign data: URL, no event attribute; a policy first in <head>', async () => {
    for (const edition of ['student', 'trainer']) {
      const dir = join(out, edition, 'html');
      const name = (await readdir(dir)).find((f) => f.endsWith('.html'))!;
      const html = await readFile(join(dir, name), 'utf8');
      expect(html).toMatch(/<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*">/);
      expect(html).not.toMatch(/<script|javascript:|vbscript:|\son[a-z]+\s*=/i);
      // The only data: URIs are the images casebook inlined (the bench drawing of the case).
      expect([...html.matchAll(/data:[^;,"]*/g)].map((m) => m[0])).toEqual(expect.arrayContaining(['data:image/svg+xml']));
      expect(html).not.toMatch(/data:text\/html|PHN2Zz48L3N2Zz4=/);
      // The links keep their words, not their targets; the diagram is drawn.
      expect(html).toContain('click me');
      expect(html).toContain('Every reagent named, see <a>sheet</a>');
      expect(html).toMatch(/<svg[^>]*id="diagram-[0-9a-f]+"/);
      expect(html).toContain('Safe end');
    }
  });

  it('student zip: the same HTML, and the PDF reads the words without the scripts', async () => {
    const zip = unzipSync(await readFile(join(out, 'packs/student.zip')));
    const htmlFiles = Object.entries(zip).filter(([name]) => name.endsWith('.html'));
    expect(htmlFiles.length).toBeGreaterThan(0);
    for (const [, bytes] of htmlFiles) expect(new TextDecoder().decode(bytes)).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    const pack = (await readdir(join(out, 'student'))).find((f) => f.endsWith('pack.pdf'))!;
    const text = flat(pdfText(join(out, 'student', pack)));
    expect(text).toContain('click me');
    expect(text).toContain('BENCHIMAGE');
    // Raw HTML is dropped: only the words between its tags are left, as text.
    expect(text).not.toMatch(/alert\([134]\)|SOLUTIONSECRET/);
  });
});

describe('the content schema', () => {
  const clean = (html: string) => toHtml(sanitize(parseHtml(html, { fragment: true }), contentSchema));

  it('keeps what casebook’s own features write: inline HTML, highlighted code, KaTeX', () => {
    const safe =
      '<p>H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd><br>next</p>' +
      '<pre class="highlight" style="background:#fff"><code class="language-ts"><span class="tok" style="color:#00f">const</span> x</code></pre>' +
      '<span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow>' +
      '<annotation encoding="application/x-tex">x^2</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base" style="height:1em">x</span>' +
      '<svg width="400em" height="1.08em" viewBox="0 0 400000 1080" preserveAspectRatio="xMinYMin slice"><path d="M95,702"></path></svg></span></span>';
    expect(clean(safe)).toBe(safe);
  });

  it('drops scripts, event attributes, script URLs and foreign data: URLs', () => {
    const dirty = clean(
      '<span onclick="alert(1)" style="color:red">a</span><a href="javascript:alert(2)">b</a><a href="VBScript:x">c</a><a href="data:text/html,x">d</a>' +
        '<img src="data:image/svg+xml,x"><iframe src="https://example.com"></iframe><script>alert(3)</script><math><maction actiontype="statusline" href="javascript:alert(4)">e</maction></math>',
    );
    expect(dirty).toBe('<span style="color:red">a</span><a>b</a><a>c</a><a>d</a><img><math>e</math>');
  });
});

describe('casebook’s own placeholders (a diagram’s, a contents page number’s)', () => {
  const [own, other] = ['0123456789abcdef', 'fedcba9876543210'];
  const forged = `<figure class="diagram" data-diagram="${other}"></figure><span class="toc-page" data-toc-target="frame">9</span>`;

  it('cannot be written by a case: its raw HTML is dropped when parsed, and again when rendered', () => {
    const parsed = parseMarkdown('cases/x.md', `Texte ${forged}\n\n${forged}\n`, { lang: 'fr', resolve: () => ({ ok: true, path: '' }) });
    const render = (tree: MdastRoot) => markdownToHtml(tree, { lang: 'fr', file: 'cases/x.md', contentDir: '.' }).html;
    expect(render(parsed.tree)).not.toMatch(/figure|data-diagram|toc-page|data-toc-target/);
    expect(render({ type: 'root', children: [{ type: 'html', value: forged }] })).not.toMatch(/figure|data-diagram|toc-page|data-toc-target/);
    // The sanitizer keeps a figure's data-diagram (casebook's placeholder goes through it), never a span's data-toc-target.
    expect(toHtml(sanitize(parseHtml(forged, { fragment: true }), contentSchema))).not.toContain('data-toc-target');
  });

  it('are filled with the document’s own drawings only', () => {
    const placeholder = (id: string) => `<figure class="diagram" data-diagram="${id}"></figure>`;
    const drawings = new Map([[own, { svg: '<svg>OWN</svg>', landscape: false }], [other, { svg: '<svg>OTHER</svg>', landscape: true }]]);
    const diagram = { id: own, source: 'flowchart LR', place: { file: 'cases/x.md' } };
    expect(fillDiagrams({ html: placeholder(own) + placeholder(other), diagrams: [diagram] }, drawings)).toBe(
      `<figure class="diagram" data-diagram="${own}"><svg>OWN</svg></figure>${placeholder(other)}`,
    );
  });
});

describe('Mermaid drawings', () => {
  it('a diagram’s init cannot loosen Mermaid’s security level: no script in what Mermaid itself draws', async () => {
    const source = ['%%{init: {"securityLevel": "loose", "htmlLabels": true, "flowchart": {"htmlLabels": true}}}%%', 'flowchart LR', '  A["<img src=x onerror=alert(1)>Go"] --> B', '  click A "javascript:alert(2)"', '  click B callback'].join('\n');
    const svg = await withBrowserSession({ assets: [mermaidModules] }, (session) =>
      session.withPage({ javaScript: true }, async (page) => {
        await openMermaid(page, '', mermaidConfig({ fontFamily: 'serif' }));
        return renderDiagram(page, 'diagram-x', source);
      }),
    );
    expect(svg).toContain('<svg');
    expect(svg).not.toMatch(/javascript:|\son[a-z]+=|<img|<foreignObject/i);
    expect(svg).toContain('Go</tspan>');
  }, 120_000);

  it('whatever the SVG holds, only drawing reaches the page', () => {
    const svg =
      '<svg id="d" viewBox="0 0 10 10" onload="alert(1)"><style>#d .n{fill:red}</style><script>alert(2)</script>' +
      '<a href="javascript:alert(3)"><text class="n" x="1" y="5">Label</text></a><foreignObject><div onclick="alert(4)">x</div></foreignObject>' +
      '<animate attributeName="href" to="javascript:alert(5)"/><use href="https://example.com/x.svg#a"/><image href="data:image/png;base64,AA"/>' +
      '<path d="M0 0L10 10" marker-end="url(#m)" style="stroke:black"/></svg>';
    const clean = sanitizeDrawing(svg);
    expect(clean).not.toMatch(/alert|javascript:|onload|onclick|<script|<foreignObject|<animate|<use|<image|example\.com|data:/i);
    expect(clean).toContain('<style>#d .n{fill:red}</style>');
    expect(clean).toContain('<text class="n" x="1" y="5">Label</text>');
    expect(clean).toContain('marker-end="url(#m)"');
    expect(clean).toContain('viewBox="0 0 10 10"');
  });
});

describe('the dev server', () => {
  const get = (url: string, path: string, host: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { port } = new URL(url);
      const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('answers only requests addressed to localhost, keeps traversal out, gives its reload script a nonce', async () => {
    const root = await tempDir();
    const out = join(root, 'out');
    await mkdir(join(out, 'student/html'), { recursive: true });
    await writeFile(join(root, 'secret.txt'), 'OUTSIDE');
    await writeFile(
      join(out, 'student/html/pack.html'),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>t</title></head><body>PAGE</body></html>`,
    );
    const server = await startServer(out, 0, () => ({ lang: 'en' }));
    try {
      const { port } = new URL(server.url);
      expect((await get(server.url, '/student/html/pack.html', 'evil.example')).status).toBe(421);
      expect((await get(server.url, '/', `evil.example:${port}`)).status).toBe(421);
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
        const page = await get(server.url, '/student/html/pack.html', host);
        expect(page.status).toBe(200);
        const nonce = /<script nonce="([^"]+)">/.exec(page.body)?.[1];
        expect(nonce).toBeDefined();
        expect(page.body).toContain(`script-src 'nonce-${nonce}'`);
        expect(page.body.match(/Content-Security-Policy/g)).toHaveLength(1);
      }
      for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/student/..%2f..%2fsecret.txt']) {
        const response = await get(server.url, path, `localhost:${port}`);
        expect(response.body).not.toContain('OUTSIDE');
        expect([403, 404]).toContain(response.status);
      }
    } finally {
      await server.close();
    }
  });
});
