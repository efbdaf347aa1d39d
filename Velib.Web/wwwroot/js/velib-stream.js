// The page's one connection for live data, for the map module (velib-map.js): the network from /api/stations (the
// cached, compressed bytes) and its names, then /api/stations/stream from that version on. EventSource reconnects by
// itself with Last-Event-ID, so a drop loses nothing; a step that does not follow ours starts over from a full state.
// The app (BrowserNetworkView) gets the network the module holds, then every event, in order, through one chain.

export async function startStream(page, draw) {
  page.draw = draw;
  page.chain = Promise.resolve();
  page.ready = new Promise(resolve => page.resolveReady = resolve);
  let since = null;
  try {
    const [stations, information] = await Promise.all([fetch('api/stations'), fetch('api/stations/information')]);
    if (information.ok) {
      page.information = await information.text();
      for (const i of JSON.parse(page.information)) page.names.set(i.id, i.name);
    }
    if (!stations.ok) throw new Error(`api/stations: HTTP ${stations.status}`);
    const version = Number(/"v(\d+)"/.exec(stations.headers.get('ETag') ?? '')?.[1] ?? -1);
    applyFull(page, await stations.json(), version);
    if (version >= 0) since = version;
  } finally {
    // Even when the fetches failed: the stream's first event is then the whole network.
    open(page, since);
  }
}

function open(page, since) {
  const source = page.source = new EventSource(since === null ? 'api/stations/stream' : `api/stations/stream?since=${since}`);
  source.onopen = () => connection(page, true);
  source.onerror = () => connection(page, false);
  source.addEventListener('full', e => {
    applyFull(page, JSON.parse(e.data), Number(e.lastEventId));
    forward(page, 'full', Number(e.lastEventId), e.data);
  });
  source.addEventListener('delta', e => {
    const delta = JSON.parse(e.data);
    if (delta.toVersion <= page.version) return; // already held
    if (delta.fromVersion !== page.version) return resync(page);
    for (const s of delta.stations) page.stations.set(s.id, s);
    for (const id of delta.removed) page.stations.delete(id);
    page.version = delta.toVersion;
    page.draw(delta.stations.map(s => page.stations.get(s.id)), delta.removed);
    forward(page, 'delta', page.version, e.data);
  });
  source.addEventListener('status', e => {
    page.status = e.data;
    if (page.host) page.host.dataset.stream = JSON.parse(e.data).stale ? 'stale' : 'live';
    forward(page, 'status', null, e.data);
  });
}

function applyFull(page, stations, version) {
  const ids = new Set(stations.map(s => s.id));
  const removed = [...page.stations.keys()].filter(id => !ids.has(id));
  page.stations = new Map(stations.map(s => [s.id, s]));
  page.version = version;
  page.draw(stations, removed);
  page.resolveReady();
}

function resync(page) {
  page.source?.close();
  open(page, null);
}

function connection(page, connected) {
  page.connected = connected;
  if (page.host && !connected) page.host.dataset.stream = 'broken';
  if (page.subscriber) chain(page, () => page.subscriber?.invokeMethodAsync('OnConnection', connected));
}

function chain(page, step) {
  page.chain = page.chain.then(step).catch(e => console.warn('Velib: the app did not take a stream event', e));
  return page.chain;
}

function forward(page, name, id, data) {
  if (!page.subscriber) return;
  chain(page, async () => {
    const ok = await page.subscriber?.invokeMethodAsync('OnEvent', name, id, data);
    if (ok === false) resync(page);
  });
}

/** The app subscribes: it first gets the names and the network the module holds (as a full event), then each event. */
export function forwardTo(page, dotnet) {
  page.subscriber = dotnet;
  return chain(page, async () => {
    await page.ready;
    await dotnet.invokeMethodAsync('OnInformation', page.information ?? '[]');
    await dotnet.invokeMethodAsync('OnEvent', 'full', page.version, JSON.stringify([...page.stations.values()]));
    if (page.status) await dotnet.invokeMethodAsync('OnEvent', 'status', null, page.status);
    if (page.connected === false) await dotnet.invokeMethodAsync('OnConnection', false);
  });
}

export function stopForwarding(page) {
  page.subscriber = null;
}
