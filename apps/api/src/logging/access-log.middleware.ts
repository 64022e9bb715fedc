import type { Logger } from 'pino';

interface Req {
  method?: string;
  originalUrl?: string;
  url?: string;
}
interface Res {
  statusCode: number;
  on(event: 'finish', listener: () => void): unknown;
}

/**
 * One JSON line per request (method, path without query, status, milliseconds). Bodies and headers
 * are never logged: they may carry applicant identifiers (I1) and tokens.
 */
export function accessLog(logger: Logger): (req: Req, res: Res, next: () => void) => void {
  return (req, res, next) => {
    if (!logger.isLevelEnabled('info')) return next();
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          method: req.method,
          path: (req.originalUrl ?? req.url ?? '').split('?')[0],
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
}
