import { randomBytes } from 'node:crypto';
import { dictionary } from '../i18n/index.js';
import { contentSecurityPolicy, withContentSecurityPolicy } from '../render/content-security-policy.js';

/** Where the open pages listen for "rebuilt, reload". */
export const eventsPath = '/__casebook/events';

// Only served pages get this: the HTML the build writes and prints contains no script. Its nonce,
// new for each response, is the one script the page's policy lets run. The page says which
// version it shows: one that missed a reload while it was loading (two come close together, the
// preview's and the build's) is told again as it connects.
const reloadScript = (nonce: string, version: number) =>
  `<script nonce="${nonce}">new EventSource(${JSON.stringify(`${eventsPath}?v=${version}`)}).onmessage = () => location.reload();</script>`;

export interface PageState {
  lang: string;
  /** The last build's error, file:line messages; none when it succeeded. */
  error?: string;
  /** How many reloads the server has sent: what the page shows. */
  version: number;
}

/**
 * A built edition as served: the reload script, and the build error above the last good version.
 * `<body>` and `</body>` are the template's own tags: content reaches a page only as escaped text
 * or sanitized elements.
 */
export function servedHtml(html: string, state: PageState): string {
  const banner = state.error === undefined ? '' : errorBanner(state.error, state.lang);
  const nonce = randomBytes(16).toString('base64');
  const page = withContentSecurityPolicy(html, contentSecurityPolicy({ nonce, connect: "'self'" }));
  const withBanner = banner === '' ? page : page.replace(/<body[^>]*>/i, (body) => `${body}${banner}`);
  const script = reloadScript(nonce, state.version);
  return /<\/body>/i.test(withBanner) ? withBanner.replace(/<\/body>/i, `${script}</body>`) : `${withBanner}${script}`;
}

/** Links to every HTML edition and PDF of the output folder, grouped by folder. */
export function indexPage(files: string[], state: PageState & { title?: string }): string {
  const w = dictionary(state.lang).workflow;
  const groups = new Map<string, string[]>();
  for (const file of files.filter((f) => /\.(html|pdf)$/.test(f)).sort()) {
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    groups.set(folder, [...(groups.get(folder) ?? []), file]);
  }
  // The HTML editions first: they are what the preview is for.
  const ordered = [...groups].sort(([a], [b]) => Number(!a.endsWith('/html/')) - Number(!b.endsWith('/html/')) || a.localeCompare(b));
  const sections = ordered.map(
    ([folder, list]) =>
      `<h2>${escapeHtml(folder)}</h2><ul>${list.map((f) => `<li><a href="/${encodeURI(f)}">${escapeHtml(f.slice(folder.length))}</a></li>`).join('')}</ul>`,
  );
  const title = state.title ? `${w.devTitle} — ${state.title}` : w.devTitle;
  const body = sections.length > 0 ? sections.join('\n') : `<p>${escapeHtml(w.devNothingYet)}</p>`;
  return servedHtml(
    `<!doctype html><html lang="${escapeHtml(state.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}h2{font-size:1.1rem;margin-top:1.5rem}</style>` +
      `</head><body><h1>${escapeHtml(title)}</h1>\n${body}\n</body></html>`,
    state,
  );
}

function errorBanner(error: string, lang: string): string {
  const w = dictionary(lang).workflow;
  return (
    `<div role="alert" id="casebook-build-error" style="all:initial;display:block;position:relative;z-index:2147483647;margin:0 0 1rem;padding:1rem 1.25rem;` +
    `background:#fff0f0;border:3px solid #c00;color:#600;font:15px/1.5 system-ui,sans-serif">` +
    `<strong style="display:block;font-size:1.1em">${escapeHtml(w.devErrorTitle)}</strong>` +
    `<pre style="white-space:pre-wrap;margin:.5rem 0 0;font:14px/1.5 ui-monospace,monospace">${escapeHtml(error)}</pre></div>`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
