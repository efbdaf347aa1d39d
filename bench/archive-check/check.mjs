// bench/hosts.sh's archive check. Reads every changes object of the archive through the S3 API (ListObjectsV2 and
// GetObject on s3rver, which takes unsigned requests), queries them with DuckDB, and compares them with the
// snapshots the feed served, in order:
//   - every change exactly once: the rows equal, as a set with no duplicate, the stations whose availability
//     (bikes of each kind, docks, installed, renting, returning) differed from the previous snapshot (all of them in
//     the first), keyed by station and feed time;
//   - the latest row of each station equals the last snapshot.
// DuckDB reads the objects from local copies: its S3 reader (the httpfs extension) is not bundled in the npm
// package and is downloaded at run time from DuckDB's own site, which a machine limited to package registries
// cannot reach.
//   node check.mjs S3_URL BUCKET PREFIX SNAPSHOT.json…      exit 0 when every check holds, 1 otherwise
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [s3, bucket, prefix, ...snapshots] = process.argv.slice(2);
if (!s3 || !bucket || prefix === undefined || snapshots.length === 0) {
  console.error('usage: node check.mjs S3_URL BUCKET PREFIX SNAPSHOT.json…');
  process.exit(2);
}

async function listKeys() {
  const keys = [];
  let token = '';
  for (let page = 0; page < 1000; page++) {
    const url = `${s3}/${bucket}?list-type=2&prefix=${encodeURIComponent(prefix + 'changes/')}` +
      (token ? `&continuation-token=${encodeURIComponent(token)}` : '');
    const xml = await (await fetch(url, { signal: AbortSignal.timeout(30000) })).text();
    for (const m of xml.matchAll(/<Key>([^<]+)<\/Key>/g)) keys.push(m[1].replaceAll('&amp;', '&'));
    const next = /<NextContinuationToken>([^<]+)<\/NextContinuationToken>/.exec(xml);
    if (!/<IsTruncated>true<\/IsTruncated>/.test(xml) || !next) return keys;
    token = next[1];
  }
  throw new Error('more than 1,000 pages of objects');
}

// What the silo archives from one Vélib' GBFS 1.0 record (see Velib.Silo/Feed/GbfsParser.cs).
function availability(record) {
  const types = Object.assign({}, ...(record.num_bikes_available_types ?? []));
  return {
    station_id: Number(record.station_id), mechanical: types.mechanical ?? 0, ebike: types.ebike ?? 0,
    docks: record.num_docks_available, installed: record.is_installed === 1 || record.is_installed === true,
    renting: record.is_renting === 1 || record.is_renting === true, returning: record.is_returning === 1 || record.is_returning === true,
  };
}
const same = (a, b) => ['mechanical', 'ebike', 'docks', 'installed', 'renting', 'returning'].every(k => a[k] === b[k]);

const expected = [];
let previous = new Map();
let last = [];
for (const file of snapshots) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const at = doc.last_updated ?? doc.lastUpdatedOther;
  const now = new Map();
  for (const record of doc.data.stations) {
    const row = availability(record);
    now.set(row.station_id, row);
    const before = previous.get(row.station_id);
    if (!before || !same(before, row)) expected.push({ ...row, feed_epoch: at });
  }
  previous = now;
  last = [...now.values()];
}

const work = mkdtempSync(join(tmpdir(), 'velib-archive-check-'));
try {
  const keys = await listKeys();
  const files = [];
  for (const [i, key] of keys.entries()) {
    const response = await fetch(`${s3}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`, { signal: AbortSignal.timeout(30000) });
    if (!response.ok) throw new Error(`GetObject ${key}: ${response.status}`);
    const file = join(work, `${i}.parquet`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    files.push(file);
  }
  writeFileSync(join(work, 'expected.json'), JSON.stringify(expected));
  writeFileSync(join(work, 'last.json'), JSON.stringify(last));
  const db = await DuckDBInstance.create(':memory:');
  const sql = await db.connect();
  const one = async query => (await sql.runAndReadAll(query)).getRows()[0][0];
  const quoted = files.map(f => `'${f}'`).join(', ');
  await sql.run(files.length === 0
    ? `create table changes (station_id bigint, feed_epoch bigint, mechanical int, ebike int, docks int, installed boolean, renting boolean, "returning" boolean)`
    : `create table changes as select station_id, epoch(feed_updated_at)::bigint as feed_epoch, mechanical, ebike, docks, installed, renting, "returning"
       from read_parquet([${quoted}])`);
  await sql.run(`create table expected as select * from read_json_auto('${join(work, 'expected.json')}')`);
  await sql.run(`create table final as select * from read_json_auto('${join(work, 'last.json')}')`);
  const columns = 'station_id, feed_epoch, mechanical, ebike, docks, installed, renting, "returning"';
  const rows = Number(await one('select count(*) from changes'));
  const duplicates = Number(await one(`select count(*) from (select station_id, feed_epoch from changes group by all having count(*) > 1)`));
  const missing = Number(await one(`select count(*) from (select ${columns} from expected except select ${columns} from changes)`));
  const extra = Number(await one(`select count(*) from (select ${columns} from changes except select ${columns} from expected)`));
  const latestWrong = Number(await one(`
    with latest as (select station_id, arg_max(struct_pack(mechanical, ebike, docks, installed, renting, "returning"), feed_epoch) as v from changes group by station_id)
    select count(*) from final f left join latest l using (station_id)
    where l.v is null or l.v <> struct_pack(mechanical := f.mechanical, ebike := f.ebike, docks := f.docks, installed := f.installed, renting := f.renting, "returning" := f."returning")`));
  const ok = duplicates === 0 && missing === 0 && extra === 0 && latestWrong === 0 && rows === expected.length;
  console.log(`archive: ${keys.length} objects, ${rows} rows, ${expected.length} changes expected from ${snapshots.length} snapshots; ` +
    `duplicated ${duplicates}, missing ${missing}, unexpected ${extra}, stations whose latest row differs from the last snapshot ${latestWrong}` +
    ` (of ${last.length}): ${ok ? 'exact' : 'NOT exact'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
