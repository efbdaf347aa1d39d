// The page's one script: loaded as a module from <head>, after Leaflet. It starts the map, then the network and its
// stream (one copy, one connection), and every rider job on top of them. velib-state.js records when each job first
// works (window.velibEarlyMap.ready) and sets window.velibEarlyMap.app once they all do.
import { startMap } from './velib-map.js';
import { start } from './velib-network.js';
import { startStatus } from './velib-status.js';
import { startFinder } from './velib-find.js';
import { startPanel } from './velib-panel.js';
import { startFavourites } from './velib-favourites.js';
import { startReplay } from './velib-replay.js';

startMap();
startStatus();
startPanel();
startFinder();
startFavourites();
start().catch(e => console.warn('Velib: the network did not start', e));
startReplay().catch(e => console.warn('Velib: replay did not start', e));
