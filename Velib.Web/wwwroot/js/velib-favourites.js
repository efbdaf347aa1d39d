// My stations: favourites kept in the browser (local storage, no account) with their live numbers, their alert
// settings, and the alerts raised at each change of the live network (even during a replay).
import { t, $, escape, openStation, ready } from './velib-state.js';
import { network, on } from './velib-network.js';
import { AlertTracker, anyForecast, kinds, watches, percent, forecastBelowPercent } from './velib-alerts.js';

const key = 'velib.favourites';
const tracker = new AlertTracker();
const fired = [];
let items = [], forecasts = null, forecastsFailed = false, forecastVersion = -1, byCode = new Map();

function load() {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? '[]');
    items = Array.isArray(stored) ? stored.filter(f => typeof f?.code === 'string') : [];
  } catch {
    items = []; // edited by hand, an old format, or storage refused (some private modes): start empty
  }
}

function save() {
  try { localStorage.setItem(key, JSON.stringify(items)); } catch { /* storage refused: the list lives as long as the tab */ }
  render();
  check(false);
}

export const isFavourite = code => items.some(f => f.code === code);

export function toggleFavourite(code) {
  items = isFavourite(code) ? items.filter(f => f.code !== code) : [...items, { code, threshold: 2 }];
  save();
}

const labels = { mechanical: () => t('s-mechanical'), ebike: () => t('s-ebikes'), docks: () => t('s-docks'),
  soonEmpty: () => t('alert-soon-empty-label', forecastBelowPercent), soonFull: () => t('alert-soon-full-label', forecastBelowPercent) };

function forecastLine(s) {
  if (!forecasts) return t(forecastsFailed ? 'forecast-unavailable' : 'forecast-loading');
  const f = forecasts.get(s.id);
  if (f?.bikes != null && f?.docks != null) return t('mine-forecast', percent(f.bikes), percent(f.docks));
  return f?.reason === 'not-in-service' ? t('forecast-not-in-service') : t('mine-forecast-none');
}

// Only the numbers and the odds change with the network: written in place, so an open alert setting stays open.
function refresh() {
  byCode = new Map([...network.live.values()].map(s => [s.code, s]));
  for (const li of $('my-stations-list').children) {
    const s = byCode.get(li.dataset.code), f = items.find(x => x.code === li.dataset.code);
    if (!s || !f) continue;
    const counts = li.querySelector('.velib-counts'), odds = li.querySelector('.velib-mine-forecast');
    if (counts) counts.textContent = t('nearest-counts', s.mechanical, s.ebike, s.docks);
    if (odds) odds.textContent = forecastLine(s);
  }
  renderAlerts();
}

function render() {
  byCode = new Map([...network.live.values()].map(s => [s.code, s]));
  $('no-favourites').hidden = items.length > 0;
  // The alert settings the rider has open stay open, with the focus where it was.
  const list = $('my-stations-list'), focused = document.activeElement;
  const open = new Set([...list.querySelectorAll('details[open]')].map(d => d.closest('li').dataset.code));
  const focus = list.contains(focused) ? { code: focused.dataset.code, alert: focused.dataset.alert, threshold: focused.classList.contains('velib-threshold') } : null;
  $('my-stations-list').innerHTML = items.map(f => {
    const s = byCode.get(f.code), name = (s && network.names.get(s.id)) || f.code;
    const boxes = kinds.map(k => `<label><input type="checkbox" data-code="${escape(f.code)}" data-alert="${k}"${watches(f, k) ? ' checked' : ''}> ${escape(labels[k]())}</label>`);
    return `<li data-code="${escape(f.code)}"><button type="button" class="velib-link" data-id="${s?.id ?? ''}">${escape(name)}</button>`
      + (s ? ` <span class="velib-counts">${escape(t('nearest-counts', s.mechanical, s.ebike, s.docks))}</span>` : '')
      + (s && anyForecast(f) ? `<span class="velib-mine-forecast" data-forecast="${escape(f.code)}">${escape(forecastLine(s))}</span>` : '')
      + `<details><summary>${escape(t('alerts-for', name))}</summary><fieldset class="velib-alerts"><legend>${escape(t('alert-when'))}</legend>`
      + boxes.slice(0, 3).join('')
      + `<label>${escape(t('alert-threshold'))} <input type="number" min="1" max="99" value="${f.threshold ?? 2}" class="velib-threshold" data-code="${escape(f.code)}"></label>`
      + boxes.slice(3).join('') + '</fieldset></details></li>';
  }).join('');
  for (const li of list.children) if (open.has(li.dataset.code)) li.querySelector('details').open = true;
  if (focus) list.querySelector(focus.threshold ? `.velib-threshold[data-code="${CSS.escape(focus.code)}"]` : `input[data-code="${CSS.escape(focus.code)}"][data-alert="${focus.alert}"]`)?.focus();
  renderAlerts();
}

function renderAlerts() {
  const alerts = $('fired-alerts');
  alerts.dataset.count = fired.length;
  alerts.innerHTML = fired.slice(-5).reverse().map(a => `<div class="velib-alert">${escape(describe(a))}</div>`).join('');
  const ask = $('allow-notifications');
  ask.hidden = !(items.some(f => kinds.some(k => watches(f, k))) && 'Notification' in window && Notification.permission === 'default');
}

function describe(a) {
  const name = network.names.get(a.id) ?? a.code;
  if (a.kind === 'soonEmpty') return t('alert-soon-empty', name, a.value, a.threshold);
  if (a.kind === 'soonFull') return t('alert-soon-full', name, a.value, a.threshold);
  const what = { mechanical: 'd-mechanical', ebike: 'd-ebikes', docks: 'd-docks' }[a.kind];
  return t('alert-text', name, a.value, t(what), a.threshold);
}

// Every station's odds in 30 min, read once per live version for all favourites, and never while none watches them.
async function refreshForecasts(newNetwork) {
  if (!items.some(anyForecast) || (!newNetwork && forecasts) || forecastVersion === network.version) return;
  forecastVersion = network.version;
  try {
    const response = await fetch('api/stations/forecast?horizon=PT30M');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    forecasts = new Map((await response.json()).map(f => [f.id, f]));
    forecastsFailed = false;
  } catch {
    forecasts = null;
    forecastsFailed = true; // no odds, so no alert fires on old numbers
  }
}

async function check(newNetwork) {
  await refreshForecasts(newNetwork);
  byCode = new Map([...network.live.values()].map(s => [s.code, s]));
  for (const a of tracker.observe(items, code => byCode.get(code), forecasts)) {
    fired.push(a);
    if ('Notification' in window && Notification.permission === 'granted') new Notification(t('alert-title'), { body: describe(a), tag: `${a.code}-${a.kind}` });
  }
  // A station that was unknown (names or network not yet here) is drawn whole once; otherwise numbers in place.
  const drawn = [...$('my-stations-list').querySelectorAll('li button[data-id]')].every(b => b.dataset.id !== '');
  if (drawn) refresh(); else render();
}

export function startFavourites() {
  load();
  const list = $('my-stations-list');
  list.addEventListener('click', e => {
    const id = e.target.closest('button[data-id]')?.dataset.id;
    if (id) openStation(Number(id));
  });
  list.addEventListener('change', e => {
    const input = e.target, f = items.find(x => x.code === input.dataset.code);
    if (!f) return;
    if (input.dataset.alert) f[{ mechanical: 'alertMechanical', ebike: 'alertEbike', docks: 'alertDocks', soonEmpty: 'alertSoonEmpty', soonFull: 'alertSoonFull' }[input.dataset.alert]] = input.checked;
    else f.threshold = Math.min(99, Math.max(1, Number.parseInt(input.value, 10) || 2));
    save();
  });
  $('allow-notifications').addEventListener('click', async () => { await Notification.requestPermission(); render(); });
  on('live', () => check(true));
  on('names', () => { render(); ready('favourites'); });
  render();
}
