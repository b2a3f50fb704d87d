// Loads annals' timelinejs output into TimelineJS3 (@knight-lab/timelinejs, from
// node_modules via file://) in headless Chromium and checks that it shows one slide per
// event plus the title slide, in the order annals wrote them (TimelineJS sorts slides by
// their start dates itself), with no page errors and no script run from the titles:
//   node timelinejs.mjs TIMELINE.json EXPECTED_EVENTS [SCREENSHOT.png]
import { launch, deadline } from './chromium.mjs';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [json_path, expected_arg, shot] = process.argv.slice(2);
if (!json_path || expected_arg === undefined) {
  console.error('usage: node timelinejs.mjs TIMELINE.json EXPECTED_EVENTS [SCREENSHOT.png]');
  process.exit(2);
}
const expected = Number(expected_arg);
deadline(60000, json_path);

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
const data = JSON.parse(readFileSync(json_path, 'utf8'));  // must be valid JSON to begin with

// A host page beside nothing but the library, loaded from disk.
const dir = mkdtempSync(join(tmpdir(), 'annals-tljs-'));
const host = join(dir, 'host.html');
writeFileSync(host, `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(join(dist, 'css', 'timeline.css')).href}">
<script src="${pathToFileURL(join(dist, 'js', 'timeline.js')).href}"></script>
<style>html,body{margin:0;height:100%}#tl{width:1200px;height:650px}</style></head>
<body><div id="tl"></div></body></html>`);

const problems = [];
const { context, close } = await launch();
try {
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog opened: ${d.message()}`); await d.dismiss(); });
  // Offline: anything but files is refused (and not counted against annals' output).
  await page.route(/^(?!file:)/, (r) => r.abort());
  await page.goto(pathToFileURL(host).href, { waitUntil: 'load' });
  const shown = await page.evaluate((d) => new Promise((ok, fail) => {
    const tl = new TL.Timeline('tl', d, { hash_bookmark: false, language: 'en' });
    // The slides in the order TimelineJS sorted them into.
    tl.on('loaded', () => ok(tl.config.events.map((e) => e.unique_id)));
    setTimeout(() => fail(new Error('TimelineJS did not finish loading')), 15000);
  }), data);
  if (!shown) problems.push('not loaded');
  const written = (data.events || []).map((e) => e.unique_id);
  if (shown && shown.join(' ') !== written.join(' ')) {
    const at = written.findIndex((id, i) => shown[i] !== id);
    problems.push(`TimelineJS reorders the slides: slide ${at + 1} is ${shown[at]}, annals wrote ${written[at]}`);
  }
  await page.waitForSelector('.tl-slide', { state: 'attached' });
  const slides = await page.locator('.tl-storyslider .tl-slide').count();
  const want = expected + (data.title ? 1 : 0);
  if (slides !== want) problems.push(`${slides} slides, expected ${want} (${expected} events${data.title ? ' + title' : ''})`);
  const markers = await page.locator('.tl-timemarker').count();
  if (markers !== expected) problems.push(`${markers} markers on the time navigation, expected ${expected}`);
  // Media: each slide that has some shows it (its file is not fetched: the page is offline).
  const media = await page.locator('.tl-storyslider .tl-slide .tl-media').count();
  const want_media = (data.events || []).filter((e) => e.media).length;
  if (media < want_media) problems.push(`${media} slides show media, expected ${want_media}`);
  // Eras: one band each on the time navigation.
  const eras = await page.locator('.tl-timeera').count();
  const want_eras = (data.eras || []).length;
  if (eras !== want_eras) problems.push(`${eras} eras on the time navigation, expected ${want_eras}`);
  const error = await page.locator('.tl-message-full').count();
  if (error) problems.push(`TimelineJS shows an error: ${await page.locator('.tl-message-full').innerText()}`);
  const smuggled = await page.locator('.tl-slide script, .tl-slide img[src="x"], .tl-timemarker img[src="x"]').count();
  if (smuggled !== 0) problems.push(`${smuggled} injected script/img elements`);
  if (shot) await page.screenshot({ path: shot });
} catch (e) {
  problems.push(`error: ${e.message}`);
} finally {
  await close();
  rmSync(dir, { recursive: true, force: true });
}
if (problems.length) {
  for (const p of problems) console.error(`FAIL ${json_path}: ${p}`);
  process.exit(1);
}
const with_media = (data.events || []).filter((e) => e.media).length;
console.log(`ok ${json_path}: ${expected} event slides + title${with_media ? `, ${with_media} with media` : ''}` +
            `${(data.eras || []).length ? `, ${data.eras.length} eras` : ''} in TimelineJS`);
