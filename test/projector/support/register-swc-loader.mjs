// `node --import ./test/projector/support/register-swc-loader.mjs some.ts`: see swc-loader.mjs.
import { register } from 'node:module';

register('./swc-loader.mjs', import.meta.url);
