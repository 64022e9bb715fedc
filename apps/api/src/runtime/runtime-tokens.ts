/** Injection tokens of what the API is built from, so tests can start it on any store and clock. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CLOCK = Symbol('CLOCK');
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export const LOGGER = Symbol('LOGGER');
