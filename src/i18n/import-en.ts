import type { ImportWords } from './import-fr.js';

// What `npm run import` recognises in an English document, and what it says.
export const importEn: ImportWords = {
  headings: {
    case: ['case', 'case study', 'exercise', 'scenario', 'assignment', 'problem'],
    statement: ['statement', 'brief', 'the brief', 'task', 'your task', 'problem statement', 'situation', 'context'],
    solution: ['solution', 'answer key', 'answers', 'model answer', 'suggested answer', 'reference answer', 'reference solution', 'worked solution', 'debrief notes'],
    frame: ['format', 'logistics', 'ground rules', 'general arrangements', 'arrangements', 'how it works', 'setup', 'session format', 'practicalities'],
    restitution: ['presentation', 'presentations', 'report-back', 'report back', 'restitution', 'presentation template', 'debrief'],
    checklist: ['checklist', 'check-list', 'quality checklist', 'review checklist'],
  },
  labels: {
    duration: ['duration', 'timing', 'time', 'length', 'schedule'],
    deliverables: ['deliverables', 'outputs', 'expected outputs', 'what to hand in', 'hand-ins'],
    rubric: ['rubric', 'grading', 'marking', 'marking scheme', 'assessment', 'scoring', 'evaluation', 'criteria'],
  },
  restitutionSegment: ['presentation', 'presentations', 'report-back', 'report back', 'restitution', 'debrief'],
  points: ['pts', 'pt', 'points', 'point', 'marks', 'mark'],
  outOf: ['out of'],
  chat: ['here is', 'here’s', 'here are', 'sure', 'great', 'certainly', 'of course', 'want me to', 'would you like', 'if you want', 'if you’d like', 'if you like', 'i can', 'i could', 'let me know', 'happy to', 'hope this helps', 'shall i'],
  common: ['the', 'and', 'of', 'to', 'is', 'for', 'with', 'in', 'on', 'by', 'an', 'are', 'a', 'or', 'what', 'which', 'your'],
  wholeSession: 'workshop',
  report: {
    usage: `Usage: npm run import -- FILE.md --content DIR [--force] [--quiet]

  Reads a workshop written as one Markdown document (title, arrangements, cases with a
  statement and a solution, presentation template, checklist) and writes the course folder:
  course.yaml and cases/.

  --content DIR  folder to create (required); it must be empty or absent
  --force        replaces course.yaml and cases/*.md in a folder that is not empty
  --quiet        prints errors only`,
    noFile: 'Name the file to import.',
    noContent: 'Name the course folder to write with --content DIR (never content/ by default).',
    notEmpty: 'the folder is not empty: choose an empty folder, or add --force to replace course.yaml and cases/.',
    noCase: 'no case found: each case starts with a heading “Case 1 — …” (or Exercise, Scenario).',
    noStatement: 'case {number} has no statement: nothing comes before its solution.',
    noSolution: 'case {number} has no solution: add a heading “Solution” (or Answer key) before it.',
    noTitle: 'no title found: the document should start with a “# …” heading.',
    missing: 'no “{part}” found (headings or labels recognised: {words}).',
    rubricSum: 'the rubric’s criteria add up to {sum} points ({criteria}), but the rubric says {total}.',
    timingSum: 'the segments last {sum} min ({segments}), but the duration says {total} min.',
    badDuration: 'unreadable duration: “{text}” (expected e.g. “2h (60’ work + 60’ presentations)” or “90 min”).',
    badCriterion: 'criterion without points: “{text}” (expected e.g. “Accuracy (5) — …” or “Accuracy — 5 pts”).',
    mapped: '{place} → {target}',
    chat: '{place} line addressed to the reader, left out: “{text}”',
    separator: '{place} separator line left out',
    kept: '{place} not recognised, kept in {target}: “{text}”',
    keptTrainer: '{place} not recognised (after the cases, or a solution outside a case), kept for the trainer only in {target}: “{text}”',
    guessed: '{place} {what}: {value} (guessed)',
    language: 'document language: {lang} (guessed from the text)',
    written: 'Course imported into {dir}: course.yaml and {cases} case(s). Build it with “npm run build:pdf -- --content {dir}”.',
    decisions: 'Decisions:',
  },
};
