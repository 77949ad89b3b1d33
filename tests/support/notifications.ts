/**
 * The notifications a test client received from the server, in order, and waiting for one of them with a timeout
 * (never a fixed sleep). Shared by the protocol tests' client and the abuse tests' client.
 */
export interface Notification {
  /** 1 for the first notification received, 2 for the next... */
  seq: number;
  method: string;
  params: unknown;
}

interface Waiter {
  after: number;
  pick: (n: Notification) => boolean;
  resolve: (n: Notification) => void;
}

export class NotificationLog {
  readonly all: Notification[] = [];
  private waiters: Waiter[] = [];

  /** `context`: what a timeout message adds (the server's stderr). */
  constructor(private readonly context: () => string) {}

  /** How many have been received: wait for the ones after this mark. */
  get count(): number {
    return this.all.length;
  }

  add(method: string, params: unknown): void {
    const n = { seq: this.all.length + 1, method, params };
    this.all.push(n);
    this.waiters = this.waiters.filter((w) => {
      if (n.seq <= w.after || !w.pick(n)) return true;
      w.resolve(n);
      return false;
    });
  }

  /** The first notification after mark `after` that `pick` accepts (already received or still to come). */
  waitFor(pick: (n: Notification) => boolean, after: number, timeoutMs: number, what: string): Promise<Notification> {
    for (let k = Math.max(0, after); k < this.all.length; k++) if (pick(this.all[k])) return Promise.resolve(this.all[k]);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        after,
        pick,
        resolve: (n) => {
          clearTimeout(timer);
          resolve(n);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; ${this.context()}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}
