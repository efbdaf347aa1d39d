// The offline basemap, for the map module (velib-map.js): drawn under the markers, never a reason to wait for them.
const escape = text => String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

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
  // A few features a task: drawn all at once, the outline held a phone's main thread for most of a second.
  let done = performance.now();
  for (const f of geo.features) {
    if (performance.now() - done > 30) {
      await new Promise(resolve => setTimeout(resolve));
      if (element._velib !== state) return;
      done = performance.now();
    }
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
