import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  GetStreamMetadataOptions,
  GetStreamMetadataResult,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';

/**
 * The client methods this adapter uses, as `KurrentDBClient` declares them (its generics at their
 * defaults; of a subscription, what is read of it). The store runs on the real client (the compiler
 * checks it fits, in `KurrentDbEventStore.connect`); unit tests inject an object implementing this.
 */
export interface KurrentClient {
  appendToStream(
    streamName: string,
    events: EventData[],
    options?: AppendToStreamOptions,
  ): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterableIterator<ResolvedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterableIterator<AllStreamResolvedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): KurrentSubscription;
  getStreamMetadata(streamName: string, options?: GetStreamMetadataOptions): Promise<GetStreamMetadataResult>;
  dispose(): Promise<void>;
}

/** What the adapter reads of the client's `AllStreamSubscription` (a Node Readable of resolved events). */
export interface KurrentSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
}
