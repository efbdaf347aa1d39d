// The map at first paint, before the interactive circuit exists. On the prerendered map page this plain script creates
// the Leaflet map at once and draws one marker per station from /api/stations: the cached bytes the API serves,
// preloaded from <head>. Without it the markers wait for the circuit, its network load and a JS module (1 to 2 s).
//
// Blazor's first interactive render empties the prerendered page and renders it anew, #station-map included, in one
// task. A MutationObserver (a microtask, so before the next paint) then moves the map's container into the new
// #station-map, and StationMap.razor.js claims the map with its markers instead of starting an empty one.
// Nothing here is needed: if this script fails, the circuit draws the map as it always did.
(() => {
  'use strict';
  const host = document.getElementById('station-map');
  const L = window.L;
  if (!host || !L || !host.dataset.options) return;
  const options = JSON.parse(host.dataset.options);

  // Keep in step with StationMap.razor.js (colours, radius, style) and Availability.cs (the classes).
  const colours = { ok: '#2e7d32', low: '#f9a825', empty: '#c62828', full: '#1565c0', out: '#757575' };
  const availability = s => {
    const bikes = s.mechanical + s.ebike;
    return !s.installed || !s.renting ? 'out' : bikes === 0 ? 'empty' : s.docks === 0 ? 'full' : bikes <= options.lowBikes ? 'low' : 'ok';
  };
  const radius = capacity => 2.5 + Math.sqrt(Math.max(capacity, 1)) * 0.7;
  const escape = text => String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  const container = document.createElement('div');
  container.className = 'velib-map-canvas';
  host.append(container);
  const map = L.map(container, { preferCanvas: true, zoomControl: false, attributionControl: true }).setView([48.8566, 2.3522], 12);
  L.control.zoom({ zoomInTitle: options.labels.zoomIn, zoomOutTitle: options.labels.zoomOut }).addTo(map);
  // host: the #station-map the map is in now; superseded: the circuit drew a newer network; onClick: set once it is up
  // (a click before then is ignored: there is nothing yet to open the station with).
  const early = { L, map, container, host, renderer: L.canvas({ padding: 0.3 }), markers: new Map(), superseded: false, onClick: null, claimed: false };
  if (options.tileUrl) {
    const tiles = L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 19, crossOrigin: true });
    tiles.on('tileerror', () => early.host.dataset.tiles = 'unavailable');
    tiles.on('tileload', () => early.host.dataset.tiles = 'ok');
    tiles.addTo(map);
  } else {
    host.dataset.tiles = 'none';
  }

  // Moves the map into the interactive #station-map, with what the tests and the outline read off the element.
  const moveTo = next => {
    if (next === early.host) return;
    for (const key of ['markers', 'loadedAt', 'early', 'tiles']) {
      if (early.host.dataset[key] !== undefined && next.dataset[key] === undefined) next.dataset[key] = early.host.dataset[key];
    }
    next.append(container);
    early.host = next;
    watcher.disconnect();
    map.invalidateSize();
  };
  const watcher = new MutationObserver(() => {
    const next = document.getElementById('station-map');
    if (next && next !== early.host) moveTo(next);
  });
  watcher.observe(document.body, { childList: true, subtree: true });

  // For StationMap.razor.js init(): the map, moved into element, once; null if another map already took it.
  early.claim = element => {
    if (early.claimed) return null;
    moveTo(element);
    early.claimed = true;
    return early;
  };
  window.velibEarlyMap = early;

  const draw = stations => {
    if (early.superseded) {
      early.host.dataset.early = 'superseded';
      return;
    }
    const words = options.labels;
    for (const s of stations) {
      if (s.lat === 0 && s.lon === 0) continue;
      const key = String(s.id), a = availability(s);
      const m = L.circleMarker([s.lat, s.lon], {
        renderer: early.renderer, radius: radius(s.capacity), availability: a,
        color: '#ffffff', weight: 1, fillColor: colours[a], fillOpacity: 0.9, opacity: 0.9,
      });
      // The names come with the circuit's load; until then the number and the counts.
      m.bindTooltip(`${escape(s.code)}<br>${s.mechanical} ${words.mechanical} · ${s.ebike} ${words.ebikes} · ${s.docks} ${words.docks}`);
      m.on('click', () => early.onClick?.(key));
      m.addTo(map);
      early.markers.set(key, m);
    }
    early.host.dataset.markers = early.markers.size;
    early.host.dataset.loadedAt ||= performance.now().toFixed(0);
    early.host.dataset.early = 'drawn';
  };

  // A replay (?at=) shows another time than the cached network: the circuit draws it; the basemap is there already.
  if (new URLSearchParams(location.search).has('at')) {
    host.dataset.early = 'skipped';
    return;
  }
  host.dataset.early = 'loading';
  fetch('api/stations')
    .then(r => { if (!r.ok) throw new Error(`api/stations: HTTP ${r.status}`); return r.json(); })
    .then(draw)
    .catch(e => {
      early.host.dataset.early = 'failed';
      console.warn('Velib: no stations before the circuit; it will draw them', e);
    });
})();
