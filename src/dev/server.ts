import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { Output } from '../model.js';
import { eventsPath, indexPage, servedHtml, type PageState } from './pages.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.md': 'text/markdown; charset=utf-8',
  '.zip': 'application/zip',
};

export interface DevServer {
  /** The address actually bound (port 0 picks a free one). */
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  /** Serves these files (a build's HTML editions before they print) over the output folder's, until the next call. */
  preview(files: Output[]): void;
  close(): Promise<void>;
}

/**
 * Serves the output folder on 127.0.0.1 only, to requests addressed to localhost only. Files are read at each request: a build swaps the
 * whole folder, so no handle on it may be kept.
 */
export async function startServer(outDir: string, port: number, course: () => Omit<PageState, 'version'> & { title?: string }): Promise<DevServer> {
  const root = resolve(outDir);
  const listeners = new Set<ServerResponse>();
  let previewed = new Map<string, Buffer>();
  let version = 0;
  const state = () => ({ ...course(), version });
  const server = createServer((request, response) => {
    void respond(request, response).catch(() => send(response, 500, 'text/plain; charset=utf-8', 'Internal error'));
  });

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a page of another site whose name now points at 127.0.0.1 sends its own Host.
    if (!localHost(request.headers.host)) return send(response, 421, 'text/plain; charset=utf-8', 'Misdirected request: use http://localhost');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    if (path === eventsPath) return listen(response, url.searchParams.get('v'));
    if (path === '/') return send(response, 200, contentTypes['.html']!, indexPage([...new Set([...(await listFiles(root)), ...previewed.keys()])], state()));
    const file = resolve(root, `.${path}`);
    if (!file.startsWith(root + sep)) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden');
    const bytes = previewed.get(path.slice(1)) ?? (await readFile(file).catch(() => undefined));
    if (!bytes) return send(response, 404, 'text/plain; charset=utf-8', `Not found: ${path}`);
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    send(response, 200, type, extname(file) === '.html' ? servedHtml(bytes.toString('utf8'), state()) : bytes);
  }

  function listen(response: ServerResponse, shown: string | null): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    if (shown !== null && shown !== String(version)) response.write('data: reload\n\n');
    listeners.add(response);
    response.on('close', () => listeners.delete(response));
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${bound}/`,
    reload() {
      version += 1;
      for (const response of listeners) response.write('data: reload\n\n');
    },
    preview(files) {
      previewed = new Map(files.map((f) => [f.path, Buffer.from(f.bytes)]));
    },
    async close() {
      for (const response of listeners) response.end();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}

const localNames = new Set(['localhost', '127.0.0.1', '[::1]']);

function localHost(host: string | undefined): boolean {
  if (!host) return false;
  try {
    return localNames.has(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/** Every file of the output folder, as paths relative to it with `/` separators. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}
