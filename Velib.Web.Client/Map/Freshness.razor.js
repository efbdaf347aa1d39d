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

// The same wording as Describe in Freshness.razor (browser tests read it), from the strings the server wrote in
// the rider's language: data-t-updated is "updated {0} ago" or "mis à jour il y a {0}", and so on.
export function describe(data, now) {
  const t = (key, value) => (data['t' + key] ?? '').replace('{0}', value);
  if (!data.updated) return t('Waiting', '');
  let text = t('Updated', span(data, now - Date.parse(data.updated)));
  if (!data.feed) return text;
  const feed = Date.parse(data.feed);
  text += t('Feed', span(data, now - feed));
  const info = data.information ? Date.parse(data.information) : NaN;
  return info > feed ? text + t('Info', span(data, info - feed)) : text;
}

function span(data, ms) {
  const seconds = ms / 1000, minutes = seconds / 60, hours = minutes / 60;
  const unit = (key, value) => (data['t' + key] ?? '{0}').replace('{0}', value);
  return seconds < 90 ? unit('S', Math.max(0, Math.trunc(seconds)))
    : minutes < 90 ? unit('Min', Math.trunc(minutes))
    : hours < 48 ? unit('H', Math.trunc(hours))
    : unit('Days', Math.trunc(hours / 24));
}
