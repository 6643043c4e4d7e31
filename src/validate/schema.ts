import { z } from 'zod';
import { supportedLanguages } from '../i18n/index.js';

// Every object is strict: a misspelt key is an error, not a silently ignored line.
const text = z.string().trim().min(1);
// Messages are keys of the dictionary's `messages`: check-schema says them in the course's language.
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'idFormat');
const positive = z.number().positive();
const count = z.number().int().positive();

const group = z.union([text, z.strictObject({ name: text, case: id.optional(), members: z.array(text).min(1).optional() })]);

// The blank diagram page of a student handout. `false`: no such page.
const diagramBox = z.union([
  text.transform((label): { label: string; width?: number; from?: string; parts?: string[] } => ({ label })),
  z.strictObject({
    label: text,
    /** Relative size: 1.5 is half as large again as the others. */
    width: positive.max(10).optional(),
    /** The statement item (`**Label**: a, b, c`) whose list pre-fills this box. */
    from: text.optional(),
    /** Dashed areas inside the box. */
    parts: z.array(text).optional(),
  }),
]);
export const diagramSchema = z.union([
  z.literal(false),
  z.strictObject({
    heading: text.optional(),
    hint: text.optional(),
    /** Boxes side by side, left to right… */
    columns: z.array(diagramBox).min(1).optional(),
    /** …or stacked, top to bottom (not both: checked with the course). */
    layers: z.array(diagramBox).min(1).optional(),
    /** An arrow from each box to the next. */
    arrows: z.boolean().default(false),
    /** Full-width strips below the boxes. */
    bands: z.array(text).default([]),
  }),
]);

export const courseSchema = z.strictObject({
  title: text,
  subtitle: text.optional(),
  // A language without a dictionary would print another language's labels.
  lang: z
    .string()
    .regex(/^[a-z]{2}(-[A-Za-z]{2})?$/, 'langFormat')
    .refine((lang) => supportedLanguages.includes(lang.split('-')[0]!), 'langUnsupported')
    .default('fr'),
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
  diagram: diagramSchema.optional(),
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
  /** This case's own diagram page, instead of the course's. */
  diagram: diagramSchema.optional(),
});

export type CourseData = z.infer<typeof courseSchema>;
export type CaseData = z.infer<typeof caseSchema>;
export type DiagramData = z.infer<typeof diagramSchema>;
