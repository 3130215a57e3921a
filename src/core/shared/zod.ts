import { z } from 'zod';

// zod compiles faster parsers with `new Function` where a page allows eval. Cellguard's policy
// forbids eval (script-src 'self'), and even zod's probe for it is reported as a violation, so
// every schema is built from this configured instance.
z.config({ jitless: true });

export { z };
