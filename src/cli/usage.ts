import type { Dictionary } from '../i18n/index.js';

/** A command, by the key of its usage in the dictionary. */
export type Command = keyof Dictionary['cli']['usage']['commands'];

/**
 * A command's usage: its synopsis, what it does, then its options in aligned columns. Options
 * shared by several commands are worded once in the dictionary; a command may word one its own way.
 */
export function usageText(d: Dictionary, command: Command): string {
  const { synopsis, about, options } = d.cli.usage.commands[command];
  const shared: Record<string, string[]> = d.cli.usage.options;
  const rows = options.map((option) => (typeof option === 'string' ? shared[option]! : option));
  const width = Math.max(...rows.map(([flag]) => flag!.length)) + 2;
  return [
    `${d.cli.usage.word} ${synopsis}`,
    ...(about ? ['', ...about.split('\n').map((line) => `  ${line}`)] : []),
    '',
    ...rows.map(([flag, text]) => `  ${flag!.padEnd(width)}${text}`),
  ].join('\n');
}
