// The open station's panel: its HTML comes from the server (GET fragments/stations/{code}: MudBlazor, charts as
// SVG, the rider's language), then its forecast and archived span beside it; its numbers follow the page's one
// copy of the network. Opened from the map, a list or the search; ?station= in the address keeps it open.
import { t, $, setQuery, fetchText, ready } from './velib-state.js';
import { network, on, shown } from './velib-network.js';
import { focus, clearFocus } from './velib-map.js';
import { isFavourite, toggleFavourite } from './velib-favourites.js';

let open = null, loading = null;

const atQuery = (sep = '?') => network.replayAt ? `${sep}at=${encodeURIComponent(network.replayAt)}` : '';

async function load(host, url) {
  host.innerHTML = `<p class="velib-caption">${t('week-loading')}</p>`;
  try {
    const { body } = await fetchText(url);
    host.innerHTML = body;
  } catch {
    host.innerHTML = `<p class="velib-caption">${t('archive-unreadable', '')}</p>`;
  }
}

function wire(host, station) {
  const star = $('favourite-star');
  const paint = () => {
    const on = isFavourite(station.code);
    star.setAttribute('aria-pressed', String(on));
    star.setAttribute('aria-label', on ? star.dataset.remove : star.dataset.add);
    star.classList.toggle('on', on);
  };
  star?.addEventListener('click', () => { toggleFavourite(station.code); paint(); });
  if (star) paint();
  $('close-detail')?.addEventListener('click', e => { e.preventDefault(); close(); });
  const forecast = $('detail-forecast-host'), week = $('station-week-host');
  if (forecast) load(forecast, forecast.dataset.src + atQuery());
  if (week) {
    load(week, week.dataset.src + atQuery());
    week.addEventListener('click', e => {
      const span = e.target.closest('button[data-span]')?.dataset.span;
      if (span) load(week, `${week.dataset.src}?span=${span}${atQuery('&')}`);
    });
  }
  numbers();
}

/** Writes the open station's numbers from the shown network, in the same step as its marker. */
function numbers() {
  const s = open && shown().get(open.id);
  if (!s) return;
  for (const [id, value] of [['detail-mechanical', s.mechanical], ['detail-ebike', s.ebike], ['detail-docks', s.docks], ['detail-capacity', s.capacity]]) {
    const el = $(id);
    if (el && el.dataset.value !== String(value)) { el.textContent = value; el.dataset.value = value; }
  }
  const label = $('detail-availability');
  if (label) label.textContent = t('a-' + s.availability);
}

export async function openStation(id) {
  const station = shown().get(id) ?? network.live.get(id);
  if (!station) return;
  open = { id, code: station.code };
  setQuery({ station: station.code });
  focus(id);
  const host = $('station-detail-host');
  const request = loading = fetchText(`fragments/stations/${encodeURIComponent(station.code)}`);
  host.dataset.loading = station.code;
  const { body } = await request;
  if (loading !== request) return; // another station was opened meanwhile
  host.innerHTML = body;
  delete host.dataset.loading;
  wire(host, station);
  host.querySelector('h6, .mud-typography-h6')?.setAttribute('tabindex', '-1');
}

export function close() {
  open = null;
  loading = null;
  $('station-detail-host').innerHTML = '';
  setQuery({ station: null });
  clearFocus();
}

export function startPanel() {
  document.addEventListener('velib:open', e => openStation(e.detail.id).catch(err => console.warn('Velib: the station did not open', err)));
  on('shown', () => {
    numbers();
    if (shown().size === 0) return;
    ready('station');
    // Opened by the server from the address (?station=): take it over once the network is here.
    const served = $('station-detail');
    if (!open && served?.dataset.code) {
      const s = [...shown().values()].find(x => x.code === served.dataset.code);
      if (s) { open = { id: s.id, code: s.code }; focus(s.id); wire($('station-detail-host'), s); }
    }
  });
}
