import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

export async function copyContent(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true });
}

interface CaseFile {
  name: string;
  text: string;
}

async function readCases(contentDir: string): Promise<CaseFile[]> {
  const names = (await readdir(join(contentDir, 'cases'))).filter((n) => n.endsWith('.md')).sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(contentDir, 'cases', name), 'utf8') })));
}

/**
 * A course of `count` cases made from the real ones: copy k of case c gets number n, id
 * `<id>-<k>`, and one more node in its diagram so every diagram is distinct (no cache sharing,
 * no dedup in drawDiagrams). Each statement also carries what other courses write: a code block,
 * a formula and a figure, each distinct per case.
 */
export async function generateCourse(contentDir: string, to: string, count: number): Promise<void> {
  const sources = await readCases(contentDir);
  await mkdir(join(to, 'cases'), { recursive: true });
  await cp(join(contentDir, 'course.yaml'), join(to, 'course.yaml'));
  await mkdir(join(to, 'cases', 'img'), { recursive: true });
  await writeFile(join(to, 'cases', 'img', 'flux.svg'), figureSvg);
  for (let n = 1; n <= count; n++) {
    const source = sources[(n - 1) % sources.length]!;
    const copy = Math.floor((n - 1) / sources.length) + 1;
    const id = /^id:\s*(\S+)\s*$/m.exec(source.text)![1]!;
    const newId = `${id}-${copy}`;
    let text = source.text
      .replace(/^number:\s*\d+\s*$/m, `number: ${n}`)
      .replace(/^id:\s*\S+\s*$/m, `id: ${newId}`)
      .replace(/^organisation:\s*(.+)$/m, (_, org: string) => `organisation: ${org.trim()} ${copy}`);
    let fenced = false;
    text = text.replace(/```mermaid\n([\s\S]*?)\n```/, (_, body: string) => {
      fenced = true;
      return `\`\`\`mermaid\n${body}\n  BENCH${n}["Copie ${n}"]\n\`\`\``;
    });
    if (!fenced) throw new Error(`no mermaid block in ${source.name}`);
    const at = text.indexOf('\n:::solution');
    if (at < 0) throw new Error(`no :::solution block in ${source.name}`);
    text = `${text.slice(0, at)}\n${otherCourseMarkdown(n)}\n${text.slice(at)}`;
    await writeFile(join(to, 'cases', `cas-${n}-${newId}.md`), text);
  }
}

const figureSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" viewBox="0 0 400 120"><rect x="10" y="30" width="120" height="60" fill="#e8eef7" stroke="#345"/><rect x="270" y="30" width="120" height="60" fill="#e8eef7" stroke="#345"/><path d="M130 60H270" stroke="#345" stroke-width="2"/><text x="70" y="65" text-anchor="middle" font-size="14">Source</text><text x="330" y="65" text-anchor="middle" font-size="14">Cible</text></svg>';

/** A code block, a formula and a figure, as a course in another field would write them. */
function otherCourseMarkdown(n: number): string {
  return [
    '```python',
    `def debit_par_seconde(evenements, fenetre=${n}):`,
    '    """Débit moyen sur une fenêtre glissante."""',
    '    return sum(e.taille for e in evenements[-fenetre:]) / fenetre',
    '```',
    '',
    `Le débit attendu est $\\bar{d} = \\frac{1}{${n}} \\sum_{i=1}^{${n}} d_i$.`,
    '',
    `![Flux du cas ${n}](img/flux.svg "Flux de données du cas ${n}")`,
    '',
  ].join('\n');
}

let edits = 0;

/**
 * Appends a sentence to a case's statement (the text right before its `:::solution` block), new
 * on every call: the project's print cache outlives a bench run, and a sentence it already holds
 * would reprint nothing.
 */
export async function editOneCase(contentDir: string): Promise<string> {
  const [first] = await readCases(contentDir);
  const path = join(contentDir, 'cases', first!.name);
  const marker = '\n:::solution';
  const at = first!.text.indexOf(marker);
  if (at < 0) throw new Error(`no :::solution block in ${first!.name}`);
  const edited = `${first!.text.slice(0, at)}\nUne phrase ajoutée pour le banc d’essai (${process.pid}-${Date.now()}-${++edits}).\n${first!.text.slice(at)}`;
  await writeFile(path, edited);
  return first!.name;
}

function stripFrontMatter(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** What a trainer would feed md-to-pdf: one frame file from course.yaml, and each case without its front matter. */
export async function plainMarkdown(contentDir: string, to: string): Promise<string[]> {
  await mkdir(to, { recursive: true });
  const course = parse(await readFile(join(contentDir, 'course.yaml'), 'utf8')) as Record<string, any>;
  const lines = [`# ${course.title}`, '', `## ${course.frame?.heading ?? 'Cadre'}`, ''];
  if (course.timing) {
    lines.push(`### ${course.timing.label} : ${course.timing.total} min`, '');
    for (const s of course.timing.segments ?? []) lines.push(`* ${s.minutes} min — ${s.label}`);
    lines.push('');
  }
  if (course.deliverables) {
    lines.push(`### ${course.deliverables.label}`, '', ...(course.deliverables.items ?? []).map((i: string) => `* ${i}`), '');
  }
  if (course.rubric) {
    lines.push(`### ${course.rubric.label} (/${course.rubric.total})`, '', '| Critère | Points | Description |', '|---|---|---|');
    for (const c of course.rubric.criteria ?? []) lines.push(`| ${c.label} | ${c.points} | ${c.description ?? ''} |`);
    lines.push('');
  }
  if (course.restitution) {
    lines.push(`## ${course.restitution.heading}`, '', ...(course.restitution.steps ?? []).map((s: any, i: number) => `${i + 1}. **${s.title}** — ${s.detail ?? ''}`), '');
  }
  if (course.checklist) {
    lines.push(`## ${course.checklist.heading}`, '', ...(course.checklist.items ?? []).map((i: string) => `- [ ] ${i}`), '');
  }
  const files = [join(to, '00-cadre.md')];
  await writeFile(files[0]!, lines.join('\n'));
  for (const c of await readCases(contentDir)) {
    const path = join(to, c.name);
    await writeFile(path, stripFrontMatter(c.text));
    files.push(path);
  }
  return files;
}

/** Absurd courses made from the real one, each refused by a limit of src/parse/limits.ts (issue 15). */
export const absurdInputs: Record<string, (contentDir: string, to: string) => Promise<void>> = {
  'a 20 MB case': (from, to) => withFirstCase(from, to, (text) => `${text}\n${'A long sentence of filler text. '.repeat(660_000)}`),
  'lists nested 5,000 deep': (from, to) => withFirstCase(from, to, (text) => `${text}\n\n${'- '.repeat(5000)}deep\n`),
  'a table of 2,000 columns': (from, to) =>
    withFirstCase(from, to, (text) => `${text}\n\n${['x', '-', '1'].map((cell) => `|${` ${cell} |`.repeat(2000)}`).join('\n')}\n`),
  'a Mermaid diagram of 3,000 nodes': (from, to) =>
    withFirstCase(from, to, (text) => `${text}\n\n\`\`\`mermaid\nflowchart LR\n${Array.from({ length: 3000 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n')}\n\`\`\`\n`),
  '500 cases': (from, to) => generateCourse(from, to, 500),
};

async function withFirstCase(contentDir: string, to: string, edit: (text: string) => string): Promise<void> {
  await copyContent(contentDir, to);
  const [first] = await readCases(to);
  await writeFile(join(to, 'cases', first!.name), edit(first!.text));
}
