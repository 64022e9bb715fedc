/**
 * Leases a process holds outside a projection runner (a rebuild's claims, the live leases it took
 * over for its swap), kept alive a third of the way through their lifetime for as long as they are
 * held: no runner renews them, and waiting or swapping can outlast a lifetime under load.
 */
export class LeaseKeeper {
  private readonly held = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  /** `keep` renews or extends one lease (its failures are left to the next round). */
  constructor(
    private readonly ttlMs: number,
    private readonly keep: (name: string) => Promise<unknown>,
  ) {}

  add(name: string): void {
    this.held.add(name);
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => {
      for (const held of this.held) void this.keep(held).catch(() => undefined);
    }, this.ttlMs / 3);
    this.timer.unref();
  }

  delete(name: string): void {
    this.held.delete(name);
    if (this.held.size === 0) this.stop();
  }

  /** The leases held now. */
  names(): string[] {
    return [...this.held];
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
