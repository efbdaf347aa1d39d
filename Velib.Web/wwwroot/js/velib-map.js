// The one map module: the Leaflet map of every station on one canvas, its markers (colours, sizes, tooltips), and the
// page's one stream of changes. Imported by the prerendered page itself, it draws the markers with their names from
// /api/stations and /api/stations/information (cached bytes, preloaded from <head>) and keeps them live from
// /api/stations/stream while the app downloads and starts in the browser; a click then opens a station's numbers.
// Once the app is up, StationMap.razor claims this same map (init) and drives the markers (load, update), and
// BrowserNetworkView receives the stream's events (subscribe).
//
// Blazor's first interactive render empties the prerendered page and renders it anew, #station-map included. A
// MutationObserver (a microtask, so before the next paint) then moves the map's container into the new #station-map.
import { startStream, stopForwarding, forwardTo } from './velib-stream.js';
export { outline } from './velib-outline.js';

const colours = { ok: '#2e7d32', low: '#f9a825', empty: '#c62828', full: '#1565c0', out: '#757575' };
const words = { mechanical: 'mechanical', ebikes: 'e-bikes', docks: 'free docks' };
const page = {
  L: window.L, map: null, host: null, container: null, renderer: null, markers: new Map(), matches: null, labels: words,
  options: null, stations: new Map(), names: new Map(), information: '[]', version: -1, source: null, live: false,
  app: null, subscriber: null, pendingClick: null,
};
window.velibEarlyMap = page; // for tests and for a look in the console

// Keep in step with Availability.cs: the app classes stations the same way for its filters and lists.
function availability(s) {
  const bikes = s.mechanical + s.ebike;
  return !s.installed || !s.renting ? 'out' : bikes === 0 ? 'empty' : s.docks === 0 ? 'full' : bikes <= (page.options?.lowBikes ?? 2) ? 'low' : 'ok';
}

function radius(capacity) { return 2.5 + Math.sqrt(Math.max(capacity, 1)) * 0.7; }

export function escape(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function style(id, a) {
  const dim = page.matches && !page.matches.has(id);
  return { color: '#ffffff', weight: 1, fillColor: colours[a] ?? colours.ok, fillOpacity: dim ? 0.12 : 0.9, opacity: dim ? 0.2 : 0.9 };
}

function createMap(host, options) {
  const L = page.L;
  const container = document.createElement('div');
  container.className = 'velib-map-canvas';
  host.append(container);
  const map = L.map(container, { preferCanvas: true, zoomControl: false, attributionControl: true }).setView([48.8566, 2.3522], 12);
  // Leaflet's own buttons, named in the rider's language.
  L.control.zoom({ zoomInTitle: options.labels?.zoomIn ?? 'Zoom in', zoomOutTitle: options.labels?.zoomOut ?? 'Zoom out' }).addTo(map);
  if (options.tileUrl) {
    const tiles = L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 19, crossOrigin: true });
    // Offline, tiles fail: the plain background stays and every marker is still drawn.
    tiles.on('tileerror', () => page.host.dataset.tiles = 'unavailable');
    tiles.on('tileload', () => page.host.dataset.tiles = 'ok');
    tiles.addTo(map);
  } else {
    host.dataset.tiles = 'none';
  }
  Object.assign(page, { map, container, host, options, renderer: L.canvas({ padding: 0.3 }), labels: options.labels ?? words });
}

// Moves the map into the new #station-map, with what the tests and the outline read off the element.
function moveTo(next) {
  if (!next || next === page.host) return;
  for (const key of ['markers', 'loadedAt', 'early', 'tiles', 'stream']) {
    if (page.host.dataset[key] !== undefined && next.dataset[key] === undefined) next.dataset[key] = page.host.dataset[key];
  }
  next.append(page.container);
  page.host = next;
  page.map.invalidateSize();
}

// rows: [id, lat, lon, capacity, availability, mechanical, ebike, docks, name, code], ids as strings (above 2^53
// they would lose precision as numbers).
function upsert(rows) {
  const L = page.L, w = page.labels;
  for (const [id, lat, lon, capacity, a, mechanical, ebike, docks, name, code] of rows) {
    const key = String(id);
    const tip = `${escape(code)}${name ? ` · ${escape(name)}` : ''}<br>${mechanical} ${w.mechanical} · ${ebike} ${w.ebikes} · ${docks} ${w.docks}`;
    let m = page.markers.get(key);
    if (lat === 0 && lon === 0) { if (m) { m.remove(); page.markers.delete(key); } continue; }
    if (!m) {
      m = L.circleMarker([lat, lon], { renderer: page.renderer, radius: radius(capacity), availability: a });
      m.on('click', () => clicked(key));
      m.bindTooltip(tip);
      m.addTo(page.map);
      page.markers.set(key, m);
    } else {
      m.setLatLng([lat, lon]);
      m.setRadius(radius(capacity));
      m.setTooltipContent(tip);
    }
    m.options.availability = a;
    m.setStyle(style(key, a));
  }
  page.host.dataset.markers = page.markers.size;
}

function removeMarkers(ids) {
  for (const id of ids) {
    const m = page.markers.get(String(id));
    if (m) { m.remove(); page.markers.delete(String(id)); }
  }
  page.host.dataset.markers = page.markers.size;
}

// Before the app is up a click shows the station's numbers on the map, and the app opens its detail once it starts.
function clicked(key) {
  if (page.app) return page.app.invokeMethodAsync('OpenStation', key);
  page.pendingClick = key;
  const s = page.stations.get(Number(key)), m = page.markers.get(key), w = page.labels;
  if (!s || !m) return;
  m.bindPopup(`<strong>${escape(s.code)} · ${escape(page.names.get(s.id) ?? '')}</strong><br>${s.mechanical} ${w.mechanical} · ${s.ebike} ${w.ebikes} · ${s.docks} ${w.docks}`).openPopup();
}

const row = s => [String(s.id), s.lat, s.lon, s.capacity, availability(s), s.mechanical, s.ebike, s.docks, page.names.get(s.id) ?? s.name ?? '', s.code];

/** Called by the stream with the stations that changed (all of them for a full state), while the module draws the map itself. */
function drawLive(stations, removed) {
  if (page.app || !page.live) return;
  upsert(stations.map(row));
  removeMarkers(removed);
  if (page.markers.size > 0) {
    page.host.dataset.loadedAt ||= performance.now().toFixed(0);
    if (page.host.dataset.early === 'loading') page.host.dataset.early = 'drawn';
  }
}

function boot() {
  const host = document.getElementById('station-map');
  if (!host || !page.L || !host.dataset.options) return;
  createMap(host, JSON.parse(host.dataset.options));
  new MutationObserver(() => moveTo(document.getElementById('station-map'))).observe(document.body, { childList: true, subtree: true });
  // A replay (?at=) shows another time than the live network: the app draws it; the basemap is there already.
  page.live = !new URLSearchParams(location.search).has('at');
  host.dataset.early = page.live ? 'loading' : 'skipped';
  startStream(page, drawLive).catch(e => {
    page.host.dataset.early = 'failed';
    console.warn('Velib: no stations before the app; the stream will bring them', e);
  });
}

// ---- For the app (StationMap.razor, BrowserNetworkView) ------------------------------------------------------------
export function init(element, options, dotnet) {
  if (!page.map) createMap(element, options);
  else moveTo(element);
  page.labels = options.labels ?? words;
  page.options = { ...page.options, lowBikes: options.lowBikes };
  page.app = dotnet;
  page.element = element;
  element._velib = page;
  return true;
}

export const subscribe = dotnet => forwardTo(page, dotnet);
export const unsubscribe = () => stopForwarding(page);

// In place: markers drawn before the app keep their spot on the canvas and take the app's classes and names.
// data-loaded-at: when markers were first drawn, by the module or the app; data-circuit-loaded-at: the app's first load.
export function load(element, rows) {
  const ids = new Set(rows.map(r => String(r[0])));
  removeMarkers([...page.markers.keys()].filter(id => !ids.has(id)));
  upsert(rows);
  const now = performance.now().toFixed(0);
  element.dataset.loadedAt ||= now;
  element.dataset.circuitLoadedAt ||= now;
  // A station clicked before the app started: the app has the network now, so it can open it.
  if (page.pendingClick && page.app) {
    page.map.closePopup();
    page.app.invokeMethodAsync('OpenStation', page.pendingClick);
    page.pendingClick = null;
  }
}

export function update(element, rows, removed) {
  upsert(rows);
  removeMarkers(removed);
  element.dataset.updates = String(Number(element.dataset.updates || 0) + 1);
}

// matches: ids that satisfy the rider's filter, or null for no filter. The others are dimmed, not hidden.
export function setFilter(element, matches) {
  page.matches = matches ? new Set(matches.map(String)) : null;
  for (const [id, m] of page.markers) m.setStyle(style(id, m.options.availability));
}

export function focus(element, id) {
  const m = page.markers.get(String(id));
  if (!m) return;
  page.map.setView(m.getLatLng(), Math.max(page.map.getZoom(), 16));
  // A ring marks the open station, on the markers' own canvas: on a canvas of its own (the map's default renderer)
  // it would lie above them and take every later click on a marker.
  page.selected?.remove();
  page.selected = page.L.circleMarker(m.getLatLng(), { renderer: page.renderer, radius: m.getRadius() + 5, color: '#5e35b1', weight: 3, fill: false, interactive: false }).addTo(page.map);
}

export function clearFocus() { page.selected?.remove(); }

export function locate() {
  return new Promise(resolve => {
    if (!navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(p => resolve([p.coords.latitude, p.coords.longitude]), () => resolve(null), { timeout: 10000 });
  });
}

// The app's component went away (another page): the map stays with the module, ready to be claimed again.
export function dispose(element) {
  page.app = null;
  if (element) element._velib = null;
}

boot();
