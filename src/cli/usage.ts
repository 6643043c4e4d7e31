import type { Dictionary } from '../i18n/index.js';

type OptionName = keyof Dictionary['cli']['usage']['options'];

interface CommandUsage {
  script: string;
  argument?: keyof Dictionary['cli']['usage']['arguments'];
  options: OptionName[];
  /** Options the command cannot run without: shown without brackets. */
  required?: OptionName[];
}

/** What each command takes; the dictionaries word the options and what the command does. */
const commands = {
  build: { script: 'build:pdf', options: ['content', 'grades', 'out', 'noCache', 'quiet', 'debug'] },
  check: { script: 'check', options: ['content', 'checkedGrades', 'quiet', 'debug'] },
  dev: { script: 'dev', options: ['content', 'out', 'port', 'noCacheEachBuild', 'debug'] },
  grade: { script: 'grade', options: ['content', 'grades', 'out', 'noCache', 'quiet', 'debug'] },
  newCase: { script: 'new:case', argument: 'caseName', options: ['content'] },
  import: { script: 'import', argument: 'file', options: ['newContent', 'force', 'quiet'], required: ['newContent'] },
} satisfies Record<string, CommandUsage>;

export type Command = keyof typeof commands;

/** A command's usage: its synopsis, what it does, then its options in aligned columns. */
export function usageText(d: Dictionary, command: Command): string {
  const usage: CommandUsage = commands[command];
  const rows = usage.options.map((name) => ({ name, flag: d.cli.usage.options[name][0]!, text: d.cli.usage.options[name][1]! }));
  const synopsis = [
    `npm run ${usage.script} --`,
    ...(usage.argument ? [d.cli.usage.arguments[usage.argument]] : []),
    ...rows.map(({ name, flag }) => (usage.required?.includes(name) ? flag : `[${flag}]`)),
  ].join(' ');
  const about = d.cli.usage.about[command];
  const width = Math.max(...rows.map(({ flag }) => flag.length)) + 2;
  return [
    `${d.cli.usage.word} ${synopsis}`,
    ...(about ? ['', ...about.split('\n').map((line) => `  ${line}`)] : []),
    '',
    ...rows.map(({ flag, text }) => `  ${flag.padEnd(width)}${text}`),
  ].join('\n');
}
