// Zod compiles object parsers with `new Function` unless told not to, and under the pages' CSP
// (no 'unsafe-eval') even its caught probe for that is reported as a violation. main.ts imports
// this module first, so the setting is in place before any shared schema is built.
import { z } from 'zod';

z.config({ jitless: true });
