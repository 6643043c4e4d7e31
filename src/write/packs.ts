import { labels } from '../i18n/index.js';
import type { Course, Output } from '../model.js';
import { zipOutputs, type Deflated } from './zip.js';

/** The two packs to send: the students' files, and everything. */
export async function packs(course: Course, files: Output[], date: Date, deflated: Deflated): Promise<Output[]> {
  const l = labels(course.lang);
  const [student, trainer] = await Promise.all([
    zipOutputs(files.filter((f) => f.audience === 'student'), date, l.files.studentPack, deflated),
    zipOutputs(files, date, l.files.trainerPack, deflated),
  ]);
  return [
    { path: 'packs/student.zip', audience: 'student', bytes: student },
    { path: 'packs/trainer.zip', audience: 'trainer', bytes: trainer },
  ];
}
