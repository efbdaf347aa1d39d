// The map page on a phone against the plain Leaflet page served by the same web (issue 27), for bench/phone.sh.
// RUNS times each, alternating which page goes first: a fresh Chromium profile (cold cache), a first visit, then a
// repeat visit with the cache that first visit left, both in Lighthouse's mobile profile (phone-visit.mjs), on a
// 390x844 touch screen at 3x. Then Lighthouse (its own mobile default, simulated throttling) once per page, and a
// table of medians with the ratios to the plain page and the goals. Prints one JSON line per visit first.
//   node phone.mjs <web base url> <chromium> <runs> [<lighthouse cli.js>]
import { chromium } from 'playwright-core';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { visit, watch } from './phone-visit.mjs';

const [base, executablePath, runsArg, lighthouse] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const timeoutMs = 180000;
const pages = { plain: { path: 'bench/plain-leaflet.html', jobs: false }, velib: { path: '', jobs: true } };
const phone = {
  viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
};
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// What both pages draw: the stations of /api/stations that have a place.
const all = await (await fetch(new URL('api/stations', base))).json();
const stations = all.filter(s => s.lat !== 0 || s.lon !== 0).length;
console.log(JSON.stringify({ stations: all.length, withPlace: stations }));

const results = { plain: { first: [], repeat: [] }, velib: { first: [], repeat: [] } };
for (let run = 0; run < runs; run++) {
  for (const name of run % 2 === 0 ? ['plain', 'velib'] : ['velib', 'plain']) {
    const profile = await mkdtemp(join(tmpdir(), 'phone-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args, ...phone });
    try {
      await context.addInitScript(watch, stations);
      const url = new URL(pages[name].path, base).href;
      for (const kind of ['first', 'repeat']) {
        const r = await visit(context, url, { jobs: pages[name].jobs, timeoutMs });
        results[name][kind].push(r);
        console.log(JSON.stringify({ run: run + 1, page: name, visit: kind, ...r }));
      }
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  }
}

// Lighthouse's own run of each page: mobile is its default (simulated slow 4G, CPU 4x slower, a phone's screen).
function runLighthouse(url) {
  const flags = ['--only-categories=performance', '--output=json', '--output-path=stdout', '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu'];
  return new Promise(resolve => execFile(process.execPath, [lighthouse, url, ...flags],
    { env: { ...process.env, CHROME_PATH: executablePath }, timeout: 240000, maxBuffer: 64 << 20 }, (error, stdout) => {
      try {
        const lhr = JSON.parse(stdout);
        resolve({ score: Math.round(lhr.categories.performance.score * 100), tbt: lhr.audits['total-blocking-time'].numericValue,
          fcp: lhr.audits['first-contentful-paint'].numericValue, lcp: lhr.audits['largest-contentful-paint'].numericValue,
          warnings: lhr.runWarnings?.length ?? 0 });
      } catch { resolve({ error: String(error ?? 'no report').slice(0, 300) }); }
    }));
}
const lh = {};
if (lighthouse) for (const name of Object.keys(pages)) {
  lh[name] = await runLighthouse(new URL(pages[name].path, base).href);
  console.log(JSON.stringify({ lighthouse: name, ...lh[name] }));
}

// ---- The table: medians over the runs, min-max beside them ---------------------------------------------------------
const median = xs => { const s = xs.filter(x => x !== null && x !== undefined).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const pick = (name, kind, key) => results[name][kind].map(r => r[key]);
const spread = xs => { const s = xs.filter(x => x !== null).sort((a, b) => a - b); return s.length === xs.length && s.length > 1 ? ` (${s[0]}-${s.at(-1)})` : s.length < xs.length ? ` (${xs.length - s.length} of ${xs.length} never)` : ''; };
const secs = ms => ms === null ? 'never' : `${(ms / 1000).toFixed(2)} s`;
const kb = b => b === null ? 'never' : `${Math.round(b / 1024).toLocaleString('en')} KB`;
const rows = [];
const row = (what, plain, velib, ratio, goal, met) => rows.push([what, plain, velib, ratio, goal, met === null ? '' : met ? 'yes' : 'NO']);
const ratio = (a, b) => a === null || b === null ? null : a / b;
const times = (name, key) => median(pick(name, 'first', key));

const pm = times('plain', 'markersAt');
for (const [what, key, unit, goal, limit] of [['bytes, first visit (all)', 'bytes', kb], ['bytes before the markers are drawn', 'bytesAtMarkers', kb, '<= 150 KB', 150 * 1024],
  ['bytes until every rider job works', 'bytesAtApp', kb, '<= 1 MB', 1024 * 1024]]) {
  const v = times('velib', key);
  row(what, key === 'bytesAtApp' ? '' : unit(times('plain', key)), unit(v) + spread(pick('velib', 'first', key).map(x => x === null ? null : Math.round(x / 1024))), '', goal ?? '', limit ? v !== null && v <= limit : null);
}
const repeat = median(pick('velib', 'repeat', 'bytes'));
row('bytes, repeat visit (all)', kb(median(pick('plain', 'repeat', 'bytes'))), kb(repeat), '', '<= 50 KB', repeat <= 50 * 1024);
for (const [what, key, goal, limit] of [['first contentful paint', 'fcp', '<= 1.25x plain', 1.25], ['all markers drawn', 'markersAt', '<= 1.25x plain', 1.25]]) {
  const r = ratio(times('velib', key), times('plain', key));
  row(what, secs(times('plain', key)), secs(times('velib', key)) + spread(pick('velib', 'first', key).map(x => x === null ? null : Math.round(x))), r === null ? '' : `${r.toFixed(2)}x`, goal, r !== null && r <= limit);
}
const app = times('velib', 'appAt');
row('every rider job works (app)', '', secs(app) + spread(pick('velib', 'first', 'appAt').map(x => x === null ? null : Math.round(x))), ratio(app, pm) === null ? '' : `${ratio(app, pm).toFixed(2)}x plain markers`, '<= 2x plain markers', app !== null && app <= 2 * pm);
const jobNames = [...new Set(results.velib.first.flatMap(r => Object.keys(r.jobs ?? {})))];
for (const job of jobNames) {
  const t = median(results.velib.first.map(r => r.jobs?.[job] ?? null));
  row(`  ${job} works`, '', secs(t), ratio(t, pm) === null ? '' : `${ratio(t, pm).toFixed(2)}x plain markers`, '<= 2x plain markers', t !== null && t <= 2 * pm);
}
const repeatApp = median(pick('velib', 'repeat', 'appAt'));
row('repeat visit: every rider job works', secs(median(pick('plain', 'repeat', 'markersAt'))) + ' (markers)', secs(repeatApp), '', '', null);
if (lighthouse) {
  row('Lighthouse mobile performance', lh.plain.score ?? lh.plain.error, lh.velib.score ?? lh.velib.error, '', '>= 90', lh.velib.score >= 90);
  row('Lighthouse total blocking time', secs(lh.plain.tbt ?? null), secs(lh.velib.tbt ?? null), '', '<= 600 ms', lh.velib.tbt <= 600);
}

const header = ['', 'plain Leaflet', 'Velib (median, min-max)', 'ratio', 'goal', 'met'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
const line = r => '| ' + r.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
console.log(`\n${runs} runs per page, ${stations} stations, KB = 1024 B, times from navigation start`);
console.log([line(header), line(widths.map(w => '-'.repeat(w))), ...rows.map(line)].join('\n'));
