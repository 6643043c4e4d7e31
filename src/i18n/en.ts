import type { Dictionary } from './fr.js';

// Printed labels and messages of an English course.
export const en: Dictionary = {
  labels: {
    studentEdition: 'Student edition',
    trainerEdition: 'Trainer edition',
    trainerMark: 'Answer key — trainer only',
    contents: 'Contents',
    pageOf: 'page {page} / {total}',
    caseTitle: 'Case {number} — {sector} {organisation}: {goal}',
    caseShort: 'Case {number} — {organisation}',
    keyFigures: 'Key figures',
    tags: 'Topics',
    group: 'Group',
    groupName: 'Group {n}',
    date: 'Date',
    evaluator: 'Evaluator',
    criterion: 'Criterion',
    points: 'Points',
    score: 'Score',
    comments: 'Comments',
    total: 'Total',
    indicators: 'Check',
    evaluationGrid: 'Evaluation grid',
    diagramTemplate: 'Diagram template',
    diagramTemplateHint: 'Draw your group’s diagram here.',
    answers: 'Your answers',
    restitutionSheet: 'Presentation sheet',
    minutesPerGroup: '{minutes} min per group',
    notes: 'Notes',
    runSheet: 'Session run sheet',
    timeline: 'Timeline',
    start: 'Start',
    activity: 'Activity',
    duration: 'Duration',
    assignments: 'Case assignments',
    caseToAssign: 'Case: ____________________',
    material: 'Material to print',
    copies: 'Copies',
    copiesPerGroup: '{n} per group',
    copiesTotal: '{n} in all',
    copiesEachFile: '1 of each file ({n} sheets)',
    handoutPlain: 'Case statement',
    handout: 'Case statement (with diagram template)',
    studentPack: 'Full student pack (frame, cases, checklist)',
    gridSheet: 'Evaluation grid (trainer)',
    alerts: { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' },
    figure: 'Figure {n}.',
    footnotes: 'Notes',
    trainerNote: 'Trainer note',
    solution: 'Answer key',
    frame: 'Workshop frame',
    durationLine: '**{label}**: {duration} ({segments})',
    minutesShort: '{n} min',
    durationMinutes: '{m} min',
    durationHours: '{h} h',
    durationHoursMinutes: '{h} h {m} min',
    segment: '{minutes} min {label}',
    rubricHeading: '{label} ({total} pts)',
    criterionLine: '{label} ({points})',
    listLabel: '**{label}**:',
    files: { studentPack: 'student-pack', trainerPack: 'trainer-pack', restitution: 'presentation-sheets', casePrefix: 'case' },
    locale: 'en-GB',
    colon: ':',
  },
  messages: {
    emptyFile: 'the file is empty.',
    unreadableFile: 'file not found or unreadable.',
    noContentDir: 'content folder not found.',
    noCases: 'no case found: add .md files to the cases/ folder.',
    decodedWindows1252:
      'the file is not saved as UTF-8; it was read as Windows-1252. Save it again as UTF-8 to avoid misread characters.',
    yamlSyntax: 'invalid YAML: {reason}',
    noFrontMatter: 'a case must start with its metadata between two “---” lines.',
    unclosedFrontMatter: 'the case metadata is not closed by a “---” line.',
    unknownKey: 'unknown key “{key}”{hint}.',
    unknownKeyHint: ' (did you mean “{suggestion}”?)',
    allowedKeys: ' Allowed keys: {keys}.',
    missingKey: 'required key “{key}” is missing.',
    wrongType: '“{key}” must be {expected}.',
    tooSmall: '“{key}” must have at least {minimum} item(s).',
    badValue: '“{key}”: invalid value ({reason}).',
    types: {
      string: 'a text',
      number: 'a number',
      boolean: 'true or false',
      array: 'a list',
      object: 'a set of keys',
      integer: 'a whole number',
    },
    duplicateCaseId: 'case id “{id}” is already used by {other}.',
    duplicateCaseNumber: 'case number {number} is already used by {other}.',
    rubricTotal: 'the rubric points add up to {sum}, but the declared total is {total}.',
    timingTotal: 'the segments last {sum} min, but the declared length is {total} min.',
    unknownCriterion: 'indicator “{id}” matches no rubric criterion ({known}).',
    unknownGroupCase: 'group “{group}” is assigned case “{id}”, which does not exist ({known}).',
    noStatement: 'the case has no statement: add a “## Statement” section.',
    noSolution: 'the case has no answer key: add a “:::solution” … “:::” block.',
    twoSolutions: 'the case has several “:::solution” blocks; one is expected.',
    unclosedBlock: 'the “:::{name}” block is not closed: add a “:::” line at its end.',
    unknownBlock: 'unknown block “:::{name}”; the blocks are “:::solution” and “:::trainer”.',
    nestedSolution: 'a “:::solution” block cannot be placed inside another block.',
    sameFenceNesting: 'the “:::{inner}” block inside “:::{outer}” has as many colons as the block around it, so its closing line would close both: use “::::{outer}” … “::::” around a {outer} that contains a “:::{inner}”.',
    strayFence: 'the line “{fence}” opens or closes no block; remove it, or fence the outer block with more colons (“::::solution” … “::::”).',
    literalDirective: '“{text}” is in {where}, where it is not a directive: it will be printed as it is, in the student edition too.',
    literalPlaces: { code: 'a code block', inlineCode: 'a code span', title: 'a link or image title', url: 'a link address', alt: 'an image’s text' },
    trainerFootnote: 'the footnote “[^{label}]” is written inside a trainer-only block but is referenced from the statement: move its definition out of the block.',
    brokenLink: 'link “{url}” leads nowhere: {reason}.',
    outsideCourse: 'path “{url}” leads outside the course folder: only files inside it are read (symbolic links included).',
    unreadableImage: 'image “{url}” could not be read ({reason}).',
    fileTooLarge: 'the file is {size} MB; casebook reads at most {limit} MB per file: split it into several cases.',
    tooManyCases: '{count} cases found; a course has at most {limit}: spread them over several courses.',
    tooDeep: 'lists or quotes nested more than {limit} levels deep: nest them less.',
    tooManyColumns: 'the table has {count} columns; the limit is {limit}.',
    diagramTooLarge: 'the Mermaid diagram is too large ({count} {unit}, limit {limit}): split it into several diagrams.',
    diagramUnits: { lines: 'lines', chars: 'characters', edges: 'edges' } as Record<string, string>,
    yamlAliases: 'YAML refused: its aliases (“*name”) expand into too many values; write these values without aliases.',
    parserFailed: 'the file could not be read to its end ({reason}).',
    missingTarget: 'no heading or file matches',
    remoteResource: 'remote images are not printed; save the image in the course folder',
    preformattedTooSmall: 'this preformatted block is {columns} columns wide: even on a landscape page it prints at {size} pt, too small to read; shorten its lines.',
    rawHtml: 'raw HTML is not printed (“{html}”); write it in Markdown.',
    diagramTooSmall: 'even on a landscape page, this diagram prints its smallest text at {size} pt, too small to read; split it or shorten its labels.',
    diagramSyntax: 'invalid Mermaid diagram: {reason}',
    formulaSyntax: 'invalid formula “{formula}”; KaTeX: {reason}',
    noStatementItem: 'the statement has no “**{item}**: …” item; the “{box}” box of the diagram template will be empty.',
    diagramColumnsAndLayers: 'the diagram template has columns or layers, not both.',
    root: '(root)',
    idFormat: 'lowercase letters, digits and dashes',
    langFormat: 'a language code such as fr or en',
    diagramNear: 'near “{near}” ({expected})',
    leak: 'trainer-only content found in a student file ({file}): “{text}”.',
  },
  workflow: {
    upToDate: 'Nothing changed since the last build: {dir} is up to date ({files} files).',
    warning: 'Warning: {problem}',
    checkOk: 'Content is valid: {cases} case(s), {diagrams} Mermaid diagram(s) checked, no PDF printed.',
    devServing: 'Preview at {url} — Ctrl-C to stop.',
    devChanged: '{file} changed: rebuilding…',
    devBuilt: 'Built in {seconds} s.',
    devFailed: 'The build failed; the preview keeps the last successful version.',
    devStopped: 'Preview stopped.',
    devTitle: 'Preview',
    devErrorTitle: 'Build error',
    devNothingYet: 'Nothing has been built yet.',
    caseCreated: 'Case created: {file}. Fill it in, then check it with “npm run check”.',
    caseFileExists: 'the file already exists.',
    scaffold: {
      statement: 'Statement',
      context: 'Context',
      needs: 'Needs',
      constraints: 'Constraints',
      expected: 'Expected',
      todo: 'To be defined',
      solution: 'Answer key (reference proposal)',
      diagram: 'Diagram',
      step: 'Step {n}',
      keyChoices: 'Key choices',
      pitfalls: 'Pitfalls',
    },
  },
  // After the workshop: answer key, grades, feedback, class summary.
  grading: {
    answerKey: 'Workshop answer key',
    feedback: 'Evaluation feedback',
    classSummary: 'Class summary',
    scoresSheet: 'Scores sheet',
    case: 'Case',
    member: 'Member',
    comment: 'Comment',
    generalComment: 'General comment',
    status: 'Status',
    complete: 'complete',
    incomplete: 'incomplete',
    mean: 'Mean',
    range: 'Range',
    outOf: '{points} / {max}',
    notGraded: '—',
    groupsGraded: '{n} group(s) graded, {incomplete} incomplete',
    chartTitle: '{criterion} (out of {max})',
    files: { answerKey: 'answer-key', scoresSheet: 'scores-sheet', results: 'results', summary: 'class-summary', feedback: 'feedback' },
    messages: {
      at: 'column “{column}”',
      atField: 'page {page}, field “{field}”',
      notANumber: '{at}: “{value}” is not a number of points.',
      negative: '{at}: {value} points; a score cannot be negative.',
      tooHigh: '{at}: {value} points on “{criterion}”, which is out of {max}.',
      notHalf: '{at}: {value} points; only whole or half points are accepted (e.g. 2.5).',
      unknownGroup: 'group “{group}” is not in the course ({known}).',
      unknownCase: 'case “{case}” is not in the course ({known}).',
      groupNotOnCase: 'group “{group}” does not work on case “{case}”.',
      missingGroup: 'the row names no group (column “{column}”).',
      missingCase: 'the row names no case (column “{column}”).',
      missingColumn: 'column “{column}” is missing (expected columns: {expected}).',
      duplicate: 'group “{group}” is already graded for case “{case}” in {other}.',
      incomplete: 'incomplete grades for group “{group}”, case “{case}”: {missing} missing; its results say “incomplete”.',
      badCsv: 'unreadable CSV file: {reason}.',
      notGraded: 'no grades for: {pairs}.',
      fieldRange: '“{criterion}”: enter a number of points from 0 to {max}, in whole or half points (e.g. 2.5).',
      extraCells: 'the row has {count} columns, the header {columns}: a comment that holds the separator must be in quotes.',
      unreadablePdf: 'this PDF cannot be read: {reason}.',
      noFields: 'this PDF has no casebook grid fields (print the grids with casebook and fill them in).',
      unknownField: 'field “{field}” matches no rubric criterion.',
      ignoredFile: 'file ignored: only .csv and .pdf files are read.',
      quotesSolution: 'the comment in {at} quotes trainer-only content (“{text}”): it will appear as it is in the group’s feedback sheet.',
      written: '{feedback} feedback sheet(s), the class summary and the results written to {dir}/.',
      nothing: 'no grades in {dir}/: copy the scores sheet from dist/grids/ or the filled grid PDFs there.',
    },
  },
  cli: {
    usage: {
      build: `Usage: npm run build:pdf -- [--content DIR] [--out DIR] [--grades DIR] [--no-cache] [--quiet] [--debug]

  --content DIR   the course folder (course.yaml and cases/); content by default
  --grades DIR    the groups' grades (CSV scores sheets, filled grid PDFs); grades/ beside the course by default
  --out DIR       the output folder; dist by default
  --no-cache      draws and prints everything again
  --quiet         shows errors only
  --debug         shows the technical detail of errors`,
      check: `Usage: npm run check -- [--content DIR] [--grades DIR] [--quiet] [--debug]

  Checks the whole course (metadata, Markdown, links, Mermaid diagrams) without printing any PDF.

  --content DIR   the course folder (course.yaml and cases/); content by default
  --grades DIR    the grades folder, checked too; grades/ beside the course by default
  --quiet         shows errors only
  --debug         shows the technical detail of errors`,
      dev: `Usage: npm run dev -- [--content DIR] [--out DIR] [--port PORT] [--no-cache] [--debug]

  Builds the course, serves it on http://localhost:PORT (HTML and PDF editions), then
  rebuilds it and reloads the page whenever the content, the templates or the styles change.

  --content DIR   the course folder (course.yaml and cases/); content by default
  --out DIR       the output folder; dist by default
  --port PORT     the local server's port; 4173 by default (0: any free port)
  --no-cache      draws and prints everything again on every build
  --debug         shows the technical detail of errors`,
      grade: `Usage: npm run grade -- [--content DIR] [--grades DIR] [--out DIR] [--no-cache] [--quiet] [--debug]

  Reads the grades (CSV scores sheets, filled grid PDFs) and writes DIR/results/ only:
  a feedback sheet per group and case, the class summary and the results as CSV.

  --content DIR   the course folder (course.yaml and cases/); content by default
  --grades DIR    the groups' grades (CSV scores sheets, filled grid PDFs); grades/ beside the course by default
  --out DIR       the output folder; dist by default
  --no-cache      draws and prints everything again
  --quiet         shows errors only
  --debug         shows the technical detail of errors`,
      newCase: `Usage: npm run new:case -- "Case name" [--content DIR]

  Creates the next case in cases/ (number and name), ready to fill in, from the
  course's own scaffold (templates/case.md) when it has one.

  --content DIR   the course folder (course.yaml and cases/); content by default`,
      import: `Usage: npm run import -- FILE.md --content DIR [--force] [--quiet]

  Reads a workshop written as one Markdown document (title, arrangements, cases with a
  statement and a solution, presentation template, checklist) and writes the course folder:
  course.yaml and cases/.

  --content DIR  folder to create (required); it must be empty or absent
  --force        replaces course.yaml and cases/*.md in a folder that is not empty
  --quiet        prints errors only`,
    },
    unknownOption: 'unknown option: {option}',
    missingValue: 'option {option} needs a value',
    badOption: 'invalid command line: {reason}',
    unexpectedArgument: 'unexpected argument: {args}',
    badEpoch: 'SOURCE_DATE_EPOCH must be a number of seconds (got “{value}”).',
    badPort: '--port needs a port number between 0 and 65535 (got “{value}”).',
    portInUse: 'Port {port} is already in use: choose another one with --port.',
    noCaseName: 'Give the name of the case.',
    noImportFile: 'Name the file to import.',
    noImportContent: 'Name the course folder to write with --content DIR (never content/ by default).',
    unusableCaseName: 'The name “{name}” has no letter or digit to make an id of.',
    stopping: 'Stop requested ({signal}): the previous output is kept.',
    interrupted: 'Build interrupted: nothing was written.',
    contentError: 'Error in the content:',
    contentErrors: 'Errors in the content:',
    nothingWritten: 'Nothing was written: the previous output is kept.',
    unexpected: 'Unexpected error: {reason}\nThis is a defect of casebook, not of your content: report it with the command you ran, this message and the output of --debug.',
    rerunWithDebug: 'Run again with --debug for the details.',
    stage: '· {stage} ({seconds})',
    stageDone: '✓ {stage} ({seconds})',
    stages: {
      load: 'reading',
      validate: 'metadata',
      parse: 'cases',
      edition: 'editions',
      render: 'layout',
      diagrams: 'diagrams',
      print: 'printing',
      verify: 'checking',
      write: 'writing',
      grades: 'grades',
    },
    printed: '  {done}/{total} {path}',
    fromCache: ' (printed before)',
    written: '{count} files written to {dir} in {seconds}:',
    seconds: '{n} s',
    pages: '{n} pp.',
    kilobytes: '{n} KB',
    megabytes: '{n} MB',
  },
  errors: {
    noBrowser: [
      'No Chromium/Chrome browser found to print the PDFs. Either:',
      '  • npx puppeteer browsers install chrome-headless-shell   (downloads Puppeteer’s browser)',
      '  • Debian/Ubuntu: sudo apt-get install chromium; macOS/Windows: install Google Chrome',
      '  • or name an installed browser: PUPPETEER_EXECUTABLE_PATH=/path/to/chrome npm run build:pdf',
    ].join('\n'),
    browserPathMissing: 'PUPPETEER_EXECUTABLE_PATH names “{path}”, which does not exist.',
    browserFailed: 'The browser “{path}” could not start: {reason}\nCheck that it opens, or name another one with PUPPETEER_EXECUTABLE_PATH.',
    browserClosed: 'The browser has already been closed.',
    browserClosedEarly: 'The browser was closed before it started.',
    printFailedTwice: 'Printing failed twice: {reason}',
    outputBusy: 'another build (process {pid}) is already writing into this folder; wait until it ends.',
    outputLocked: 'cannot lock the output folder.',
    pdfUnreadable: 'unreadable PDF: {reason}',
    pdfReaderStopped: 'the PDF reader stopped (code {code})',
  },
};
