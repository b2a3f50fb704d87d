// Launches the machine's Chromium (Debian's /usr/bin/chromium) headless through
// playwright-core, with a fresh profile and no background networking.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

// `options`: more options for the context (javaScriptEnabled: false, a viewport).
export async function launch(options = {}) {
  const executablePath = candidates.find((p) => existsSync(p));
  if (!executablePath) throw new Error('no Chromium found; run tools/setup-clients.sh');
  const profile = mkdtempSync(join(tmpdir(), 'annals-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    timeout: 30000,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    ...options,
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

// Ends the process if the whole check has not finished in `ms`: a hung browser fails the test.
export function deadline(ms, what) {
  const t = setTimeout(() => {
    console.error(`FAIL ${what}: no result within ${ms / 1000}s`);
    process.exit(1);
  }, ms);
  t.unref();
}

// Records in `problems` what a page of annals must never do: log an error, throw, open a
// dialog (an escaped <script> that ran), or fetch anything but itself (its fragment aside).
export function watch(page, url, problems) {
  const self = url.split('#')[0];
  page.setDefaultTimeout(15000);
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog opened: ${d.message()}`); await d.dismiss(); });
  page.on('request', (r) => { if (r.url().split('#')[0] !== self) problems.push(`fetched: ${r.url()}`); });
}
