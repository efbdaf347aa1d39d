// Browser notifications for the rider's alerts; only when the rider allowed them.
export function permission() {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

export async function request() {
  return 'Notification' in window ? await Notification.requestPermission() : 'unsupported';
}

export function notify(title, body) {
  if ('Notification' in window && Notification.permission === 'granted') new Notification(title, { body, tag: title + body });
}
