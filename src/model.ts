// The typed values passed between the pipeline's stages.
import type { Root } from 'mdast';

/** A place in a content file, for messages a trainer can act on. */
export interface Place {
  file: string;
  line?: number;
  column?: number;
}

/** A content file read from disk and decoded to text. */
export interface SourceText {
  /** Path relative to the content folder, as shown in messages. */
  file: string;
  text: string;
  /** Decoding notes (e.g. a Windows-1252 file decoded), shown as warnings. */
  warnings: string[];
}

export interface RawCourse {
  dir: string;
  /** The language course.yaml declares (today's guess when it says nothing): for messages before it is validated. */
  lang?: string;
  course: SourceText;
  cases: SourceText[];
}

export interface TimingSegment {
  id?: string;
  minutes: number;
  label: string;
}

export interface Criterion {
  id: string;
  label: string;
  points: number;
  description?: string;
}

export interface Rubric {
  label: string;
  total: number;
  criteria: Criterion[];
}

export interface Group {
  name: string;
  /** The case this group works on, when the course assigns one. */
  caseId?: string;
  /** The learners of the group, when the course lists them (one results row each). */
  members?: string[];
}

/** A box of a blank diagram page: a column or a layer. */
export interface DiagramBox {
  label: string;
  /** Relative size among the boxes (1 by default). */
  width: number;
  /** The statement item whose list pre-fills the box, by its bold label. */
  from?: string;
  /** Dashed areas inside the box. */
  parts: string[];
}

/** The blank diagram page the course (or a case) gives the groups to draw on. */
export interface DiagramTemplate {
  heading?: string;
  hint?: string;
  direction: 'columns' | 'layers';
  /** None: one framed drawing area. */
  boxes: DiagramBox[];
  arrows: boolean;
  bands: string[];
}

/** A case's diagram page, its boxes pre-filled from the statement. */
export interface CaseDiagram extends DiagramTemplate {
  /** The items of each box, in the order of `boxes`. */
  items: string[][];
}

export interface Figure {
  label: string;
  value: string;
}

export interface Course {
  file: string;
  title: string;
  subtitle?: string;
  lang: string;
  organisation?: string;
  author?: string;
  /** Printed date; the build date when absent. */
  date?: string;
  groups: Group[];
  frame: { heading: string };
  timing: { label: string; total: number; segments: TimingSegment[] };
  deliverables: { label: string; items: string[] };
  rubric: Rubric;
  restitution: { heading: string; steps: { title: string; detail?: string }[] };
  checklist: { heading: string; items: string[] };
  /** Whether the build makes the answer key for students (statements and reference solutions). */
  answerKey: boolean;
  /** What the groups' feedback sheets show besides points and comments. */
  feedback: { indicators: boolean };
  /** The blank diagram page of each case; `null` when the course has none; neutral when it says nothing. */
  diagram: DiagramTemplate | null;
  cases: Case[];
}

export interface Case {
  file: string;
  number: number;
  id: string;
  /** Stable file name stem, e.g. `case-2-contoso`. */
  slug: string;
  organisation: string;
  sector: string;
  goal: string;
  figures: Figure[];
  tags: string[];
  /** Trainer-only: what the trainer checks in this case, per rubric criterion id. */
  indicators: Record<string, string[]>;
  /** The case's blank diagram page for the groups; `null`: none. */
  diagram: DiagramTemplate | null;
  /** Full Markdown tree; trainer-only containers carry `data.trainerOnly`. */
  tree: Root;
}

/** `answers`: the answer key sent to students after the workshop (statements and solutions, no trainer notes). */
export type EditionName = 'student' | 'trainer' | 'answers';

/** One case as one edition shows it. */
export interface CaseView {
  case: Case;
  tree: Root;
  /** The student edition's diagram page, pre-filled from its statement; `null` in the other editions. */
  diagram: CaseDiagram | null;
}

export interface Edition {
  name: EditionName;
  course: Course;
  cases: CaseView[];
}

/** A Mermaid block of a case, drawn once however many documents show it. */
export interface Diagram {
  /** Hash of the source. */
  id: string;
  source: string;
  /** The block's first line in its Markdown file. */
  place: Place;
}

/** A file the build produces, before printing. */
export interface Document {
  /** Path inside the output folder, e.g. `student/case-2-contoso.pdf`. */
  path: string;
  audience: EditionName;
  title: string;
  subject: string;
  html: string;
  /** Header text of the running header. */
  runningTitle: string;
  /** Trainer pages carry a visible mark. */
  trainerMark: boolean;
  /** Needs a second print to fill the table of contents with page numbers. */
  hasToc: boolean;
  lang: string;
  /** Mermaid diagrams whose placeholders the HTML holds. */
  diagrams: Diagram[];
  /** A PDF form: its field links become fields (evaluation grids). */
  form?: boolean;
  /** The ids the table of contents points at, with `hasToc`. */
  contents?: string[];
}

/** A heading as a PDF bookmark shows it, with the id a contents entry may point at. */
export interface Heading {
  id?: string;
  text: string;
}

/** A file written to the output folder. */
export interface Output {
  path: string;
  audience: EditionName;
  bytes: Uint8Array;
  pages?: number;
}
