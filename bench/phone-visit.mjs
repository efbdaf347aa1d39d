// One visit of a page on a phone, for bench/phone.mjs: Lighthouse's mobile profile applied through the DevTools
// protocol (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower), the bytes that came over the wire
// (encoded, headers included) with the time each arrived, and what the page says of itself in window.velibEarlyMap:
// when markers.size first reached the station count, when app became non-null (every rider job works), and the
// times in ready (job -> performance.now()) when it is such an object.
export const throttling = { offline: false, latency: 150, downloadThroughput: 1.6 * 1024 * 1024 / 8, uploadThroughput: 750 * 1024 / 8 };
export const cpuSlowdown = 4;

// Installed in every page before its own scripts: polls the page's state (a Map's size and a field; no hook into
// the page's code, which changes) and keeps the first time each condition held.
export function watch(stations) {
  const seen = window.__phone = { markersAt: null, appAt: null };
  const poll = () => {
    const state = window.velibEarlyMap;
    if (state?.markers?.size >= stations && seen.markersAt === null) seen.markersAt = performance.now();
    if (state?.app && seen.appAt === null) seen.appAt = performance.now();
    if (seen.markersAt === null || seen.appAt === null) setTimeout(poll, 20);
  };
  poll();
}

// Streams (EventSource) stay open for the page's life: they are not "in flight" when waiting for the network to settle.
const isStream = r => r.type === 'EventSource' || r.url.includes('/stream');

export async function visit(context, url, { jobs, timeoutMs }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map(); // requestId -> { url, type, received, done }
  const arrivals = []; // [monotonic ms, bytes]
  let clock = null; // epoch ms minus the protocol's monotonic ms
  cdp.on('Network.requestWillBeSent', e => {
    clock ??= e.wallTime * 1000 - e.timestamp * 1000;
    requests.set(e.requestId, { url: e.request.url, type: e.type, received: 0, done: false });
  });
  cdp.on('Network.dataReceived', e => {
    const r = requests.get(e.requestId);
    if (r) r.received += e.encodedDataLength;
    arrivals.push([e.timestamp * 1000, e.encodedDataLength]);
  });
  cdp.on('Network.loadingFinished', e => {
    const r = requests.get(e.requestId);
    const rest = e.encodedDataLength - (r?.received ?? 0); // headers, and whatever dataReceived did not count
    if (rest > 0) arrivals.push([e.timestamp * 1000, rest]);
    if (r) r.done = true;
  });
  cdp.on('Network.loadingFailed', e => { const r = requests.get(e.requestId); if (r) r.done = true; });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', throttling);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });

  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  const done = jobs ? '__phone.markersAt !== null && __phone.appAt !== null' : '__phone.markersAt !== null';
  const finished = await page.waitForFunction(done, null, { timeout: timeoutMs, polling: 100 }).then(() => true, () => false);
  // Then until no request but the streams is in flight for 1 s (bounded), so that late downloads count too.
  const settleBy = Date.now() + 20000;
  let quietSince = Date.now();
  while (Date.now() < settleBy && Date.now() - quietSince < 1000) {
    if ([...requests.values()].some(r => !r.done && !isStream(r))) quietSince = Date.now();
    await new Promise(r => setTimeout(r, 50));
  }
  const seen = await page.evaluate(() => {
    const ready = window.velibEarlyMap?.ready;
    const jobs = ready && typeof ready === 'object' && !(ready instanceof Promise)
      ? Object.fromEntries(Object.entries(ready).filter(([, t]) => typeof t === 'number')) : null;
    return {
      timeOrigin: performance.timeOrigin, ...window.__phone, jobs,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      markers: window.velibEarlyMap?.markers?.size ?? 0,
    };
  });
  await page.close();

  // Bytes that had arrived by a time of the page (ms since its navigation began).
  const bytesBy = at => at === null || clock === null ? null
    : arrivals.filter(([t]) => t + clock <= seen.timeOrigin + at).reduce((sum, [, b]) => sum + b, 0);
  return {
    finished, fcp: seen.fcp, markersAt: seen.markersAt, appAt: seen.appAt, jobs: seen.jobs, markers: seen.markers,
    requests: requests.size, bytes: arrivals.reduce((sum, [, b]) => sum + b, 0),
    bytesAtMarkers: bytesBy(seen.markersAt), bytesAtApp: bytesBy(seen.appAt),
  };
}
