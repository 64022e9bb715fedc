/** An event whose serialised data and metadata exceed the store's limit; nothing of its append is stored. */
export class EventTooLarge extends Error {
  readonly code = 'EVENT_TOO_LARGE' as const;
  constructor(
    readonly streamId: string,
    readonly eventId: string,
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `event ${eventId} for stream ${streamId} is ${sizeBytes} bytes of serialised data and metadata; ` +
        `the limit is ${limitBytes} bytes (1 MiB). Store large documents elsewhere and record a reference.`,
    );
    this.name = 'EventTooLarge';
  }
}
