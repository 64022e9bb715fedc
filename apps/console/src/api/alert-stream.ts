/**
 * GET /alerts/stream read with fetch, not EventSource: EventSource cannot send the Authorization
 * header the API requires (API.md "Conventions"), and a token in the URL would end up in logs.
 * Parses the text/event-stream frames (WHATWG "Server-sent events") and reconnects after the
 * server's `retry:` delay, resuming with Last-Event-ID so no alert is lost in between.
 */
import type { AlertMessage } from './types.js';

export type StreamState = 'connecting' | 'open' | 'closed' | 'refused';

export interface AlertStreamHandlers {
  alert(message: AlertMessage): void;
  state(state: StreamState, detail?: string): void;
}

interface Frame {
  id?: string;
  event?: string;
  data: string[];
  retry?: number;
}

/** Splits the buffered text into complete frames; returns them and what remains unparsed. */
export function parseFrames(buffer: string): { frames: Frame[]; rest: string } {
  const frames: Frame[] = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const frame: Frame = { data: [] };
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') frame.id = value;
      else if (field === 'event') frame.event = value;
      else if (field === 'data') frame.data.push(value);
      else if (field === 'retry' && /^\d+$/.test(value)) frame.retry = Number(value);
    }
    frames.push(frame);
  }
  return { frames, rest };
}

/** Opens the stream; the returned function closes it for good. */
export function openAlertStream(token: string, handlers: AlertStreamHandlers): () => void {
  const stop = new AbortController();
  let lastEventId: string | undefined;
  let retryMs = 3000;

  const once = async (): Promise<void> => {
    handlers.state('connecting');
    const response = await fetch('/alerts/stream', {
      headers: {
        accept: 'text/event-stream',
        authorization: `Bearer ${token}`,
        ...(lastEventId !== undefined && { 'last-event-id': lastEventId }),
      },
      signal: stop.signal,
      cache: 'no-store',
    });
    if (!response.ok || !response.body) {
      handlers.state('refused', `HTTP ${response.status}`);
      // 401/403 will not change by retrying with the same token.
      if (response.status === 401 || response.status === 403) stop.abort();
      return;
    }
    handlers.state('open');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const parsed = parseFrames(buffer + value);
      buffer = parsed.rest;
      for (const frame of parsed.frames) {
        if (frame.retry !== undefined) retryMs = frame.retry;
        if (frame.id !== undefined) lastEventId = frame.id;
        if (frame.data.length === 0) continue;
        try {
          handlers.alert(JSON.parse(frame.data.join('\n')) as AlertMessage);
        } catch {
          // not an alert: ignored
        }
      }
    }
  };

  void (async () => {
    while (!stop.signal.aborted) {
      try {
        await once();
      } catch {
        if (stop.signal.aborted) break;
      }
      if (stop.signal.aborted) break;
      handlers.state('closed');
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  })();
  return () => stop.abort();
}
