/**
 * Too large to store; nothing of its append is stored. `event`: one event's serialised data and
 * metadata exceed the limit. `append`: the events of one append together do (EventStoreDB limits
 * the whole append); `eventId` is the one that took the total over.
 */
export class EventTooLarge extends Error {
  readonly code = 'EVENT_TOO_LARGE' as const;
  constructor(
    readonly streamId: string,
    readonly eventId: string,
    readonly sizeBytes: number,
    readonly limitBytes: number,
    readonly scope: 'event' | 'append' = 'event',
  ) {
    super(
      (scope === 'event'
        ? `event ${eventId} for stream ${streamId} is ${sizeBytes} bytes of serialised data and metadata; `
        : `the append to stream ${streamId} reaches ${sizeBytes} bytes of serialised data and metadata at event ${eventId}; `) +
        `the limit is ${limitBytes} bytes${limitBytes === 1024 * 1024 ? ' (1 MiB)' : ''}` +
        `${scope === 'append' ? ' per append' : ''}. Store large documents elsewhere and record a reference.`,
    );
    this.name = 'EventTooLarge';
  }
}
