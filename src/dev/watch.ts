import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface Watcher {
  close(): void;
}

/**
 * Calls `onChange` once a burst of changes in any of `dirs` has settled: an editor's save is
 * often several events (temporary file, rename, attributes), a few milliseconds apart, and they
 * must make one rebuild. A burst slower than the delay costs one more rebuild, not a wrong one.
 */
export function watchDirs(dirs: string[], onChange: (file: string) => void, delayMs = 50): Watcher {
  let timer: NodeJS.Timeout | undefined;
  let last = '';
  const watchers: FSWatcher[] = dirs.filter((dir) => existsSync(dir)).map((dir) =>
    watch(dir, { recursive: true }, (_event, name) => {
      last = name ? join(dir, name.toString()) : dir;
      clearTimeout(timer);
      timer = setTimeout(() => onChange(last), delayMs);
    }),
  );
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
