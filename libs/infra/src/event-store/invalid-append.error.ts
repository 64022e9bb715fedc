/** An append the store cannot take as given (no events, a bad id, a bad expected revision, non-JSON data). */
export class InvalidAppend extends Error {
  readonly code = 'INVALID_APPEND' as const;
  constructor(
    readonly streamId: string,
    readonly reason: string,
  ) {
    super(`cannot append to stream ${JSON.stringify(streamId)}: ${reason}`);
    this.name = 'InvalidAppend';
  }
}
