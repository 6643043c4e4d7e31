import type { Heading, Paragraph, Root, RootContent, ThematicBreak } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { caseNumber, headingKind, isChat, type HeadingKind } from './vocabulary.js';

/** A case of the document: its heading, then everything before its solution, then the solution. */
export interface CaseOutline {
  heading: Heading;
  number: number;
  statementHeading?: Heading;
  /** Before the solution, statement heading included. */
  statement: RootContent[];
  /** A heading, or a paragraph that is one bold solution word. */
  solutionHeading?: Heading | Paragraph;
  /** From the solution heading to the case's end. */
  solution: RootContent[];
}

/** A part outside the cases: under a heading (or before any), with what the heading announces. */
export interface Section {
  heading?: Heading;
  meaning?: HeadingKind | 'title';
  nodes: RootContent[];
}

export type Region = { case: CaseOutline } | { section: Section };

export interface Outline {
  title?: Heading;
  regions: Region[];
  /** Paragraphs outside the cases addressed to the reader ("Voici…", "Want me to…"). */
  chat: Paragraph[];
  separators: ThematicBreak[];
}

/**
 * Splits the document into the title, sections and cases by what its headings say, whatever
 * their depth: a case runs from its heading to the next case, the next recognised part, or the
 * next heading higher than its own; its solution from the solution heading to the case's end.
 */
export function outline(tree: Root): Outline {
  const result: Outline = { regions: [], chat: [], separators: [] };
  let current: Region | undefined;
  let caseDepth = 0;
  let sectionDepth = 0;
  const open = (region: Region) => {
    result.regions.push(region);
    current = region;
  };
  for (const node of tree.children) {
    if (node.type === 'thematicBreak') {
      result.separators.push(node);
      continue;
    }
    if (node.type === 'heading') {
      const text = toString(node);
      const kind = headingKind(text);
      if (current && 'case' in current && kind !== 'case') {
        const c = current.case;
        if (kind === 'solution' && !c.solutionHeading) {
          c.solutionHeading = node;
          c.solution.push(node);
          continue;
        }
        if (kind === 'statement' && !c.solutionHeading && !c.statementHeading) {
          c.statementHeading = node;
          c.statement.push(node);
          continue;
        }
        // Only a heading higher than the case's, or one that names another part, ends the case:
        // a solution's subheading must never open a section that could reach a statement.
        if (node.depth > caseDepth || (node.depth === caseDepth && kind === undefined)) {
          (c.solutionHeading ? c.solution : c.statement).push(node);
          continue;
        }
      }
      if (kind === 'case') {
        caseDepth = node.depth;
        open({ case: { heading: node, number: caseNumber(text)!, statement: [], solution: [] } });
        continue;
      }
      if (!result.title && kind === undefined && !result.regions.some((r) => 'case' in r)) {
        result.title = node;
        sectionDepth = node.depth;
        open({ section: { heading: node, meaning: 'title', nodes: [] } });
        continue;
      }
      // A plain subheading of the restitution or the checklist stays in it.
      if (current && 'section' in current && current.section.meaning !== 'title' && current.section.meaning && kind === undefined && node.depth > sectionDepth) {
        current.section.nodes.push(node);
        continue;
      }
      sectionDepth = node.depth;
      open({ section: { heading: node, meaning: kind, nodes: [] } });
      continue;
    }
    if (current && 'case' in current) {
      const c = current.case;
      // "**Correction**" alone on its line opens the solution as a heading would.
      if (!c.solutionHeading && node.type === 'paragraph' && boldLine(node) === 'solution') c.solutionHeading = node;
      (c.solutionHeading ? c.solution : c.statement).push(node);
      continue;
    }
    if (node.type === 'paragraph' && isChat(toString(node))) {
      result.chat.push(node);
      continue;
    }
    if (!current) open({ section: { nodes: [] } });
    (current as { section: Section }).section.nodes.push(node);
  }
  return result;
}

function boldLine(node: Paragraph): HeadingKind | undefined {
  if (node.children.length !== 1 || node.children[0]!.type !== 'strong') return undefined;
  return headingKind(toString(node));
}
