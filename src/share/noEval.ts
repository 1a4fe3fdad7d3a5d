/**
 * Turns off zod's compiled parsers on the page. zod probes for them with `new Function('')`, which
 * the page's Content-Security-Policy (no 'unsafe-eval') refuses and reports as a violation; the
 * engine's schemas reach the page through share links and the embed. Import this first, before
 * anything that builds a schema: the probe runs when a schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });
