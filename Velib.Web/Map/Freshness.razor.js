// Keeps the "updated N s ago" line of Freshness.razor current, once a second, without asking the server:
// the server renders the timestamps (data-*) and the text once per status, with its own clock in data-now.
const watched = new Set();
let timer = null;

export function watch(element) {
  // Ages are measured on the server's clock, so a browser whose clock is off still shows the right ages.
  element._velibSkew = Date.parse(element.dataset.now) - Date.now();
  watched.add(element);
  timer ??= setInterval(tick, 1000);
}

function tick() {
  for (const element of watched) {
    // Blazor replaces the element when the status changes (and removes it when the page goes): forget the old one.
    if (!element.isConnected) { watched.delete(element); continue; }
    const text = describe(element.dataset, Date.now() + element._velibSkew);
    // Rewrite the text node Blazor created rather than replace it, so Blazor's own bookkeeping stays valid.
    const node = element.firstChild;
    if (node && node.nodeType === Node.TEXT_NODE && !node.nextSibling) node.nodeValue = text;
    else element.textContent = text;
  }
  if (watched.size === 0) { clearInterval(timer); timer = null; }
}

// The same wording as Describe in Freshness.razor (browser tests read it).
export function describe(data, now) {
  if (!data.updated) return 'waiting for the first update…';
  let text = `updated ${span(now - Date.parse(data.updated))} ago`;
  if (!data.feed) return text;
  const feed = Date.parse(data.feed);
  text += ` · feed data ${span(now - feed)} old`;
  const info = data.information ? Date.parse(data.information) : NaN;
  return info > feed ? `${text} (station list ${span(info - feed)} newer)` : text;
}

function span(ms) {
  const seconds = ms / 1000, minutes = seconds / 60, hours = minutes / 60;
  return seconds < 90 ? `${Math.max(0, Math.trunc(seconds))} s`
    : minutes < 90 ? `${Math.trunc(minutes)} min`
    : hours < 48 ? `${Math.trunc(hours)} h`
    : `${Math.trunc(hours / 24)} days`;
}
