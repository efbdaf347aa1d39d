// Leaflet map of every station, drawn on one canvas. Markers are keyed by station id and updated in place.
const classes = {
  ok: { color: '#2e7d32' }, low: { color: '#f9a825' }, empty: { color: '#c62828' },
  full: { color: '#1565c0' }, out: { color: '#757575' },
};

export function init(element, options, dotnet) {
  const L = window.L;
  // The map that wwwroot/js/early-map.js drew before the circuit started, markers included; else a new one.
  const early = claimEarly(element, dotnet);
  const map = early?.map ?? create(L, element, options);
  const state = { L, map, dotnet, element, renderer: early?.renderer ?? L.canvas({ padding: 0.3 }), markers: early?.markers ?? new Map(), matches: null, labels: options.labels, early };
  element._velib = state;
  return true;
}

function claimEarly(element, dotnet) {
  const early = window.velibEarlyMap;
  try {
    if (!early?.claim(element)) return null;
    early.onClick = key => dotnet.invokeMethodAsync('OpenStation', key);
    return early;
  } catch (e) {
    console.warn('Velib: the early map could not be taken over; starting a new one', e);
    early?.container?.remove();
    return null;
  }
}

// The map's own element inside #station-map, as early-map.js makes it, so that both paths give the same page.
function create(L, element, options) {
  const container = document.createElement('div');
  container.className = 'velib-map-canvas';
  element.append(container);
  const map = L.map(container, { preferCanvas: true, zoomControl: false, attributionControl: true })
    .setView([48.8566, 2.3522], 12);
  // Leaflet's own buttons, named in the rider's language.
  L.control.zoom({ zoomInTitle: options.labels?.zoomIn ?? 'Zoom in', zoomOutTitle: options.labels?.zoomOut ?? 'Zoom out' }).addTo(map);
  if (options.tileUrl) {
    const tiles = L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 19, crossOrigin: true });
    // Offline, tiles fail: the plain background stays and every marker is still drawn.
    tiles.on('tileerror', () => element.dataset.tiles = 'unavailable');
    tiles.on('tileload', () => element.dataset.tiles = 'ok');
    tiles.addTo(map);
  } else {
    element.dataset.tiles = 'none';
  }
  return map;
}

// rows: [id, lat, lon, capacity, availability, mechanical, ebike, docks, name, code]
// In place: markers drawn before the circuit keep their spot on the canvas and take the names and the click.
// data-loaded-at: when markers were first drawn, early or not; data-circuit-loaded-at: the circuit's first load.
export function load(element, rows) {
  const state = element._velib;
  if (state.early) state.early.superseded = true;
  const ids = new Set(rows.map(r => String(r[0])));
  for (const [id, m] of state.markers) if (!ids.has(id)) { m.remove(); state.markers.delete(id); }
  upsert(state, rows);
  const now = performance.now().toFixed(0);
  element.dataset.loadedAt ||= now;
  element.dataset.circuitLoadedAt ||= now;
}

export function update(element, rows, removed) {
  const state = element._velib;
  upsert(state, rows);
  for (const id of removed) {
    const m = state.markers.get(String(id));
    if (m) { m.remove(); state.markers.delete(String(id)); }
  }
  element.dataset.markers = state.markers.size;
  element.dataset.updates = String(Number(element.dataset.updates || 0) + 1);
}

// matches: ids that satisfy the rider's filter, or null for no filter. The others are dimmed, not hidden.
export function setFilter(element, matches) {
  const state = element._velib;
  state.matches = matches ? new Set(matches.map(String)) : null;
  for (const [id, m] of state.markers) m.setStyle(style(state, id, m.options.availability));
}

export function focus(element, id) {
  const state = element._velib;
  const m = state.markers.get(String(id));
  if (!m) return;
  state.map.setView(m.getLatLng(), Math.max(state.map.getZoom(), 16));
  // A ring marks the open station; it is an SVG layer above the canvas of markers.
  state.selected?.remove();
  state.selected = state.L.circleMarker(m.getLatLng(), { radius: m.getRadius() + 5, color: '#5e35b1', weight: 3, fill: false, interactive: false }).addTo(state.map);
}

export function clearFocus(element) {
  element._velib?.selected?.remove();
}

export function locate() {
  return new Promise(resolve => {
    if (!navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(p => resolve([p.coords.latitude, p.coords.longitude]), () => resolve(null), { timeout: 10000 });
  });
}

export function dispose(element) {
  const map = element?._velib?.map;
  map?.remove();
  map?.getContainer().remove();
  if (element) element._velib = null;
}

function upsert(state, rows) {
  const L = state.L;
  for (const [id, lat, lon, capacity, availability, mechanical, ebike, docks, name, code] of rows) {
    const key = String(id);
    // The counts' words come from the server, in the rider's language.
    const words = state.labels ?? { mechanical: 'mechanical', ebikes: 'e-bikes', docks: 'free docks' };
    const tip = `${code} · ${escape(name)}<br>${mechanical} ${words.mechanical} · ${ebike} ${words.ebikes} · ${docks} ${words.docks}`;
    let m = state.markers.get(key);
    if (lat === 0 && lon === 0) { if (m) { m.remove(); state.markers.delete(key); } continue; }
    if (!m) {
      m = L.circleMarker([lat, lon], { renderer: state.renderer, radius: radius(capacity), availability });
      m.on('click', () => state.dotnet.invokeMethodAsync('OpenStation', key));
      m.bindTooltip(tip);
      m.addTo(state.map);
      state.markers.set(key, m);
    } else {
      m.setLatLng([lat, lon]);
      m.setRadius(radius(capacity));
      m.setTooltipContent(tip);
    }
    m.options.availability = availability;
    m.setStyle(style(state, key, availability));
  }
  state.element.dataset.markers = state.markers.size;
}

function style(state, id, availability) {
  const dim = state.matches && !state.matches.has(id);
  const color = (classes[availability] || classes.ok).color;
  return { color: '#ffffff', weight: 1, fillColor: color, fillOpacity: dim ? 0.12 : 0.9, opacity: dim ? 0.2 : 0.9 };
}

function radius(capacity) {
  return 2.5 + Math.sqrt(Math.max(capacity, 1)) * 0.7;
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// ---- Offline basemap: a bundled outline of Paris and the inner suburbs --------------------------------------------
// Without tiles (none configured, or they fail to load) a rider still needs to see where a station is: the outline
// draws the communes, the 20 arrondissements (labelled) and the Seine under the markers. With tiles it stays faint,
// so it never fights with the tiles' own lines. data-outline on the map says which: 'full', 'faint' or 'loading'.
const outlineStyles = {
  commune: { color: '#7d8791', weight: 1 },
  arrondissement: { color: '#37474f', weight: 2 },
  seine: { color: '#3d85d1', weight: 6, lineCap: 'round' },
};

// dataCredit: the station data's own credit, shown whatever the basemap.
export async function outline(element, url, dataCredit) {
  const state = element._velib;
  if (!state || state.outline) return;
  const L = state.L, map = state.map;
  if (dataCredit) map.attributionControl.addAttribution(dataCredit);
  state.outline = { layers: [], labels: [] };
  element.dataset.outline = 'loading';
  let geo;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    geo = await response.json();
  } catch (e) {
    // The markers matter more than the outline: say so on the element and keep the map working.
    element.dataset.outline = 'failed';
    console.warn('Velib: the offline outline did not load', e);
    return;
  }
  if (element._velib !== state) return; // the map went away while the file loaded
  map.createPane('velib-outline').style.zIndex = 250; // above tiles (200), under the markers (overlay pane, 400)
  // Names go above the markers, or the dense centre would hide them; they never catch a click meant for a marker.
  const names = map.createPane('velib-outline-names');
  names.style.zIndex = 450;
  names.style.pointerEvents = 'none';
  const renderer = L.svg({ pane: 'velib-outline', padding: 0.5 });
  for (const f of geo.features) {
    const kind = f.properties.kind;
    const lines = f.geometry.coordinates.map(line => line.map(([lon, lat]) => [lat, lon]));
    state.outline.layers.push(L.polyline(lines, { ...outlineStyles[kind], renderer, interactive: false }).addTo(map));
    if (f.properties.label) {
      const [lon, lat] = f.properties.label;
      const icon = L.divIcon({ className: `velib-outline-label velib-outline-${kind}`, html: outlineLabel(kind, f.properties.name), iconSize: null });
      state.outline.labels.push({ kind, marker: L.marker([lat, lon], { icon, pane: 'velib-outline-names', interactive: false, keyboard: false }) });
    }
  }
  state.outline.attribution = geo.attribution;
  // Tile events set data-tiles; follow them rather than hooking into the tile code.
  new MutationObserver(() => applyOutline(state)).observe(element, { attributes: true, attributeFilter: ['data-tiles'] });
  map.on('zoomend', () => applyOutline(state));
  applyOutline(state);
}

function outlineLabel(kind, name) {
  const size = kind === 'arrondissement' ? 16 : 11;
  const weight = kind === 'arrondissement' ? 800 : 500;
  const halo = '0 0 2px #fff,0 0 3px #fff,0 0 4px #fff';
  return `<span style="display:inline-block;transform:translate(-50%,-50%);white-space:nowrap;font:${weight} ${size}px system-ui,sans-serif;color:#263238;opacity:.85;text-shadow:${halo}">${escape(name)}</span>`;
}

function applyOutline(state) {
  const { element, map, outline: o } = state;
  const full = element.dataset.tiles === 'none' || element.dataset.tiles === 'unavailable';
  const zoom = map.getZoom();
  for (const layer of o.layers) layer.setStyle({ opacity: full ? 0.9 : 0.25 });
  for (const { kind, marker } of o.labels) {
    // Arrondissement names from the city view down; commune names only once zoomed in, where they fit.
    const show = full && (kind === 'arrondissement' ? zoom >= 11 : zoom >= 13);
    if (show && !map.hasLayer(marker)) marker.addTo(map);
    else if (!show && map.hasLayer(marker)) marker.remove();
  }
  if (full && !o.credited) map.attributionControl.addAttribution(o.attribution);
  if (!full && o.credited) map.attributionControl.removeAttribution(o.attribution);
  o.credited = full;
  element.dataset.outline = full ? 'full' : 'faint';
  element.dataset.outlinePaths = element.querySelectorAll('.leaflet-velib-outline-pane path').length;
}
