import { format, grading } from '../i18n/index.js';

/**
 * A score as a trainer types it ("2,5" or "2.5"): a number from 0 to the criterion's points, in
 * whole or half points. Empty is "not graded yet". A message (without its place) when it is wrong.
 */
export function parsePoints(
  raw: string,
  criterion: { label: string; points: number },
  where: string,
  lang: string,
): { points?: number; error?: string } {
  const m = grading(lang).messages;
  const value = raw.trim().replace(/\s+/g, '');
  if (value === '') return {};
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(value)) return { error: format(m.notANumber, { at: where, value: raw.trim() }) };
  const points = Number(value.replace(',', '.'));
  if (points < 0) return { error: format(m.negative, { at: where, value: raw.trim() }) };
  if (points > criterion.points) return { error: format(m.tooHigh, { at: where, value: raw.trim(), criterion: criterion.label, max: criterion.points }) };
  if (!Number.isInteger(points * 2)) return { error: format(m.notHalf, { at: where, value: raw.trim() }) };
  return { points };
}

/** 2.5 → "2,5" in French, "2.5" in English. */
export function formatPoints(points: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(points);
}
