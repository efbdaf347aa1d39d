// Opens N Server-Sent Event streams on /api/stations/stream from one process (plain http, keep-alive off, so each is
// its own TCP connection, as N riders' browsers would be), and records when each client receives each version.
// Driven by bench/riders.sh over stdin/stdout: it prints "ready" once every client has its first full event, and
// for each line "wait <version>" on stdin it prints, once every client has that version (or the time limit passed),
// one JSON line of arrival times. Loopback only; every loop is bounded in count and time.
import http from 'node:http';
import zlib from 'node:zlib';

const [port, count, limitMs] = [Number(process.argv[2]), Number(process.argv[3] ?? 5000), Number(process.argv[4] ?? 60000)];
// gzip (what a browser's EventSource asks for) or identity (what curl -N and most scripts get).
const coding = process.argv[5] ?? 'gzip';
let compressedBytes = 0, textBytes = 0;
const clients = [];
const arrivals = new Map(); // version -> array of ms timestamps (performance.now()) per client index
let connected = 0, failed = 0, dropped = 0;
const sizes = new Map(); // version -> its event's payload, in characters
const cycleEnd = new Map(); // version -> the cycle's end (the feed status's lastSuccessUtc), as client 0 saw it

function record(c, id, time = Date.now()) {
  if (!arrivals.has(id)) arrivals.set(id, new Array(count).fill(null));
  arrivals.get(id)[c.i] = time;
  c.version = Math.max(c.version, id);
}

// Client 0 parses every payload, to check the totals; the others only find where each event ends, in raw bytes
// (an event's JSON never holds a line break), so that the harness keeps up with the server on its one core.
function scan(c, chunk) {
  const buf = c.tail ? Buffer.concat([c.tail, chunk]) : chunk;
  let pos = 0;
  for (;;) {
    const idAt = buf.indexOf('\nid: ', pos), endAt = buf.indexOf('\n\n', pos);
    if (idAt >= 0 && (endAt < 0 || idAt < endAt)) {
      const nl = buf.indexOf('\n', idAt + 5);
      if (nl < 0) break;
      c.pendingId = Number(buf.toString('latin1', idAt + 5, nl));
      pos = nl;
    } else if (endAt >= 0) {
      if (c.pendingId !== null) { record(c, c.pendingId); c.pendingId = null; }
      pos = endAt + 2;
    } else break;
  }
  c.tail = buf.subarray(Math.max(pos, buf.length - 64));
}

// With gzip, each event is one deflate segment that the server compressed once for everyone, ending with a sync
// flush (00 00 ff ff). The clients other than 0 never inflate: they find each segment's end in the raw bytes and
// note its key (its length since the previous mark and the 12 bytes before the mark); client 0 inflates its own
// segments, and learns which version each key is. Inflating 10,000 streams would take this one thread longer than
// the server takes to send them.
const MARK = Buffer.from([0, 0, 0xff, 0xff]);
const keyVersion = new Map(); // segment key -> version, learnt by client 0
const unresolved = new Map(); // segment key -> [client, time] seen before client 0 learnt it

function segments(c, chunk, onSegment) {
  const keep = c.segTail ? c.segTail.length : 0;
  const buf = keep ? Buffer.concat([c.segTail, chunk]) : chunk;
  const origin = c.total - keep; // absolute offset of buf[0]
  let at = Math.max(0, c.searchFrom - origin);
  for (;;) {
    const j = buf.indexOf(MARK, at);
    if (j < 0) break;
    const end = origin + j + 4;
    onSegment(`${end - c.segStart}:${buf.toString('hex', Math.max(0, j - 12), j)}`, end);
    c.segStart = end; c.searchFrom = end; at = j + 4;
  }
  c.total += chunk.length;
  c.segTail = buf.subarray(Math.max(0, buf.length - 16));
}

function seen(c, key) {
  const id = keyVersion.get(key);
  if (id !== undefined) { record(c, id); return; }
  if (!unresolved.has(key)) unresolved.set(key, []);
  unresolved.get(key).push([c, Date.now()]);
}

function learn(key, id) {
  keyVersion.set(key, id);
  for (const [c, t] of unresolved.get(key) ?? []) record(c, id, t);
  unresolved.delete(key);
}

// Client 0 under gzip: inflates each segment on its own (it refers to nothing before it). A mark that was only a
// chance pattern inside a segment leaves an incomplete event, and the bytes wait for the next mark.
function inflateSegments(c, chunk) {
  c.raw.push(chunk);
  segments(c, chunk, (key, end) => {
    const all = Buffer.concat(c.raw); c.raw = [all];
    const bytes = all.subarray(c.rawStart === 0 ? 10 : 0, end - c.rawStart); // the gzip header comes first
    const text = zlib.inflateRawSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('utf8');
    if (!text.endsWith('\n\n')) return;
    textBytes += text.length;
    const id = parse(c, Buffer.from(text));
    if (id !== null) learn(key, id);
    c.raw = [all.subarray(end - c.rawStart)]; c.rawStart = end;
  });
}

function parse(c, chunk) {
  let last = null;
  c.buffer += chunk.toString('utf8');
  let end;
  while ((end = c.buffer.indexOf('\n\n')) >= 0) {
    const block = c.buffer.slice(0, end); c.buffer = c.buffer.slice(end + 2);
    let name = '', id = null, data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) name = line.slice(7);
      else if (line.startsWith('id: ')) id = Number(line.slice(4));
      else if (line.startsWith('data: ')) data = line.slice(6);
    }
    if (name === 'status') { const f = JSON.parse(data).feed; if (f?.lastSuccessUtc) cycleEnd.set(c.version, Date.parse(f.lastSuccessUtc)); }
    if (id === null) continue;
    if (name === 'full') c.state = new Map(JSON.parse(data).map(s => [s.id, s]));
    if (name === 'delta') for (const s of JSON.parse(data).stations) c.state.set(s.id, s);
    sizes.set(id, data.length);
    record(c, id);
    last = id;
  }
  return last;
}

function open(i) {
  const c = { i, version: -1, buffer: '', tail: null, pendingId: null, state: null,
    total: 0, segStart: 0, searchFrom: 0, segTail: null, raw: [], rawStart: 0 };
  clients.push(c);
  const req = http.get({ host: '127.0.0.1', port, path: '/api/stations/stream', agent: false,
    headers: { Accept: 'text/event-stream', 'Accept-Encoding': coding } }, res => {
    if (res.statusCode !== 200) { failed++; res.resume(); return; }
    connected++;
    if (res.headers['content-encoding'] === 'gzip') {
      res.on('data', chunk => {
        compressedBytes += chunk.length;
        if (i === 0) inflateSegments(c, chunk); else segments(c, chunk, key => seen(c, key));
      });
    } else {
      res.on('data', chunk => { textBytes += chunk.length; i === 0 ? parse(c, chunk) : scan(c, chunk); });
    }
    res.on('end', () => { dropped++; });
    res.on('error', () => { dropped++; });
  });
  req.on('error', () => { failed++; });
}

const started = performance.now();
// Opened in batches, so the accept queue is not flooded; bounded by count.
for (let i = 0; i < count; i += 250) {
  for (let j = i; j < Math.min(count, i + 250); j++) open(j);
  await new Promise(r => setTimeout(r, 50));
}
const deadline = started + limitMs;
while (clients.some(c => c.version < 0) && performance.now() < deadline) await new Promise(r => setTimeout(r, 100));
const first = clients.filter(c => c.version >= 0).length;
console.log(JSON.stringify({ ready: true, coding, connected, withFirst: first, failed, ms: Math.round(performance.now() - started),
  version: clients[0].version, wireMB: Math.round((compressedBytes || textBytes) / 1e6) }));

function totals() {
  let bikes = 0, docks = 0;
  for (const s of clients[0].state.values()) { bikes += s.mechanical + s.ebike; docks += s.docks; }
  return { bikes, docks };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', async chunk => {
  input += chunk;
  let nl;
  while ((nl = input.indexOf('\n')) >= 0) {
    const line = input.slice(0, nl).trim(); input = input.slice(nl + 1);
    if (line === 'quit') { console.log(JSON.stringify({ bye: true, dropped })); process.exit(0); }
    const m = /^wait (\d+)$/.exec(line);
    if (!m) continue;
    const version = Number(m[1]);
    const until = performance.now() + limitMs;
    while (performance.now() < until && !(arrivals.get(version)?.every(t => t !== null))) await new Promise(r => setTimeout(r, 50));
    const times = (arrivals.get(version) ?? []).filter(t => t !== null).sort((a, b) => a - b);
    await new Promise(r => setTimeout(r, 200)); // the status event follows its delta
    const q = (p, from) => times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] - from) : null;
    const cycle = cycleEnd.get(version) ?? null;
    console.log(JSON.stringify({ version, received: times.length, of: count, payload: sizes.get(version),
      afterFirstP50: q(0.5, times[0]), afterFirstP99: q(0.99, times[0]), afterFirstMax: q(1, times[0]),
      afterCycleP50: cycle && q(0.5, cycle), afterCycleP99: cycle && q(0.99, cycle), afterCycleMax: cycle && q(1, cycle),
      ...totals() }));
  }
});
