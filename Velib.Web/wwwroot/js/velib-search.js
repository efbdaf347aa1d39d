// The rules of search, filters and nearest stations, on stations in their wire shape (StationJson): pure
// functions, so that node's test runner checks them (Velib.Tests/Map/PageRulesTests) as the page runs them.

/** Lower case, no accents: "Gare de l'Est" and "gare de l'est" are the same search. */
export const fold = text => String(text).normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();

/** Stations by number (exact, then prefix) or name (contains), at most max, best first. */
export function search(stations, names, text, max = 20) {
  const query = fold(String(text ?? '').trim());
  if (!query) return [];
  const ranked = [];
  for (const s of stations) {
    const name = names.get(s.id) ?? '';
    const rank = s.code === query ? 0 : s.code.startsWith(query) ? 1 : fold(name).includes(query) ? 2 : -1;
    if (rank >= 0) ranked.push({ s, rank, name });
  }
  ranked.sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return ranked.slice(0, max).map(r => r.s);
}

/** The rider's need: a station in service with at least min of what they need ('any' matches every station). */
export function meets(s, need, min) {
  switch (need) {
    case 'mechanical': return s.installed && s.renting && s.mechanical >= min;
    case 'ebike': return s.installed && s.renting && s.ebike >= min;
    case 'dock': return s.installed && s.returning && s.docks >= min;
    default: return true;
  }
}

export function metres(lat1, lon1, lat2, lon2) {
  const rad = d => d * Math.PI / 180, R = 6371000;
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}

/** The count stations nearest (lat, lon) that meet the need, with their distance in metres. */
export function nearest(stations, lat, lon, need, min, count = 5) {
  const found = [];
  for (const s of stations) {
    if ((s.lat === 0 && s.lon === 0) || !meets(s, need, min)) continue;
    found.push({ s, metres: metres(lat, lon, s.lat, s.lon) });
  }
  return found.sort((a, b) => a.metres - b.metres).slice(0, count);
}

/** The totals above the map, counted as the silo's gauges count them (NetworkTotals): empty and full among installed stations. */
export function totals(stations) {
  const t = { stations: 0, bikes: 0, mechanical: 0, ebikes: 0, docks: 0, empty: 0, full: 0 };
  for (const s of stations) {
    t.stations++;
    t.mechanical += s.mechanical;
    t.ebikes += s.ebike;
    t.docks += s.docks;
    if (s.installed && s.mechanical + s.ebike === 0) t.empty++;
    if (s.installed && s.docks === 0) t.full++;
  }
  t.bikes = t.mechanical + t.ebikes;
  return t;
}
