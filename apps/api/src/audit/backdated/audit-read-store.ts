/**
 * The read store's database as the audit views read it (GET /views/audit/backdated); null in a
 * process started without one, where those views answer 503.
 */
export const AUDIT_READ_STORE = Symbol('AUDIT_READ_STORE');
