/**
 * The oldest Node casebook runs on: pdfjs-dist (the leak guard's PDF reader) declares 20.19; the
 * commands themselves need 20.16 (parseArgs reading `--no-cache`) and 20.12 (`Dirent.parentPath`).
 * `package.json`'s engines say the same.
 */
export const minimumNode = '20.19.0';

/** Whether `version` ("20.9.0", "v24.1.0") is older than `minimum`. */
export function isOlderNode(version: string, minimum: string = minimumNode): boolean {
  const parts = (v: string) => v.replace(/^v/, '').split('.').map(Number);
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}
