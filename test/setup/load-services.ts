/**
 * Every service's behaviour loads on demand (a dynamic import per service). Tests build and
 * step worlds of every kind, so each test file starts with all of them loaded, as the Node
 * entry points do (the runner, the benches, the site's build). Only the composition is
 * imported here (not sandbox/index.ts), so a test may still mock what the rest of the sandbox
 * imports (yaml, for one).
 */
import { loadServices } from '../../sandbox/composition.ts';
import { verifyTracking } from '../../sandbox/engine/cow.ts';

await loadServices();
// Publishing also walks what it takes as unchanged, so a write that skipped touch() fails.
verifyTracking(true);
