// What the page says about the data: the totals (from the shown network, in the same step as the markers), how
// fresh the feed is, and the STALE and connection banners; plus the dark switch, the rider's choice kept in the
// browser.
import { t, $, number, ready } from './velib-state.js';
import { on, shown } from './velib-network.js';
import { totals } from './velib-search.js';

function writeTotals() {
  const sums = totals(shown().values());
  for (const [id, value] of [['total-stations', sums.stations], ['total-bikes', sums.bikes], ['total-mechanical', sums.mechanical],
    ['total-ebikes', sums.ebikes], ['total-docks', sums.docks], ['total-empty', sums.empty], ['total-full', sums.full]]) {
    const el = $(id);
    if (el.dataset.value !== String(value)) { el.textContent = number(value); el.dataset.value = value; }
  }
}

const span = seconds => seconds < 90 ? t('u-s', Math.max(0, Math.round(seconds)))
  : seconds < 5400 ? t('u-min', Math.floor(seconds / 60))
  : seconds < 172800 ? t('u-h', Math.floor(seconds / 3600)) : t('u-days', Math.floor(seconds / 86400));

// The feed's own timestamps too: its status can lag, and can be older than the station list.
function writeFreshness() {
  const el = $('freshness'), now = Date.now();
  const age = key => el.dataset[key] ? (now - Date.parse(el.dataset[key])) / 1000 : null;
  const updated = age('updated'), feed = age('feed'), info = age('information');
  if (updated === null) return el.textContent = t('f-waiting');
  let text = t('f-updated', span(updated));
  if (feed !== null) {
    text += t('f-feed', span(feed));
    if (info !== null && info < feed) text += t('f-info', span(feed - info));
  }
  el.textContent = text;
}

function status(s) {
  const el = $('freshness'), feed = s.feed ?? {};
  for (const [key, value] of [['updated', feed.lastSuccessUtc], ['feed', feed.feedLastUpdatedUtc], ['information', feed.informationLastUpdatedUtc]]) {
    if (value) el.dataset[key] = value; else delete el.dataset[key];
  }
  const stale = $('stale-banner');
  stale.hidden = !s.stale;
  stale.textContent = t('stale-banner', feed.lastError ? t('last-error', feed.lastError) : '');
  writeFreshness();
}

function startDark() {
  const button = $('dark-toggle'), root = document.documentElement;
  const paint = () => button.setAttribute('aria-pressed', String(root.classList.contains('velib-dark')));
  button.addEventListener('click', () => {
    const dark = root.classList.toggle('velib-dark');
    try { localStorage.setItem('velib.dark', dark ? '1' : '0'); } catch { /* kept for this tab only */ }
    paint();
  });
  paint();
  ready('dark');
}

export function startStatus() {
  on('shown', writeTotals);
  on('status', status);
  on('connection', connected => {
    $('connection-banner').hidden = connected;
    $('station-map').dataset.stream = connected ? 'live' : 'broken';
  });
  setInterval(writeFreshness, 5000);
  writeFreshness();
  startDark();
  ready('language'); // the FR | EN links work from the first paint; setQuery keeps their return address
}
