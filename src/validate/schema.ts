import { z } from 'zod';

// Every object is strict: a misspelt key is an error, not a silently ignored line.
const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');
const positive = z.number().positive();
const count = z.number().int().positive();

const group = z.union([text, z.strictObject({ name: text, case: id.optional(), members: z.array(text).min(1).optional() })]);

export const courseSchema = z.strictObject({
  title: text,
  subtitle: text.optional(),
  lang: z.string().regex(/^[a-z]{2}(-[A-Za-z]{2})?$/, 'a language code such as fr or en').default('fr'),
  organisation: text.optional(),
  author: text.optional(),
  date: z.union([text, z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
  groups: z.union([count.max(60), z.array(group).min(1)]).default(6),
  frame: z.strictObject({ heading: text }),
  timing: z.strictObject({
    label: text,
    total: count,
    // `id: restitution` marks the segment shared out between the groups' presentations.
    segments: z.array(z.strictObject({ id: id.optional(), minutes: count, label: text })).min(1),
  }),
  deliverables: z.strictObject({ label: text, items: z.array(text).min(1) }),
  rubric: z.strictObject({
    label: text,
    total: positive,
    criteria: z
      .array(z.strictObject({ id, label: text, points: positive, description: text.optional() }))
      .min(1),
  }),
  restitution: z.strictObject({
    heading: text,
    steps: z.array(z.strictObject({ title: text, detail: text.optional() })).min(1),
  }),
  checklist: z.strictObject({ heading: text, items: z.array(text).min(1) }),
  answerKey: z.boolean().default(false),
  feedback: z.strictObject({ indicators: z.boolean().default(false) }).default({ indicators: false }),
});

export const caseSchema = z.strictObject({
  number: count,
  id,
  organisation: text,
  sector: text,
  goal: text,
  figures: z.array(z.strictObject({ label: text, value: z.union([text, z.number()]).transform(String) })).default([]),
  tags: z.array(text).default([]),
  indicators: z.record(z.string(), z.array(text).min(1)).default({}),
});

export type CourseData = z.infer<typeof courseSchema>;
export type CaseData = z.infer<typeof caseSchema>;
