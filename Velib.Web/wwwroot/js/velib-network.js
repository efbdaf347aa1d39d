// The page's one copy of the network and its one client of the stream. /api/stations (preloaded from <head>), then
// /api/stations/stream from that version on; each event is parsed once (network.parsed counts it) and applied to
// the one Map of stations that the map, the totals, the lists and the panel all read. A replay swaps in another
// network for what is shown; the live copy keeps up underneath for the rider's alerts.
import { page } from './velib-state.js';

export const network = page.network = {
  live: new Map(), replay: null, replayAt: null, names: new Map(), version: -1, status: null, connected: null, events: 0, parsed: 0,
};
const listeners = { shown: new Set(), live: new Set(), status: new Set(), names: new Set(), connection: new Set() };
export const on = (what, fn) => listeners[what].add(fn);
const emit = (what, value) => { for (const fn of listeners[what]) fn(value); };

/** The network the page shows: the replayed one, else the live one. */
export const shown = () => network.replay ?? network.live;

export function setReplay(stations, atUtc) {
  const before = shown();
  network.replay = stations ? new Map(stations.map(s => [s.id, s])) : null;
  network.replayAt = stations ? atUtc : null;
  const now = shown();
  emit('shown', { changed: [...now.values()], removed: [...before.keys()].filter(id => !now.has(id)), full: true });
}

function parse(data) {
  network.parsed++;
  return JSON.parse(data);
}

function applyFull(stations, version) {
  const ids = new Set(stations.map(s => s.id));
  const removed = [...network.live.keys()].filter(id => !ids.has(id));
  network.live = new Map(stations.map(s => [s.id, s]));
  network.version = version;
  if (!network.replay) emit('shown', { changed: stations, removed, full: true });
  emit('live', network.live);
}

function applyDelta(delta) {
  if (delta.toVersion <= network.version) return; // already held
  if (delta.fromVersion !== network.version) return reopen(null); // a gap: start over from a full state
  for (const s of delta.stations) network.live.set(s.id, s);
  for (const id of delta.removed) network.live.delete(id);
  network.version = delta.toVersion;
  if (!network.replay) emit('shown', { changed: delta.stations, removed: delta.removed, full: false });
  emit('live', network.live);
}

let retry = 1000, retryTimer = null;

function reopen(since) {
  network.source?.close();
  clearTimeout(retryTimer);
  const source = network.source = new EventSource(since === null ? 'api/stations/stream' : `api/stations/stream?since=${since}`);
  source.onopen = () => { retry = 1000; connection(true); };
  source.onerror = () => {
    connection(false);
    // The browser retries by itself (with Last-Event-ID) unless the server refused: then we do, from our version.
    if (source.readyState === EventSource.CLOSED) retryTimer = setTimeout(() => reopen(network.version >= 0 ? network.version : null), retry = Math.min(retry * 2, 30000));
  };
  source.addEventListener('full', e => { network.events++; applyFull(parse(e.data), Number(e.lastEventId)); });
  source.addEventListener('delta', e => { network.events++; applyDelta(parse(e.data)); });
  source.addEventListener('status', e => { network.events++; network.status = parse(e.data); emit('status', network.status); });
}

function connection(connected) {
  if (network.connected === connected) return;
  network.connected = connected;
  emit('connection', connected);
}

/** Loads the network, opens the stream, then reads the names (which only the lists, the search and tooltips need). */
export async function start() {
  let since = null;
  try {
    const response = await fetch('api/stations');
    if (!response.ok) throw new Error(`api/stations: HTTP ${response.status}`);
    const version = Number(/"v(\d+)"/.exec(response.headers.get('ETag') ?? '')?.[1] ?? -1);
    applyFull(await response.json(), version);
    if (version >= 0) since = version;
  } catch (e) {
    console.warn('Velib: no network yet; the stream will bring it', e);
  } finally {
    reopen(since); // even when the fetch failed: the stream's first event is then the whole network
  }
  // Airplane mode: the phone says it is offline, and a stream it kept open could not be trusted (nothing would come
  // through, and nothing would say so): closed and said at once. Back online: reopened from our version now rather
  // than at the browser's next retry; the server sends what was missed.
  addEventListener('offline', () => { network.source?.close(); clearTimeout(retryTimer); connection(false); });
  addEventListener('online', () => { if (network.source?.readyState !== EventSource.OPEN) reopen(network.version >= 0 ? network.version : null); });
  try {
    const response = await fetch('api/stations/information');
    if (response.ok) for (const i of await response.json()) network.names.set(i.id, i.name);
  } catch (e) {
    console.warn('Velib: no station names; stations show their numbers', e);
  } finally {
    emit('names', network.names);
  }
}
