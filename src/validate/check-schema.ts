import type { z } from 'zod';
import { ContentError, type Problem } from '../errors.js';
import { format, messages } from '../i18n/index.js';
import type { YamlSource } from './yaml-source.js';

/** Validates YAML against a schema; every issue becomes a message at its line. */
export function checkSchema<T extends z.ZodType>(schema: T, source: YamlSource, lang: string): z.output<T> {
  const result = schema.safeParse(source.value ?? {}, { reportInput: true });
  if (result.success) return result.data;
  throw new ContentError(result.error.issues.flatMap((issue) => toProblems(issue, schema, source, lang)));
}

function toProblems(issue: z.core.$ZodIssue, schema: z.ZodType, source: YamlSource, lang: string): Problem[] {
  const m = messages(lang);
  const path = issue.path;
  const key = keyName(path, lang);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((unknown) => ({
        place: source.locate(path, unknown),
        message: unknownKeyMessage(unknown, keysAt(schema, path), lang),
      }));
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) {
        return [{ place: source.locate(path.slice(0, -1)), message: format(m.missingKey, { key }) }];
      }
      return [{ place: source.locate(path), message: format(m.wrongType, { key, expected: m.types[issue.expected] ?? issue.expected }) }];
    case 'too_small':
      if (issue.origin === 'array') {
        return [{ place: source.locate(path), message: format(m.tooSmall, { key, minimum: Number(issue.minimum) }, lang) }];
      }
      return [{ place: source.locate(path), message: format(m.badValue, { key, reason: reason(issue.message, lang) }) }];
    case 'invalid_union': {
      // The one alternative whose type the value has (an object, not `false`) says what is wrong inside it.
      const meant = issue.errors.filter((branch) => !branch.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')));
      if (meant.length === 1) {
        return meant[0]!.flatMap((inner) => toProblems({ ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue, schema, source, lang));
      }
      return [{ place: source.locate(path), message: format(m.badValue, { key, reason: describeUnion(issue, lang) }) }];
    }
    default:
      return [{ place: source.locate(path), message: format(m.badValue, { key, reason: reason(issue.message, lang) }) }];
  }
}

function keyName(path: readonly PropertyKey[], lang: string): string {
  return path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : String(p))).join('.').replace(/\.\[/g, '[') || messages(lang).root;
}

/** Our schema's own reasons are dictionary keys; zod's stay in its words. */
function reason(message: string, lang: string): string {
  const own = (messages(lang) as unknown as Record<string, unknown>)[message];
  return typeof own === 'string' ? own : message;
}

function describeUnion(issue: z.core.$ZodIssueInvalidUnion, lang: string): string {
  const m = messages(lang);
  const expected = new Set(issue.errors.flat().map((i) => (i.code === 'invalid_type' ? m.types[i.expected] ?? i.expected : reason(i.message, lang))));
  return [...expected].join(' / ');
}

function unknownKeyMessage(unknown: string, allowed: string[], lang: string): string {
  const m = messages(lang);
  const close = allowed.find((c) => editDistance(c, unknown) <= 2);
  const hint = close ? format(m.unknownKeyHint, { suggestion: close }) : '';
  const list = allowed.length > 0 ? format(m.allowedKeys, { keys: allowed.join(', ') }) : '';
  return format(m.unknownKey, { key: unknown, hint }) + list;
}

/** The keys a schema allows at a path (zod's issue does not list them). */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const objects = objectsAt(schema, path);
  return [...new Set(objects.flatMap((o) => Object.keys(o.shape)))];
}

function objectsAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodObject[] {
  const def = (schema as unknown as { def: Record<string, unknown> & { type: string } }).def;
  const inner = (s: unknown) => objectsAt(s as z.ZodType, path);
  switch (def.type) {
    case 'optional':
    case 'default':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => objectsAt(o, path));
    case 'array':
      return typeof path[0] === 'number' ? objectsAt(def.element as z.ZodType, path.slice(1)) : [];
    case 'object': {
      if (path.length === 0) return [schema as unknown as z.ZodObject];
      const child = (schema as unknown as z.ZodObject).shape[String(path[0])];
      return child ? objectsAt(child as z.ZodType, path.slice(1)) : [];
    }
    default:
      return [];
  }
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
