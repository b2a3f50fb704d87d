// Benchmark (not a test): how fast annals' interactive html page loads and zooms in Chromium.
//   node bench_page.mjs PAGE.html [PAGE.html ...]
// Prints per page: its size, the time from navigation to the first frame drawn with the
// script's controls in place, and the time of a zoom step (the page's own + key on the
// focused chart, until the next frame is drawn): median and slowest of 12 steps in and
// 12 out, and of 12 pans.
import { launch } from './chromium.mjs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { statSync } from 'node:fs';

const pages = process.argv.slice(2);
if (!pages.length) {
  console.error('usage: node bench_page.mjs PAGE.html [PAGE.html ...]');
  process.exit(2);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
const { context, close } = await launch();
try {
  for (const path of pages) {
    const page = await context.newPage();
    const url = pathToFileURL(resolve(path)).href;
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    const load = performance.now() - t0;
    const info = await page.evaluate(() => ({
      marks: document.querySelectorAll('svg.annals-timeline g.event').length,
      controls: document.querySelectorAll('.controls').length,
    }));
    if (!info.controls) throw new Error(`${path}: the page script did not run`);
    // One step, timed inside the page: the key's handler, then style, layout and paint.
    const step = (key) => page.evaluate((key) => new Promise((r) => {
      const chart = document.querySelector('.chart');
      const t = performance.now();
      chart.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      requestAnimationFrame(() => setTimeout(() => r(performance.now() - t), 0));
    }), key);
    const times = { in: [], out: [], pan: [] };
    for (let i = 0; i < 12; ++i) times.in.push(await step('+'));
    for (let i = 0; i < 12; ++i) times.pan.push(await step(i % 2 ? 'ArrowLeft' : 'ArrowRight'));
    for (let i = 0; i < 12; ++i) times.out.push(await step('-'));
    const mb = (statSync(path).size / 1e6).toFixed(1);
    console.log(`${path}: ${info.marks} events, ${mb} MB; load ${ms(load)}; ` +
                `zoom in ${ms(median(times.in))} (slowest ${ms(Math.max(...times.in))}), ` +
                `zoom out ${ms(median(times.out))} (slowest ${ms(Math.max(...times.out))}), ` +
                `pan ${ms(median(times.pan))} (slowest ${ms(Math.max(...times.pan))})`);
    await page.close();
  }
} finally {
  await close();
}
