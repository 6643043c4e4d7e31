// Preloaded with `node --import` (through NODE_OPTIONS) by the tests of what a command loads: it
// registers a module resolution hook that appends every URL the process resolves to the file
// named by CASEBOOK_RECORD_MODULES, one a line.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

// This same file is the hooks module, loaded again (with `?hooks`) in Node's hooks thread.
if (!import.meta.url.endsWith('?hooks')) register(`${import.meta.url}?hooks`);

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.CASEBOOK_RECORD_MODULES, `${resolved.url}\n`);
  return resolved;
}
