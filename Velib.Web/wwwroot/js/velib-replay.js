// Replay: the network at a past time, from the lake, behind the REPLAY banner. A slider over the archive's range (in
// minutes), a day picker (the picked Paris day at the time of day shown, kept inside the archive), play at 1 min,
// 10 min or 1 h a second. ?at= in the address opens it; the map, the totals and the panel then show that time.
import { t, $, setQuery, ready } from './velib-state.js';
import { setReplay } from './velib-network.js';

const zone = 'Europe/Paris';
let range = null, at = null, playing = null, speed = 10, seeking = null;

/** A UTC instant as Paris wall-clock parts. */
function paris(date) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit' }).formatToParts(date).map(p => [p.type, p.value]));
  return { y: +parts.year, m: +parts.month, d: +parts.day, h: +parts.hour, min: +parts.minute };
}

/** Paris wall-clock time to UTC (the offset read at that instant, so summer and winter time both hold). */
function parisToUtc(y, m, d, h, min) {
  const guess = Date.UTC(y, m - 1, d, h, min);
  const p = paris(new Date(guess));
  return new Date(guess - (Date.UTC(p.y, p.m - 1, p.d, p.h, p.min) - guess));
}

const pad = n => String(n).padStart(2, '0');
const dayValue = date => { const p = paris(date); return `${p.y}-${pad(p.m)}-${pad(p.d)}`; };
const label = date => { const p = paris(date); return `${pad(p.d)}/${pad(p.m)}/${p.y} ${pad(p.h)}:${pad(p.min)}`; };
const first = () => new Date(range.firstUtc);
const last = () => new Date(Math.max(Date.parse(range.lastUtc), Date.now()));

async function seek(date) {
  if (!range?.firstUtc) return;
  const target = new Date(Math.min(Math.max(date.getTime(), first().getTime()), last().getTime()));
  const request = seeking = fetch(`api/stations?at=${encodeURIComponent(target.toISOString())}`);
  const message = $('replay-message');
  try {
    const response = await request;
    if (seeking !== request) return;
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      message.textContent = problem?.detail ?? t('archive-unreadable', response.status);
      return stop();
    }
    at = target;
    setReplay(await response.json(), target.toISOString());
    message.textContent = '';
    show();
  } catch (e) {
    message.textContent = t('archive-unreadable', e.message);
    stop();
  }
}

function show() {
  const banner = $('replay-banner');
  banner.hidden = !at;
  $('replay-banner-text').textContent = at ? t('replay-banner', label(at)) : '';
  setQuery({ at: at ? at.toISOString() : null });
  const slider = $('replay-slider');
  slider.value = Math.round(((at ?? last()) - first()) / 60000);
  slider.setAttribute('aria-valuetext', label(at ?? last()));
  $('replay-day').value = dayValue(at ?? last());
}

export function live() {
  stop();
  at = null;
  setReplay(null);
  if (range?.firstUtc) show(); else $('replay-banner').hidden = true;
  setQuery({ at: null });
}

function stop() {
  clearInterval(playing);
  playing = null;
  const button = $('replay-play');
  button.setAttribute('aria-label', button.dataset.play);
  button.classList.remove('on');
}

function togglePlay() {
  if (playing) return stop();
  const button = $('replay-play');
  button.setAttribute('aria-label', button.dataset.pause);
  button.classList.add('on');
  playing = setInterval(() => {
    const next = new Date((at ?? first()).getTime() + speed * 60000);
    if (next >= last()) return live(); // caught up with now
    seek(next);
  }, 1000);
}

async function loadRange() {
  const message = $('replay-message');
  try {
    const response = await fetch('api/archive/range');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    range = await response.json();
  } catch (e) {
    message.textContent = t('archive-unreadable', e.message);
    return;
  }
  if (!range.firstUtc) return message.textContent = t('range-empty');
  const slider = $('replay-slider'), day = $('replay-day');
  slider.max = Math.round((last() - first()) / 60000);
  day.min = dayValue(first());
  day.max = dayValue(last());
  for (const el of [slider, day, $('replay-play')]) el.disabled = false;
  $('replay-first').textContent = label(first());
  message.textContent = '';
  show();
}

export async function startReplay() {
  $('replay-slider').addEventListener('change', e => seek(new Date(first().getTime() + Number(e.target.value) * 60000)));
  $('replay-day').addEventListener('change', e => {
    const [y, m, d] = e.target.value.split('-').map(Number);
    if (!y) return;
    const shownTime = paris(at ?? last());
    seek(parisToUtc(y, m, d, shownTime.h, shownTime.min));
  });
  $('replay-play').addEventListener('click', togglePlay);
  for (const button of document.querySelectorAll('#replay-control [data-speed]')) {
    button.addEventListener('click', () => {
      speed = Number(button.dataset.speed);
      for (const b of document.querySelectorAll('#replay-control [data-speed]')) {
        b.classList.toggle('on', b === button);
        b.setAttribute('aria-pressed', String(b === button));
      }
    });
  }
  $('back-to-live').addEventListener('click', e => { e.preventDefault(); live(); });
  await loadRange();
  ready('replay');
  // Opened from the address: /?at=2026-03-10T08:00:00Z (a time the server could not read is said above the page).
  const asked = new URL(location.href).searchParams.get('at');
  if (asked && !Number.isNaN(Date.parse(asked))) await seek(new Date(asked));
}
