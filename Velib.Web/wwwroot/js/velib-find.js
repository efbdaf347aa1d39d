// Search by name or number, the rider's need with a minimum, and the stations nearest the rider: all from the
// page's one copy of the network, recomputed as it changes.
import { t, $, escape, openStation, ready } from './velib-state.js';
import { network, on, shown } from './velib-network.js';
import { search, meets, nearest } from './velib-search.js';
import { setMatches } from './velib-map.js';

const filter = { need: 'any', min: 1 };
let position = null;

function counts(s) {
  return escape(t('nearest-counts', s.mechanical, s.ebike, s.docks));
}

function item(s, extra = '') {
  const name = network.names.get(s.id) ?? '';
  return `<li><button type="button" class="velib-link" data-id="${s.id}">${escape(s.code)}${name ? ` · ${escape(name)}` : ''}</button>`
    + ` <span class="velib-counts">${counts(s)}${extra}</span></li>`;
}

function showResults() {
  const text = $('station-search').value;
  const found = search(shown().values(), network.names, text);
  $('search-results').innerHTML = found.map(s => item(s)).join('');
  $('search-message').textContent = text.trim() && found.length === 0 ? t('unknown-station', text.trim()) : '';
}

function submitSearch(e) {
  e.preventDefault();
  const text = $('station-search').value.trim();
  const found = search(shown().values(), network.names, text, 1);
  if (found.length > 0) openStation(found[0].id);
  else $('search-message').textContent = t('unknown-station', text);
}

function applyFilter() {
  if (filter.need === 'any') {
    setMatches(null);
    $('filter-count').textContent = '';
  } else {
    const ids = new Set([...shown().values()].filter(s => meets(s, filter.need, filter.min)).map(s => s.id));
    setMatches(ids);
    $('filter-count').textContent = t('filter-count', ids.size);
  }
  if (position) showNearest();
}

function showNearest() {
  const found = nearest(shown().values(), position[0], position[1], filter.need, filter.min);
  $('nearest-list').innerHTML = found.map(({ s, metres }) => item(s, ` · ${Math.round(metres)} m`)).join('');
}

function locate() {
  const message = $('near-message');
  if (!navigator.geolocation) return message.textContent = t('location-unavailable');
  message.textContent = t('locating');
  navigator.geolocation.getCurrentPosition(p => {
    position = [p.coords.latitude, p.coords.longitude];
    message.textContent = '';
    showNearest();
  }, () => message.textContent = t('location-unavailable'), { timeout: 10000, maximumAge: 60000 });
}

export function startFinder() {
  const input = $('station-search');
  let timer = null;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(showResults, 120); });
  $('search-form').addEventListener('submit', submitSearch);
  for (const list of [$('search-results'), $('nearest-list')]) {
    list.addEventListener('click', e => {
      const id = e.target.closest('button[data-id]')?.dataset.id;
      if (id) openStation(Number(id));
    });
  }
  const need = $('filter-need'), min = $('filter-min');
  const changed = () => {
    filter.need = need.value;
    filter.min = Math.min(99, Math.max(1, Number.parseInt(min.value, 10) || 1));
    applyFilter();
  };
  need.addEventListener('change', changed);
  min.addEventListener('change', changed);
  $('near-me').addEventListener('click', locate);
  on('shown', () => {
    if (filter.need !== 'any') applyFilter();
    else if (position) showNearest();
    // Not while the rider is on a result: re-drawing the list would take their focus away.
    if (input.value.trim() && !$('search-results').contains(document.activeElement)) showResults();
    if (shown().size > 0) { ready('filters'); ready('near'); }
  });
  on('names', () => {
    ready('search');
    if (input.value.trim()) showResults();
  });
}
