import { outOfWords, pointWords } from './vocabulary.js';

// The frame's texts as people write them: "1h30 (45’ travail + 30’ restitution + 15’ feedback)",
// "2 h", "90 min"; "Barème (20 pts)", "/20", "sur 20", "out of 10"; "Nom (5) — …", "Nom — 5 pts".

const number = String.raw`(\d+(?:[.,]\d+)?)`;
const duration = String.raw`(?:(\d+)\s*h(?:eures?|ours?|rs?)?\s*(\d{1,2})?(?:\s*min(?:utes?)?)?|(\d+(?:[.,]\d+)?)\s*h(?:eures?|ours?|rs?)?|(\d+)\s*(?:min(?:utes?|s)?\.?|mn|[’'′]))(?![\p{L}\p{N}])`;

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const units = `(?:${pointWords.map(escape).join('|')})`;
const outOf = `(?:/|${outOfWords.map(escape).join('|')})`;

export interface TimingText {
  total?: number;
  segments: { minutes: number; label: string }[];
}

function minutesOf(match: RegExpExecArray): number {
  const [, hours, rest, decimalHours, minutes] = match;
  if (hours !== undefined) return Number(hours) * 60 + Number(rest ?? 0);
  if (decimalHours !== undefined) return Math.round(Number(decimalHours.replace(',', '.')) * 60);
  return Number(minutes);
}

/** "1h30 (45’ a + 30’ b)", "2h: 60 min a, 60 min b", "90 min". */
export function parseTiming(text: string): TimingText | undefined {
  const lead = new RegExp(`^\\s*${duration}`, 'iu').exec(text);
  const total = lead ? minutesOf(lead) : undefined;
  let rest = lead ? text.slice(lead[0].length) : text;
  rest = rest.trim().replace(/^[:—–-]\s*/, '');
  const inner = /^\((.*)\)\s*\.?$/s.exec(rest);
  if (inner) rest = inner[1]!;
  const parts = rest.split(rest.includes('+') ? '+' : /[;,]/).map((p) => p.trim()).filter((p) => p !== '');
  const segments = [];
  for (const part of parts) {
    const segment = parseSegment(part);
    if (!segment) return total === undefined ? undefined : { total, segments: [] };
    segments.push(segment);
  }
  if (total === undefined && segments.length === 0) return undefined;
  return { total, segments };
}

/** "45’ travail en groupe", "group work — 60 min", "restitution (30 min)". */
export function parseSegment(part: string): { minutes: number; label: string } | undefined {
  const front = new RegExp(`^${duration}\\s*`, 'iu').exec(part);
  if (front) return segment(minutesOf(front), part.slice(front[0].length));
  const back = new RegExp(`\\(?\\s*${duration}\\s*\\)?\\.?$`, 'iu').exec(part);
  if (back) return segment(minutesOf(back), part.slice(0, back.index));
  return undefined;
}

function segment(minutes: number, label: string): { minutes: number; label: string } | undefined {
  const clean = label.trim().replace(/^[:—–-]\s*|\s*[:—–-]$/g, '').replace(/^de\s+/i, '').trim();
  return clean === '' ? undefined : { minutes, label: clean };
}

/** "Barème d’évaluation (20 pts)" → label and total; the total alone from "/20", "sur 20", "10 points". */
export function parseRubricLabel(text: string): { label: string; total?: number } {
  const patterns = [
    new RegExp(`\\(\\s*${outOf}?\\s*${number}\\s*${units}?\\s*\\)`, 'iu'),
    new RegExp(`${outOf}\\s*${number}(?:\\s*${units})?(?![\\p{L}\\p{N}])`, 'iu'),
    new RegExp(`${number}\\s*${units}(?![\\p{L}\\p{N}])`, 'iu'),
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const label = (text.slice(0, match.index) + text.slice(match.index + match[0].length))
      .replace(/\(\s*\)/g, '')
      .replace(/\s*[:—–-]\s*$/, '')
      .replace(/\s+/g, ' ')
      .trim();
    return { label, total: Number(match[1]!.replace(',', '.')) };
  }
  return { label: text.replace(/\s*[:—–-]\s*$/, '').trim() };
}

export interface CriterionText {
  label: string;
  points: number;
  description?: string;
}

/** "Nom (5) — description", "Nom (5 pts) : description", "Nom — 5 pts", "Nom : 5 points — description". */
export function parseCriterion(text: string): CriterionText | undefined {
  const inParens = new RegExp(`^(.+?)\\s*\\(\\s*${number}\\s*${units}?\\s*\\)\\s*(?:[—–:-]\\s*)?(.*)$`, 'isu').exec(text);
  const afterDash = new RegExp(`^(.+?)\\s*[—–:-]\\s*${number}\\s*${units}(?![\\p{L}\\p{N}])\\.?\\s*(?:[—–:,-]\\s*)?(.*)$`, 'isu').exec(text);
  // The reading whose name is shorter: points come right after the name.
  const match = inParens && afterDash ? (inParens[1]!.length <= afterDash[1]!.length ? inParens : afterDash) : (inParens ?? afterDash);
  if (!match) return undefined;
  const description = match[3]!.trim();
  return { label: match[1]!.trim(), points: Number(match[2]!.replace(',', '.')), ...(description ? { description } : {}) };
}
