// The page's search, filter, nearest-stations and totals rules (Velib.Web/wwwroot/js/velib-search.js) as the page
// runs them, on stations in their wire shape: ported from the C# tests of the WebAssembly page (StationSearch,
// StationFilter, Nearest, NetworkTotals). Run by Map/PageRulesTests.cs (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, search, meets, nearest, totals } from '../../../Velib.Web/wwwroot/js/velib-search.js';

const station = (mechanical, ebike, docks, more = {}) => ({
  id: 42, code: '16107', lat: 48.866, lon: 2.276, capacity: 35, mechanical, ebike, docks,
  installed: true, renting: true, returning: true, availability: 'ok', ...more,
});

test('search ignores case and accents and ranks the exact number first', () => {
  const stations = [station(1, 1, 1, { id: 1, code: '1610' }), station(1, 1, 1, { id: 2, code: '16107' })];
  const names = new Map([[1, "Gare de l'Est"], [2, 'Hôpital Mondor']]);

  assert.deepEqual(search(stations, names, 'HOPITAL').map(s => s.id), [2]);
  assert.deepEqual(search(stations, names, 'hôpital mondor').map(s => s.id), [2]);
  assert.deepEqual(search(stations, names, 'GARE DE L\'EST').map(s => s.id), [1]);
  assert.deepEqual(search(stations, names, '1610').map(s => s.id), [1, 2]);
  assert.deepEqual(search(stations, names, '16107').map(s => s.id), [2]);
  assert.deepEqual(search(stations, names, '  '), []);
  assert.deepEqual(search(stations, names, null), []);
  assert.equal(fold('Élysée'), 'elysee');
});

test('an exact number comes before a name that contains it, and names are in order after', () => {
  const stations = [
    station(1, 1, 1, { id: 1, code: '9001' }), station(1, 1, 1, { id: 2, code: '3' }), station(1, 1, 1, { id: 3, code: '9002' }),
  ];
  const names = new Map([[1, 'Rue 3 B'], [2, 'Place'], [3, 'Rue 3 A']]);

  assert.deepEqual(search(stations, names, '3').map(s => s.id), [2, 3, 1]);
  assert.equal(search(stations, names, 'rue', 1).length, 1);
});

for (const [need, min, matches] of [
  ['any', 1, true], ['mechanical', 2, true], ['mechanical', 3, false], ['ebike', 1, false], ['dock', 5, true], ['dock', 6, false],
]) {
  test(`a filter on ${need} with at least ${min} ${matches ? 'keeps' : 'drops'} a station with 2 bikes, 0 e-bikes, 5 docks`, () => {
    assert.equal(meets(station(2, 0, 5), need, min), matches);
  });
}

test('an out-of-service station never matches a bike filter, and one not returning never matches a dock filter', () => {
  assert.equal(meets(station(9, 9, 9, { renting: false }), 'mechanical', 1), false);
  assert.equal(meets(station(9, 9, 9, { installed: false }), 'ebike', 1), false);
  assert.equal(meets(station(9, 9, 9, { returning: false }), 'dock', 1), false);
  assert.equal(meets(station(9, 9, 9, { renting: false }), 'any', 1), true);
});

test('the nearest stations are sorted by distance and filtered', () => {
  const near = station(0, 0, 9, { id: 1, lat: 48.8570, lon: 2.3520 });
  const far = station(5, 0, 9, { id: 2, lat: 48.8800, lon: 2.3520 });
  const nearer = station(5, 0, 9, { id: 3, lat: 48.8567, lon: 2.3522 });
  const nowhere = station(5, 0, 9, { id: 4, lat: 0, lon: 0 });

  const found = nearest([near, far, nearer, nowhere], 48.8566, 2.3522, 'mechanical', 1);

  assert.deepEqual(found.map(f => f.s.id), [3, 2]);
  assert.ok(found[1].metres >= 2500 && found[1].metres <= 2700, `${found[1].metres} m`);
});

test('at most five nearest stations by default', () => {
  const many = Array.from({ length: 9 }, (_, i) => station(5, 0, 9, { id: i, lat: 48.85 + i / 1000, lon: 2.35 }));
  assert.deepEqual(nearest(many, 48.85, 2.35, 'any', 1).map(f => f.s.id), [0, 1, 2, 3, 4]);
});

test('the totals count as NetworkTotals does: empty and full only among installed stations', () => {
  const t = totals([station(2, 1, 0), station(0, 0, 20), station(5, 4, 3, { installed: false }), station(0, 0, 0, { installed: false })]);

  assert.deepEqual(t, { stations: 4, bikes: 12, mechanical: 7, ebikes: 5, docks: 23, empty: 1, full: 1 });
  assert.deepEqual(totals([]), { stations: 0, bikes: 0, mechanical: 0, ebikes: 0, docks: 0, empty: 0, full: 0 });
});
