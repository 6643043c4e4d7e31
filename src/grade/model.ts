// What the grades say, read from the trainer's files, and what the results make of them.
import type { Case, Criterion, Group, Place } from '../model.js';

/** One criterion of one sheet: points given and the comment, each optional until filled. */
export interface CriterionGrade {
  points?: number;
  comment?: string;
}

/** One group's sheet for one case, as read from a scores sheet row or a filled grid PDF. */
export interface GradeSheet {
  caseId: string;
  group: string;
  /** By criterion id. */
  criteria: Record<string, CriterionGrade>;
  comment?: string;
  evaluator?: string;
  date?: string;
  /** The row or the PDF the sheet comes from, for messages. */
  place: Place;
  /** Where each comment was read (its column or field), for the leak warnings. */
  commentPlaces: { text: string; where: string }[];
}

export interface CriterionResult {
  criterion: Criterion;
  points?: number;
  comment?: string;
}

/** A group's result on a case. */
export interface GroupResult {
  case: Case;
  group: Group;
  criteria: CriterionResult[];
  comment?: string;
  evaluator?: string;
  date?: string;
  /** Sum of the points given. */
  total: number;
  /** Criteria without points: the result is "incomplete". */
  missing: Criterion[];
  place: Place;
}
