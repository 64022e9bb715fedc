/**
 * The subscriptions in force (E2), folded from `NotificationSubscriptionConfigured` events in the
 * order the notifier reads them, so the subscriptions a notification is fanned out to are those
 * recorded before its event: every reader, and every replay, fans out the same way.
 */
import type { NotificationSubscription } from '#domain/notification/subscription.js';
import type { RecordedEvent } from '../event-store/event-store.port.js';

export const SUBSCRIPTION_EVENT_TYPE = 'NotificationSubscriptionConfigured';

export class SubscriptionDirectory {
  private readonly byId = new Map<string, NotificationSubscription>();

  /** Puts back the subscriptions saved with a checkpoint. */
  restore(saved: readonly NotificationSubscription[]): void {
    for (const s of saved) this.byId.set(s.subscriptionId, s);
  }

  apply(event: RecordedEvent): boolean {
    if (event.type !== SUBSCRIPTION_EVENT_TYPE) return false;
    const subscription = event.data as NotificationSubscription;
    this.byId.set(subscription.subscriptionId, subscription);
    return true;
  }

  get(id: string): NotificationSubscription | undefined {
    return this.byId.get(id);
  }

  all(): readonly NotificationSubscription[] {
    return [...this.byId.values()];
  }
}
