// What a rider downloads: opens the map page twice in one headless Chromium profile (a first visit, then a repeat
// visit with the browser's cache) and sums the bytes that came over the wire (transferSize: compressed, headers
// included; 0 for what the cache answered), by kind. Loopback only. Usage: node download.mjs <url> <chromium path>
import { chromium } from 'playwright-core';

const [url, executablePath] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const context = await browser.newContext();
const page = await context.newPage();

async function visit(name) {
  await page.goto(url, { waitUntil: 'load' });
  // Until every rider job works (the page's own signal, set by velib-state.js).
  await page.waitForFunction(() => window.velibEarlyMap?.app && window.velibEarlyMap.markers.size > 0, null, { timeout: 120000 });
  const entries = await page.evaluate(() => [
    ...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource'),
  ].map(e => ({ name: e.name, size: e.transferSize, body: e.encodedBodySize })));
  const kinds = {};
  for (const e of entries) {
    const path = new URL(e.name).pathname;
    const kind = path.startsWith('/_framework/') ? (/\.wasm$/.test(path) ? 'wasm' : /\.dat$/.test(path) ? 'icu' : 'framework-js')
      : path.startsWith('/api/') ? 'api' : /\.css$/.test(path) ? 'css' : /\.js$/.test(path) ? 'js' : path === '/' ? 'html' : 'other';
    kinds[kind] = (kinds[kind] ?? 0) + e.size;
  }
  const total = Object.values(kinds).reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({ visit: name, requests: entries.length, totalKB: Math.round(total / 1024), byKindKB: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, Math.round(v / 1024)])) }));
}

await visit('first');
await visit('repeat');
await browser.close();
