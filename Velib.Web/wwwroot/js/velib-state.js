// What every module of the page shares, one per tab: the rider's strings, the address, and the page's own state as
// tests and measurements read it. window.velibEarlyMap.markers: the stations drawn on the map; .ready: for each
// rider job, when it first worked (performance.now()); .app: set once every job works.
export const jobs = ['station', 'search', 'filters', 'near', 'favourites', 'language', 'dark', 'replay'];
export const page = window.velibEarlyMap = { markers: new Map(), ready: {}, app: null, network: null };

export function ready(job) {
  if (page.ready[job] !== undefined) return;
  page.ready[job] = Math.round(performance.now());
  document.documentElement.dataset.ready = Object.keys(page.ready).join(' ');
  if (jobs.every(j => page.ready[j] !== undefined)) page.app = { readyAt: page.ready[job], jobs };
}

const strings = JSON.parse(document.getElementById('velib-text')?.textContent || '{}');
export const lang = document.documentElement.lang || 'fr';

/** A string of Resources/Text*.resx in the rider's language, its {0}, {1}… filled in. */
export function t(key, ...args) {
  return (strings[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

export const number = n => Number(n).toLocaleString(lang);
export const $ = id => document.getElementById(id);

export function escape(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** Opens a station wherever it was picked (the map, a list, the search): the panel listens. */
export const openStation = id => document.dispatchEvent(new CustomEvent('velib:open', { detail: { id } }));

/** Keeps ?station= and ?at= in the address, so a shared link or a language switch shows the same thing. */
export function setQuery(changes) {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  history.replaceState(null, '', url.pathname + url.search);
  for (const a of document.querySelectorAll('#language-switch a[data-language]')) {
    a.href = `/culture/${a.dataset.language}?redirect=${encodeURIComponent(url.pathname + url.search)}`;
  }
}

/** GET of text that fails with the server's message (a fragment's 404 says why, in the rider's language). */
export async function fetchText(url, signal) {
  const response = await fetch(url, { signal });
  const body = await response.text();
  return { ok: response.ok, status: response.status, body };
}
