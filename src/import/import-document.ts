import { toString } from 'mdast-util-to-string';
import { stringify } from 'yaml';
import { selectEditions } from '../edition/select-edition.js';
import { ContentError, type Problem } from '../errors.js';
import { format, labels } from '../i18n/index.js';
import { importWords } from '../i18n/import.js';
import { courseFileName } from '../load/load-course.js';
import type { Course, SourceText } from '../model.js';
import { parseCourse } from '../parse/parse-course.js';
import { validateCourse } from '../validate/validate-course.js';
import { leftover, preview, type Leftover } from './blocks.js';
import { caseFile } from './case-file.js';
import { readClosing } from './closing.js';
import type { Decision } from './decisions.js';
import { readFrame } from './frame.js';
import { outline, type CaseOutline, type Section } from './outline.js';
import type { ImportedDocument } from './read-document.js';
import { inlineOf, lineOf } from './source-text.js';
import { guessLanguage, wordsOf, type HeadingKind, type LabelKind } from './vocabulary.js';

export interface ImportedCourse {
  lang: string;
  /** course.yaml and cases/*.md, relative to the course folder. */
  files: { path: string; text: string }[];
  /** What became of each part of the document, in its order. */
  decisions: Decision[];
  /** What the build will warn about, found while checking the files. */
  warnings: Problem[];
  course: Course;
}

/**
 * The course folder a document makes, checked by the build's own validate and parse stages
 * before anything is written. Throws a ContentError naming the document's lines when it cannot.
 */
export function importDocument(doc: ImportedDocument, dir: string): ImportedCourse {
  const { text, file } = doc.source;
  const lang = guessLanguage(text);
  const r = importWords(lang).report;
  const problems: Problem[] = [];
  const fail = (line: number | undefined, message: string) => problems.push({ place: { file, line }, message });
  const o = outline(doc.tree);
  const decisions: Decision[] = [
    ...o.chat.map((p): Decision => ({ line: lineOf(p), kind: 'chat', text: preview(toString(p)) })),
    ...o.separators.map((s): Decision => ({ line: lineOf(s), kind: 'separator' })),
  ];

  const cases = o.regions.flatMap((region, index) => ('case' in region ? [{ outline: region.case, index }] : []));
  if (cases.length === 0) throw new ContentError([{ place: { file }, message: r.noCase }]);
  const sections = o.regions.flatMap((region, index) => ('section' in region ? [{ section: region.section, index }] : []));
  const closingKinds: (Section['meaning'])[] = ['restitution', 'checklist'];
  const firstCase = cases[0]!.index;

  const isFrame = (s: { section: Section; index: number }) => s.index < firstCase && !closingKinds.includes(s.section.meaning) && s.section.meaning !== 'solution';
  const frame = readFrame(text, file, lang, sections.filter(isFrame).map((s) => s.section));
  const closing = readClosing(text, sections.map((s) => s.section));
  problems.push(...frame.problems);
  decisions.push(...frame.decisions, ...closing.decisions);

  // What nothing took stays before the next case's solution, or for the trainer after the last
  // one; a solution outside a case ("# Corrigés") is the trainer's wherever it stands.
  const carried = new Map<CaseOutline, Leftover[]>(cases.map((c) => [c.outline, []]));
  const trainerNotes = new Map<CaseOutline, Leftover[]>(cases.map((c) => [c.outline, []]));
  const place = (at: number, items: Leftover[], trainerOnly = false) => {
    const next = cases.find((c) => c.index > at);
    if (next && !trainerOnly) carried.get(next.outline)!.push(...items);
    else trainerNotes.get(([...cases].reverse().find((c) => c.index < at) ?? cases[0]!).outline)!.push(...items);
  };
  place(-1, frame.leftovers);
  for (const { section, index } of sections) {
    if (isFrame({ section, index })) continue;
    if (closing.consumed.has(section)) {
      place(index, closingLeftovers(text, section));
      continue;
    }
    const nodes = [...(section.heading ? [leftover(text, section.heading)] : []), ...section.nodes.map((n) => leftover(text, n))];
    place(index, nodes, section.meaning === 'solution');
  }

  if (!o.title) fail(1, r.noTitle);
  else decisions.push({ line: lineOf(o.title), kind: 'mapped', target: 'course.yaml title' });
  const missing = (part: string, kind: HeadingKind | LabelKind) => fail(undefined, format(r.missing, { part, words: wordsOf(kind, lang) }));
  const d = frame.data;
  if (!d.timing && !frame.problems.length) missing('timing', 'duration');
  if (!d.deliverables) missing('deliverables', 'deliverables');
  if (!d.rubric && !frame.problems.length) missing('rubric', 'rubric');
  if (!closing.data.restitution) missing('restitution', 'restitution');
  if (!closing.data.checklist) missing('checklist', 'checklist');
  const frameHeading = d.heading ?? labels(lang).frame;
  if (d.heading === undefined) decisions.push({ line: 1, kind: 'guessed', what: 'frame.heading', value: frameHeading });

  const takenIds = new Set<string>();
  const caseFiles = cases.map((c) =>
    caseFile(text, file, lang, { outline: c.outline, carried: carried.get(c.outline)!, trainerNotes: trainerNotes.get(c.outline)!, takenIds }),
  );
  problems.push(...caseFiles.flatMap((c) => c.problems));
  if (problems.length > 0) throw new ContentError(problems);
  decisions.push(...caseFiles.flatMap((c) => c.decisions));

  const courseYaml = stringify(
    {
      title: inlineOf(text, o.title!),
      subtitle: d.subtitle,
      lang,
      frame: { heading: frameHeading },
      timing: d.timing,
      deliverables: d.deliverables,
      rubric: d.rubric,
      restitution: closing.data.restitution,
      checklist: closing.data.checklist,
    },
    { lineWidth: 0 },
  );
  const files = [{ path: courseFileName, text: courseYaml }, ...caseFiles.map((c) => ({ path: c.path, text: c.text }))];
  const { course, warnings } = checkFiles(dir, files);
  return { lang, files, decisions: decisions.sort((a, b) => a.line - b.line), warnings, course };
}

/** The restitution's or checklist's other blocks: their list went to course.yaml. */
function closingLeftovers(text: string, section: Section): Leftover[] {
  return section.nodes.filter((n) => n.type !== 'list').map((n) => leftover(text, n));
}

/** The files as the build will read them: load → validate → parse → select edition, in memory. */
function checkFiles(dir: string, files: { path: string; text: string }[]): { course: Course; warnings: Problem[] } {
  const source = (f: { path: string; text: string }): SourceText => ({ file: f.path, text: f.text, warnings: [] });
  const [course, ...cases] = files.map(source);
  const parsed = parseCourse(validateCourse({ dir, course: course!, cases }));
  return { course: parsed.course, warnings: [...parsed.warnings, ...selectEditions(parsed.course).warnings] };
}
