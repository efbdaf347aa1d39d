// The favourites' alert rule, pure so that node's test runner checks it as the page runs it. An alert fires once
// per crossing: when a watched count goes from at or above the rider's number to below it, and again only after it
// recovered. The first reading of a watch is its baseline (opening the page on a station already short lists it, it
// does not alert). Forecast watches work the same way on the odds in 30 min, below 20 %; a station with no odds is
// no reading at all: it neither fires nor ends an episode.
export const forecastBelow = 0.20;
export const forecastBelowPercent = 20;
export const kinds = ['mechanical', 'ebike', 'docks', 'soonEmpty', 'soonFull'];
const flag = { mechanical: 'alertMechanical', ebike: 'alertEbike', docks: 'alertDocks', soonEmpty: 'alertSoonEmpty', soonFull: 'alertSoonFull' };

export const watches = (favourite, kind) => favourite[flag[kind]] === true;
export const anyForecast = favourite => watches(favourite, 'soonEmpty') || watches(favourite, 'soonFull');

/** Whole percents, 1 to 99: the model is never certain. */
export const percent = p => Math.min(99, Math.max(1, Math.round(p * 100)));

function reading(favourite, s, kind, forecasts) {
  if (kind === 'mechanical') return [s.mechanical, favourite.threshold ?? 2];
  if (kind === 'ebike') return [s.ebike, favourite.threshold ?? 2];
  if (kind === 'docks') return [s.docks, favourite.threshold ?? 2];
  const f = forecasts?.get(s.id);
  const odds = kind === 'soonEmpty' ? f?.bikes : f?.docks;
  if (odds === null || odds === undefined) return null;
  // Compared on the odds themselves, shown as whole percents: 19.6 % is below 20 % and says "20 %" nowhere.
  return [odds < forecastBelow ? Math.min(percent(odds), forecastBelowPercent - 1) : percent(odds), forecastBelowPercent];
}

export class AlertTracker {
  below = new Map();

  /** The alerts that fire at this reading: [{ code, kind, value, threshold }]. byCode: code → station (wire shape). */
  observe(favourites, byCode, forecasts) {
    const fired = [], watched = new Set();
    for (const favourite of favourites) {
      const s = byCode(favourite.code);
      if (!s) continue;
      for (const kind of kinds) {
        if (!watches(favourite, kind)) continue;
        const key = `${favourite.code}|${kind}`;
        watched.add(key);
        const r = reading(favourite, s, kind, forecasts);
        if (!r) continue;
        const [value, threshold] = r, isBelow = value < threshold;
        if (isBelow && this.below.get(key) === false) fired.push({ code: favourite.code, id: s.id, kind, value, threshold });
        this.below.set(key, isBelow);
      }
    }
    // A watch turned off and on again starts from a new baseline.
    for (const key of [...this.below.keys()]) if (!watched.has(key)) this.below.delete(key);
    return fired;
  }
}
