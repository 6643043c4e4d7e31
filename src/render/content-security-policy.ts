import { fontOrigin } from './styles.js';

/**
 * The second wall behind sanitizing: what an edition's page may run and load. No script at all,
 * inline styles, images only as the data: URIs the build inlines, fonts from the build (print) or
 * from the folder beside the HTML edition. `script` adds the dev server's reload script by nonce.
 */
export function contentSecurityPolicy(script?: { nonce: string; connect: string }): string {
  // The HTML editions rewrite `fontBaseUrl` to `fonts/`.
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    `font-src 'self' file: ${fontOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    ...(script ? [`script-src 'nonce-${script.nonce}'`, `connect-src ${script.connect}`] : []),
  ].join('; ');
}

const policyMeta = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;

/**
 * The page with its policy first in `<head>`, before anything it governs; an existing one is replaced.
 * The tags matched are the template's own: content reaches a page only as escaped text or
 * sanitized elements, never as a `<head>` or a `<meta>`.
 */
export function withContentSecurityPolicy(html: string, policy = contentSecurityPolicy()): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  if (policyMeta.test(html)) return html.replace(policyMeta, meta);
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${meta}`) : `${meta}${html}`;
}
