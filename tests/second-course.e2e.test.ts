import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './helpers/cli.js';
import { fixturesDir, tempDir } from './helpers/course.js';
import { flat, pdfPages, pdfText } from './helpers/pdf.js';

// A second course, in another field and language: an English incident-response tabletop, five
// named groups assigned to cases (one without), a rubric out of 10, its own diagram template (in
// layers), one case with a template of its own and one with none. Built end to end by the command
// a trainer runs, on a system set to French: the course's language wins.
const secrets = ['SEVERITYSECRET', 'CONTAINSECRET', 'PHISHSECRET', 'OUTAGESECRET'];
let out: string;
let run: CliResult;
const file = (path: string) => join(out, path);

beforeAll(async () => {
  out = join(await tempDir(), 'dist');
  run = await runCli('build', ['--content', join(fixturesDir, 'incident-response'), '--out', out], {
    env: { LANG: 'fr_FR.UTF-8', LC_ALL: '', CASEBOOK_PROGRESS: '1', SOURCE_DATE_EPOCH: '1700000000' },
  });
});

describe('a second course, in English, on incident response', () => {
  it('builds, and says so in English on the terminal', async () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^· reading \(\d+\.\d s\)$/m);
    expect(run.stderr).toMatch(/^· printing \(/m);
    expect(run.stderr).toMatch(/^\d+ files written to .*dist\/ in \d+\.\d s:$/m);
    expect(run.stderr).toMatch(/^ {2}grids\/case-1-ransomware\.pdf +3 pp\. +\d+ KB$/m);
    expect(run.stderr).toMatch(/packs\/trainer\.zip +\d+\.\d MB/);
    // Its few hundred bytes: not "0 KB", which reads as empty.
    expect(run.stderr).toMatch(/^ {2}grids\/scores-sheet\.csv +1 KB$/m);
    // French units after a number only: the temporary folder's random name may hold "Mo" (casebook-kN3HMo/).
    expect(run.stderr).not.toMatch(/Attention|fichiers|écrits|\d Ko\b|\d Mo\b| p\. /);
    expect((await readdir(file('grids'))).sort()).toEqual(['case-1-ransomware.pdf', 'case-2-phishing.pdf', 'case-3-outage.pdf', 'scores-sheet.csv']);
  });

  it('gives each case’s grid a sheet for its groups and for the group without a case, out of 10', () => {
    const sheets = (slug: string) => pdfPages(file(`grids/${slug}.pdf`)).map((p) => /Group: (.+?)\s{2,}/.exec(p)?.[1]);
    expect(sheets('case-1-ransomware')).toEqual(['Red Kites', 'Night Owls', 'Falcons']);
    expect(sheets('case-2-phishing')).toEqual(['Sea Otters', 'Falcons']);
    expect(sheets('case-3-outage')).toEqual(['Badgers', 'Falcons']);
    const page = pdfPages(file('grids/case-1-ransomware.pdf'))[0]!;
    expect(page).toMatch(/Triage and severity[\s\S]*\/ 3/);
    expect(page).toMatch(/Total\s+\/ 10/);
    expect(page).toContain('SEVERITYSECRET');
  });

  it('prints the run sheet’s copies from the assignments', () => {
    const runSheet = flat(pdfPages(file('trainer/trainer-pack.pdf'))[1]!);
    expect(runSheet).toContain('Session run sheet');
    expect(runSheet).toMatch(/Red Kites Case 1 — Northwind Clinics/);
    expect(runSheet).toMatch(/Case 1 — Northwind Clinics 3 in all student\/case-1-ransomware\.pdf/);
    expect(runSheet).toMatch(/Case 2 — Contoso Retail 2 in all student\/case-2-phishing\.pdf/);
    // Case 3 has no diagram page: its handout is not announced with one.
    expect(runSheet).toMatch(/Case statement \(with diagram template\) — Case 2 — Contoso Retail/);
    expect(runSheet).toMatch(/Case statement — Case 3 — Fabrikam Payments 2 in all student\/case-3-outage\.pdf/);
    expect(runSheet).toMatch(/Evaluation grid \(trainer\) 1 of each file \(7 sheets\) grids\/case-N-….pdf/);
    expect(runSheet).toMatch(/0 min tabletop in groups 50 min/);
  });

  it('draws the course’s own template, pre-filled from the statement, and never another course’s', () => {
    const page = pdfPages(file('student/case-1-ransomware.pdf'), { layout: false }).find((p) => p.includes('Incident timeline — Case 1'))!;
    expect(page).toBeDefined();
    for (const label of ['DETECTION ↓', 'TRIAGE ↓', 'CONTAINMENT ↓', 'SHORT TERM', 'LONG TERM', 'RECOVERY', 'COMMUNICATION (INTERNAL / EXTERNAL)']) {
      expect(page).toContain(label);
    }
    for (const signal of ['EDR alert on FS-02', 'spike of SMB writes', 'failed backups since Friday']) expect(flat(page)).toContain(signal);
    expect(page).toContain('Place each event and decision in its phase');
    const student = pdfText(file('student/student-pack.pdf'));
    expect(student).not.toMatch(/SOURCES|BRONZE|SILVER|GOLD|Collecte|Ingestion|Gabarit|architecture/i);
  });

  it('lets a case override the template, or have none', () => {
    const phishing = pdfPages(file('student/case-2-phishing.pdf'), { layout: false }).find((p) => p.includes('Attack path — Case 2'))!;
    for (const label of ['LURE', 'MAILBOX', 'ENDPOINT', 'PAYROLL SYSTEM', '14 users clicked']) expect(phishing).toContain(label);
    expect(phishing).not.toContain('DETECTION');
    const outage = pdfText(file('student/case-3-outage.pdf'));
    expect(outage).not.toMatch(/Incident timeline|Diagram template|Attack path/);
    expect(pdfPages(file('student/case-3-outage.pdf'))).toHaveLength(2);
  });

  it('sets English labels with no space before a colon, and code and drawings as written', () => {
    const handout = pdfText(file('student/case-1-ransomware.pdf'));
    expect(handout).toContain('Error rate: 38 %');
    expect(handout).not.toMatch(/Error rate\s+:/);
    expect(handout).toContain('Topics: ransomware');
    expect(handout).toContain('02:03:11 FS-02 proc=svch0st.exe');
    expect(handout).toContain('[ Clinics ] ---VPN--- [ Core switch ]');
    const sheets = pdfPages(file('student/presentation-sheets.pdf'));
    expect(sheets.map((p) => /Group: (.+?)\s{2,}/.exec(p)?.[1])).toEqual(['Red Kites', 'Night Owls', 'Sea Otters', 'Badgers', 'Falcons']);
    expect(sheets[4]).toContain('Case: ____');
    expect(sheets[0]).toContain('8 min per group');
  });

  it('gives the students no answer key', () => {
    for (const path of ['student/student-pack.pdf', 'student/case-1-ransomware.pdf', 'student/case-2-phishing.pdf', 'student/case-3-outage.pdf']) {
      const text = pdfText(file(path));
      for (const secret of secrets) expect(text, `${secret} in ${path}`).not.toContain(secret);
    }
    const trainer = pdfText(file('trainer/trainer-pack.pdf'));
    for (const secret of secrets) expect(trainer).toContain(secret);
    expect(trainer).toContain('Answer key — trainer only');
  });
});
