// The favourites' alert rule (Velib.Web/wwwroot/js/velib-alerts.js) as the page runs it: ported from the C#
// AlertTrackerTests and ForecastAlertTests of the WebAssembly page. Run by Map/PageRulesTests.cs (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AlertTracker, forecastBelowPercent, percent, anyForecast } from '../../../Velib.Web/wwwroot/js/velib-alerts.js';

const godard = (mechanical, ebike = 5, docks = 5) => ({
  id: 1, code: '16107', lat: 48.866, lon: 2.276, capacity: 35, mechanical, ebike, docks, installed: true, renting: true, returning: true, availability: 'ok',
});

const observe = (tracker, favourite, station, forecasts) =>
  tracker.observe([favourite], code => (code === station.code ? station : undefined), forecasts)
    .map(({ kind, value, threshold }) => ({ kind, value, threshold }));

const odds = (bikes, docks = 0.95) => new Map([[1, { id: 1, bikes, mechanical: bikes, ebike: bikes / 2, docks }]]);
const noHistory = new Map([[1, { id: 1, bikes: null, mechanical: null, ebike: null, docks: null, reason: 'no-history' }]]);

test('a drop below the number fires once, and again only after a recovery', () => {
  const tracker = new AlertTracker();
  const watch = { code: '16107', alertMechanical: true, threshold: 2 };

  assert.deepEqual(observe(tracker, watch, godard(4)), []);
  assert.deepEqual(observe(tracker, watch, godard(1)), [{ kind: 'mechanical', value: 1, threshold: 2 }]);
  assert.deepEqual(observe(tracker, watch, godard(0)), []);
  assert.deepEqual(observe(tracker, watch, godard(2)), []);
  assert.equal(observe(tracker, watch, godard(1)).length, 1);
});

test('a station already short when watching starts is a baseline, not an alert', () => {
  const tracker = new AlertTracker();
  const watch = { code: '16107', alertDocks: true };

  assert.deepEqual(observe(tracker, watch, godard(5, 5, 0)), []);
  assert.deepEqual(observe(tracker, watch, godard(5, 5, 1)), []);
});

test('only the counts the rider watches raise alerts', () => {
  const tracker = new AlertTracker();
  const ebikesOnly = { code: '16107', alertEbike: true, threshold: 3 };

  observe(tracker, ebikesOnly, godard(9, 9, 9));
  assert.deepEqual(observe(tracker, ebikesOnly, godard(0, 2, 0)).map(a => a.kind), ['ebike']);
});

test('the threshold defaults to 2 when the rider has not set one', () => {
  const tracker = new AlertTracker();
  const watch = { code: '16107', alertMechanical: true };

  observe(tracker, watch, godard(2));
  assert.deepEqual(observe(tracker, watch, godard(1)), [{ kind: 'mechanical', value: 1, threshold: 2 }]);
});

test('a watch turned off and on again starts from a new baseline', () => {
  const tracker = new AlertTracker();
  const on = { code: '16107', alertMechanical: true, threshold: 2 };

  observe(tracker, on, godard(5));
  observe(tracker, { code: '16107' }, godard(5));
  assert.deepEqual(observe(tracker, on, godard(0)), [], 'the first reading after turning it on again is a baseline');
});

test('a favourite whose station is not in the network raises nothing', () => {
  const tracker = new AlertTracker();
  assert.deepEqual(tracker.observe([{ code: '99999', alertMechanical: true }], () => undefined, null), []);
});

test('odds of a bike falling below 20 % fire once, and again only after a recovery', () => {
  const tracker = new AlertTracker();
  const watch = { code: '16107', alertSoonEmpty: true };

  assert.deepEqual(observe(tracker, watch, godard(3), odds(0.6)), []);
  assert.deepEqual(observe(tracker, watch, godard(3), odds(0.12)), [{ kind: 'soonEmpty', value: 12, threshold: 20 }]);
  assert.deepEqual(observe(tracker, watch, godard(3), odds(0.05)), []);
  assert.deepEqual(observe(tracker, watch, godard(3), odds(0.199)), []);
  assert.deepEqual(observe(tracker, watch, godard(3), odds(0.2)), []);
  // 19.96 % is below the threshold: shown as 19 %, never as a "20 %" that would read as not below.
  assert.deepEqual(observe(tracker, watch, godard(3), odds(0.1996)), [{ kind: 'soonEmpty', value: 19, threshold: 20 }]);
  assert.equal(forecastBelowPercent, 20);
});

test('a missing forecast never fires and does not end an episode', () => {
  const tracker = new AlertTracker();
  const watch = { code: '16107', alertSoonEmpty: true };

  // No history, then no forecast read at all: no baseline yet, so the first odds below are a baseline too.
  assert.deepEqual(observe(tracker, watch, godard(3), noHistory), []);
  assert.deepEqual(observe(tracker, watch, godard(3), null), []);
  assert.deepEqual(observe(tracker, watch, godard(3), odds(0.1)), []);
  // Still the same episode across a gap in the forecast.
  assert.deepEqual(observe(tracker, watch, godard(3), noHistory), []);
  assert.deepEqual(observe(tracker, watch, godard(3), odds(0.08)), []);
  assert.deepEqual(observe(tracker, watch, godard(3), odds(0.7)), []);
  assert.equal(observe(tracker, watch, godard(3), odds(0.15)).length, 1);
});

test('likely full watches the odds of a free dock, and likely empty those of a bike', () => {
  const tracker = new AlertTracker();
  const docks = { code: '16107', alertSoonFull: true };

  observe(tracker, docks, godard(3), odds(0.9, 0.9));
  assert.deepEqual(observe(tracker, docks, godard(3), odds(0.05, 0.9)), []);
  assert.deepEqual(observe(tracker, docks, godard(3), odds(0.05, 0.1)).map(a => [a.kind, a.value]), [['soonFull', 10]]);
});

test('the count alerts still work when no forecast was read', () => {
  const tracker = new AlertTracker();
  const watch = { code: '16107', alertMechanical: true, alertSoonEmpty: true, threshold: 5 };

  assert.deepEqual(observe(tracker, watch, godard(9), null), []);
  assert.deepEqual(observe(tracker, watch, godard(3), null).map(a => a.kind), ['mechanical']);
});

test('odds are whole percents from 1 to 99, never 0 % nor 100 %', () => {
  assert.equal(percent(0), 1);
  assert.equal(percent(0.9999), 99);
  assert.equal(percent(0.5), 50);
  assert.equal(anyForecast({ alertSoonFull: true }), true);
  assert.equal(anyForecast({ alertMechanical: true }), false);
});
