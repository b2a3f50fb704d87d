// Loads annals' html output from disk in headless Chromium and checks it:
//   node html_page.mjs PAGE.html EXPECTED_EVENTS SCREENSHOT.png
// - the SVG timeline has exactly one mark (g.event) per event, and the list one entry per event;
// - no console errors, no page errors, no dialogs (an escaped <script> must not run);
// - nothing is requested beyond the file itself (it works offline);
// - axe-core finds no violation of any of its rules, WCAG 2 A and AA and best practice (text
//   contrast at least 4.5:1, names, roles, landmarks, headings).
import { launch, deadline, watch } from './chromium.mjs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axe_source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [page_path, expected_arg, shot] = process.argv.slice(2);
if (!page_path || expected_arg === undefined) {
  console.error('usage: node html_page.mjs PAGE.html EXPECTED_EVENTS [SCREENSHOT.png]');
  process.exit(2);
}
const expected = Number(expected_arg);
deadline(60000, page_path);

const url = pathToFileURL(resolve(page_path)).href;
const problems = [];
const { context, close } = await launch();
try {
  const page = await context.newPage();
  watch(page, url, problems);
  await page.goto(url, { waitUntil: 'load' });

  // A vertical page (--layout vertical) is the list alone; the others draw one own mark per event.
  const vertical = await page.locator('body.vertical').count() === 1;
  const marks = await page.locator('svg.annals-timeline g.event').count();
  if (marks !== (vertical ? 0 : expected)) problems.push(`${marks} marks in the SVG, expected ${vertical ? 0 : expected}`);
  const items = await page.locator('section.events article.item').count();
  if (items !== expected) problems.push(`${items} entries in the event list, expected ${expected}`);
  if (!vertical) {
    const svg_box = await page.locator('svg.annals-timeline').boundingBox();
    if (!svg_box || svg_box.width < 900 || svg_box.height < 100) problems.push(`SVG drawn at ${JSON.stringify(svg_box)}`);
  }
  // No text, however long its words, makes the page wider than the screen.
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  if (widths[0] > widths[1]) problems.push(`the page is ${widths[0]} px wide on a ${widths[1]} px screen`);
  // Injected markup must stay text: no element the titles tried to smuggle in.
  const smuggled = await page.locator('main script, main img, svg script, svg img').count();
  if (smuggled !== 0) problems.push(`${smuggled} injected script/img elements`);
  // axe-core, evaluated through the debugger: the page's policy forbids scripts, as it should.
  await page.evaluate(axe_source);
  const audit = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  for (const v of audit.violations) {
    problems.push(`axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  }
  if (shot) {
    await page.screenshot({ path: shot, fullPage: true });
    if (!vertical) await page.locator('figure:not(.media)').screenshot({ path: shot.replace(/\.png$/, '') + '-chart.png' });
  }
} catch (e) {
  problems.push(`error: ${e.message}`);
} finally {
  await close();
}
if (problems.length) {
  for (const p of problems) console.error(`FAIL ${page_path}: ${p}`);
  process.exit(1);
}
console.log(`ok ${page_path}: ${expected} marks, no console errors${shot ? `, screenshot ${shot}` : ''}`);
