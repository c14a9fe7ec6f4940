/** Starts the production build on a local port and Debian's Chromium through playwright-core. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function startApp(): Promise<{ server: PreviewServer; url: string }> {
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(resolve(root, 'dist/index.html'))) await build({ root, logLevel: 'warn' });
  const server = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  return { server, url };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    // Never skip silently: browser tests are part of the suite.
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects a page's console errors, uncaught errors and failed requests, in order, from now on. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText;
    // Chromium cancels a favicon fetch still in flight when the page moves to an anchor (a skip
    // link): not a failure anyone sees. A missing favicon is a 404 and still shows up above.
    if (error === 'net::ERR_ABORTED' && new URL(r.url()).pathname === '/favicon.png') return;
    errors.push(`${r.url()} ${error}`);
  });
  return errors;
}

/**
 * The built app and a browser for one test file: started before its tests, stopped after them;
 * every browser context a test opens with `newContext` is closed after that test.
 */
export function builtApp() {
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  let base = '';
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    ({ server, url: base } = await startApp());
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    /** the app's address, once started */
    base: () => base,
    /** a fresh browser context (its own history, storage and permissions), 1280×800 unless told */
    async newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      contexts.push(context);
      return context;
    },
  };
}
