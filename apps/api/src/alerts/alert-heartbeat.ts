/** How often an idle alert stream sends a comment line, so proxies keep it open (default 15 s). */
export const ALERT_HEARTBEAT_MS = Symbol('ALERT_HEARTBEAT_MS');
export const DEFAULT_ALERT_HEARTBEAT_MS = 15_000;
