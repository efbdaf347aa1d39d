// The Leaflet map: every station of the shown network as a circle on one canvas, coloured by the availability the
// server decided (StationJson.availability), dimmed when it does not meet the rider's filter. A tap opens the
// station's panel; its tooltip (built when shown) gives its name and numbers.
import { page, t, escape, openStation, $ } from './velib-state.js';
import { network, on, shown } from './velib-network.js';
import { outline } from './velib-outline.js';

const credit = "Stations: <a href=\"https://www.velib-metropole.fr/donnees-open-data-gbfs-du-service-velib-metropole\">Vélib' Métropole / Smovengo open data</a>, Licence Ouverte 2.0";
const colours = { ok: '#2e7d32', low: '#f9a825', empty: '#c62828', full: '#1565c0', out: '#757575' };
let L, map, renderer, host, ring = null, matches = null;

const radius = capacity => 2.5 + Math.sqrt(Math.max(capacity, 1)) * 0.7;

function style(id, availability) {
  const dim = matches && !matches.has(id);
  return { color: '#ffffff', weight: 1, fillColor: colours[availability] ?? colours.ok, fillOpacity: dim ? 0.12 : 0.9, opacity: dim ? 0.2 : 0.9 };
}

function tip(id) {
  const s = shown().get(id);
  if (!s) return '';
  const name = network.names.get(id);
  return `${escape(s.code)}${name ? ` · ${escape(name)}` : ''}<br>${escape(t('nearest-counts', s.mechanical, s.ebike, s.docks))}`;
}

function upsert(s) {
  let m = page.markers.get(s.id);
  if (s.lat === 0 && s.lon === 0) return remove(s.id); // no position: not in station_information
  if (!m) {
    m = L.circleMarker([s.lat, s.lon], { renderer, radius: radius(s.capacity) });
    m.on('click', () => openStation(s.id));
    m.bindTooltip(() => tip(s.id));
    m.addTo(map);
    page.markers.set(s.id, m);
  } else {
    m.setLatLng([s.lat, s.lon]);
    m.setRadius(radius(s.capacity));
  }
  m.options.availability = s.availability;
  m.setStyle(style(s.id, s.availability));
}

function remove(id) {
  page.markers.get(id)?.remove();
  page.markers.delete(id);
}

// A whole network is drawn in one pass: Leaflet's canvas redraws every marker at each frame that changed any, so
// drawing it in slices (tried: 150 a task) redrew the whole canvas once a slice and doubled the main thread's work.
function draw({ changed, removed, full }) {
  if (full) for (const id of [...page.markers.keys()]) if (!shown().has(id)) remove(id);
  for (const s of changed) upsert(s);
  for (const id of removed) remove(id);
  counted();
}

function counted() {
  host.dataset.markers = page.markers.size;
  if (page.markers.size > 0) host.dataset.drawnAt ||= Math.round(performance.now());
}

/** The rider's filter: ids that meet it, or null for none. The others are dimmed, not hidden. */
export function setMatches(ids) {
  matches = ids;
  for (const [id, m] of page.markers) m.setStyle(style(id, m.options.availability));
}

/** Centres the open station and rings it (on the markers' own canvas, so it never takes their taps). */
export function focus(id) {
  const m = page.markers.get(id);
  ring?.remove();
  ring = null;
  if (!m) return;
  map.setView(m.getLatLng(), Math.max(map.getZoom(), 15));
  ring = L.circleMarker(m.getLatLng(), { renderer, radius: m.getRadius() + 5, color: '#5e35b1', weight: 3, fill: false, interactive: false }).addTo(map);
}

export function clearFocus() {
  ring?.remove();
  ring = null;
}

// The outline of Paris (115 KB) is fetched only when there are no tiles to show where a station is, and only
// after the markers: a rider with tiles never pays for it.
function backdrop() {
  if (host._velib) return;
  host._velib = { L, map, element: host };
  // When the page is idle: the outline is a backdrop, never a reason to delay a rider's tap.
  const draw = () => (window.requestIdleCallback ?? setTimeout)(() => outline(host, 'geo/paris-outline.json', null), { timeout: 2000 });
  if (page.markers.size > 0) draw(); else on('shown', () => host._velib.outline || draw());
}

export function startMap() {
  host = $('station-map');
  L = window.L;
  if (!host || !L) return;
  const options = JSON.parse(host.dataset.options || '{}');
  map = page.map = L.map(host, { preferCanvas: true, zoomControl: false }).setView([48.8566, 2.3522], 12);
  L.control.zoom({ zoomInTitle: t('zoom-in'), zoomOutTitle: t('zoom-out') }).addTo(map);
  map.attributionControl.addAttribution(credit);
  if (options.tileUrl) {
    const tiles = L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 19, crossOrigin: true });
    // Offline, tiles fail: every marker is still drawn, over the bundled outline of Paris.
    tiles.on('tileerror', () => { host.dataset.tiles = 'unavailable'; backdrop(); });
    tiles.on('tileload', () => host.dataset.tiles = 'ok');
    tiles.addTo(map);
  } else {
    host.dataset.tiles = 'none';
    backdrop();
  }
  renderer = L.canvas({ padding: 0.3 });
  on('shown', draw);
}
