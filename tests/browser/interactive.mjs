// Drives the interactive html page in headless Chromium as a reader would:
//   node interactive.mjs PAGE.html SCREENSHOT_PREFIX
// - without script the page is whole: every mark and entry, no controls;
// - the one inline script runs under the page's policy (a blocked script is a console error);
// - zoom (a button, the keyboard, Ctrl + wheel): marks move apart, the URL fragment says the
//   view, and a reload restores it;
// - a filter hides the marks and entries of other values; search narrows as one types;
// - Tab reaches the controls and the marks; Enter on a mark opens its details, Escape closes
//   them and gives the focus back;
// - axe-core (every rule) finds nothing with the controls shown and the details open;
// - nothing is fetched. Screenshots of each state: PREFIX-zoomed.png, -filtered.png, -details.png.
import { launch, deadline, watch } from './chromium.mjs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axe_source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const [page_path, prefix] = process.argv.slice(2);
if (!page_path || !prefix) {
  console.error('usage: node interactive.mjs PAGE.html SCREENSHOT_PREFIX');
  process.exit(2);
}
deadline(90000, page_path);
const url = pathToFileURL(resolve(page_path)).href;
const problems = [];
const check = (ok, what) => { if (!ok) problems.push(what); };

// Without script: the whole page, no controls.
{
  const { context, close } = await launch({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const items = await page.locator('article.item').count();
    const shown = await page.locator('article.item:visible').count();
    check(items > 0 && shown === items, `without script ${shown} of ${items} entries are shown`);
    check(await page.locator('.controls, .zoom').count() === 0, 'without script the page has controls that do nothing');
  } finally {
    await close();
  }
}

const { context, close } = await launch();
try {
  const page = await context.newPage();
  watch(page, url, problems);
  await page.goto(url, { waitUntil: 'load' });
  const total = await page.locator('article.item').count();
  const hasChart = await page.locator('svg.annals-timeline').count() === 1;
  check(await page.locator('.controls').count() === 1, 'the script did not run: no controls');
  check(/All \d+ events shown/.test(await page.locator('.controls .status').textContent()), 'no status line');
  const hash = () => page.evaluate(() => decodeURIComponent(location.hash));
  const visibleItems = () => page.locator('article.item:not([hidden])').count();

  if (hasChart) {
    // Two marks at different times: their distance on screen.
    const ids = await page.evaluate(() => {
      // Two marks near the middle, where zooming in keeps them in view.
      const svg = document.querySelector('svg.annals-timeline');
      const mid = (Number(svg.getAttribute('data-x0')) + Number(svg.getAttribute('data-x1'))) / 2;
      const gs = [...svg.querySelectorAll('g.event')];
      const xs = gs.map((g) => [g.getAttribute('data-id'), Number(g.getAttribute('data-x'))])
        .sort((a, b) => Math.abs(a[1] - mid) - Math.abs(b[1] - mid));
      const a = xs[0], b = xs.find((x) => Math.abs(x[1] - a[1]) > 5) || a;
      return a[1] < b[1] ? [a[0], b[0]] : [b[0], a[0]];
    });
    const centre = (id) => page.evaluate((id) => {
      const r = document.querySelector(`g.event[data-id="${CSS.escape(id)}"] > circle.mark, g.event[data-id="${CSS.escape(id)}"] .range`).getBoundingClientRect();
      return r.left + r.width / 2;
    }, id);
    const gap = async () => (await centre(ids[1])) - (await centre(ids[0]));
    const before = await gap();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(50);
    const after = await gap();
    check(ids[0] === ids[1] || after > before * 1.5, `zoom in: the marks ${ids} moved from ${before} to ${after} px apart`);
    check(/view=2\.000,/.test(await hash()), `zoom in: the fragment is '${await hash()}'`);
    // The keyboard on the focused chart: + zooms again, → pans.
    await page.locator('.chart').focus();
    await page.keyboard.press('+');
    await page.waitForTimeout(50);
    check(/view=4\.000,/.test(await hash()), `+ on the chart: the fragment is '${await hash()}'`);
    const h1 = await hash();
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(50);
    check((await hash()) !== h1 || await page.getByRole('button', { name: 'Later' }).isDisabled(), '→ did not pan');
    // Ctrl + wheel over the drawing zooms in.
    const box = await page.locator('svg.annals-timeline').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForTimeout(50);
    check(/view=8\.000,/.test(await hash()), `Ctrl + wheel: the fragment is '${await hash()}'`);
    await page.screenshot({ path: `${prefix}-zoomed.png` });
    // A reload restores the view.
    const kept = await hash(), gapKept = await gap();
    await page.reload({ waitUntil: 'load' });
    check((await hash()) === kept, `reload: the fragment '${kept}' became '${await hash()}'`);
    check(Math.abs((await gap()) - gapKept) < 1, 'reload: the view is not restored');
    check((await page.locator('.zoom-level').textContent()).includes('8'), 'reload: the zoom level is not shown');
    await page.getByRole('button', { name: 'Show all' }).click();
    await page.waitForTimeout(50);
    check(!(await hash()).includes('view='), `show all: the fragment still has a view: '${await hash()}'`);
  }

  // Filters: the first value of each, then all again.
  for (const key of ['actor', 'kind', 'tag', 'place', 'era']) {
    const select = page.locator(`#annals-${key}`);
    if (await select.count() === 0) continue;
    const value = await select.evaluate((s) => s.options[1].value);
    await select.selectOption(value);
    const want = await page.evaluate(({ key, value }) => {
      const facets = JSON.parse(document.getElementById('annals-facets').textContent)[key];
      const k = String(facets.findIndex((f) => f[0] === value));
      const attr = { actor: 'actors', kind: 'kind', tag: 'tags', place: 'place', era: 'eras' }[key];
      return [...document.querySelectorAll('article.item')].filter((a) => (a.getAttribute('data-' + attr) || '').split(' ').includes(k)).length;
    }, { key, value });
    const shown = await visibleItems();
    check(want > 0 && shown === want, `filter ${key}=${value}: ${shown} entries shown, ${want} have it`);
    if (hasChart) {
      const hiddenMarks = await page.locator('svg a.filtered > g.event').count();
      check(hiddenMarks === total - want, `filter ${key}=${value}: ${hiddenMarks} marks hidden, expected ${total - want}`);
    }
    check((await hash()).includes(`${key}=${value}`), `filter ${key}: the fragment is '${await hash()}'`);
    if (key === 'actor' || key === 'kind') await page.screenshot({ path: `${prefix}-filtered.png`, fullPage: false });
    await select.selectOption('');
    check(await visibleItems() === total, `filter ${key} cleared: not every entry is back`);
  }

  // Search: typing narrows, letter by letter.
  const word = await page.evaluate(() => {
    const t = document.querySelector('article.item h3').textContent.split(/\s+/).filter((w) => w.length > 3);
    return (t.sort((a, b) => b.length - a.length)[0] || document.querySelector('article.item h3').textContent).toLowerCase();
  });
  const box = page.locator('#annals-q');
  let last = total;
  for (let n = 1; n <= word.length; ++n) {
    await box.fill(word.slice(0, n));
    const shown = await visibleItems();
    check(shown <= last, `search '${word.slice(0, n)}': ${shown} entries, more than the ${last} before`);
    last = shown;
  }
  check(last >= 1, `search '${word}': the event it comes from is not shown`);
  const texts = await page.locator('article.item:not([hidden])').allTextContents();
  check(texts.every((t) => t.toLowerCase().includes(word)), `search '${word}': an entry without it is shown`);
  check((await hash()).includes('q='), `search: the fragment is '${await hash()}'`);
  await box.fill('');
  check(await visibleItems() === total, 'search cleared: not every entry is back');

  // The keyboard: Tab reaches the search box, the zoom buttons, the chart and a mark.
  await page.goto(url, { waitUntil: 'load' });  // from the top of a fresh page
  const reached = new Set();
  for (let n = 0; n < 60 && !reached.has('mark'); ++n) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => {
      const e = document.activeElement;
      if (e.id === 'annals-q') return 'search';
      if (e.matches('.zoom button')) return 'zoom';
      if (e.matches('.chart')) return 'chart';
      if (e.closest('svg') && e.querySelector('g.event')) return 'mark';
      if (e.matches('select')) return 'filter';
      return e.tagName;
    }));
  }
  const want = hasChart ? ['search', 'filter', 'zoom', 'chart', 'mark'] : ['search'];
  if (process.env.DEBUG) console.log([...reached]);
  for (const w of want) if (w !== 'filter' || await page.locator('.controls select').count()) check(reached.has(w), `Tab never reaches the ${w}`);
  if (hasChart && reached.has('mark')) {
    const id = await page.evaluate(() => document.activeElement.querySelector('g.event').getAttribute('data-id'));
    await page.keyboard.press('Enter');
    const panel = page.locator('#annals-details');
    check(await panel.isVisible(), 'Enter on a mark: no details');
    const title = await page.locator(`#event-${CSS_escape(id)} h3`).textContent();
    check((await panel.textContent()).includes(title.trim()), `Enter on a mark: the details do not name '${title}'`);
    check((await hash()).includes(`event=${id}`), `details: the fragment is '${await hash()}'`);
    await page.screenshot({ path: `${prefix}-details.png` });
    // axe with the controls and the details shown.
    await page.evaluate(axe_source);
    const audit = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    for (const v of audit.violations) {
      problems.push(`axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
    }
    await page.keyboard.press('Escape');
    check(!(await panel.isVisible()), 'Escape: the details stay open');
    const back = await page.evaluate(() => document.activeElement.querySelector('g.event')?.getAttribute('data-id'));
    check(back === id, `Escape: the focus went to ${back}, not the mark ${id}`);
  }
} catch (e) {
  problems.push(`error: ${e.message}`);
} finally {
  await close();
}

function CSS_escape(s) { return s.replace(/[^a-zA-Z0-9_-]/g, (c) => '\\' + c); }

if (problems.length) {
  for (const p of problems) console.error(`FAIL ${page_path}: ${p}`);
  process.exit(1);
}
console.log(`ok ${page_path}: zoom, filters, search, keyboard and details work; screenshots ${prefix}-*.png`);
