/**
 * How many requests run at once: at most `maxConcurrent` in all and `maxPerHost` to one host,
 * handed out first come, first served (a waiting request for a free host passes one for a busy
 * host). A host that asked to be left alone (`Retry-After`) gets nothing until that time.
 * Pure: promises and timers only.
 */
import { NetError } from './netError';

export interface LimiterOptions {
  maxConcurrent: number;
  maxPerHost: number;
}

interface Waiter {
  host: string;
  grant: () => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** Gives back a slot taken with `acquire`; calling it twice gives back one. */
export type Release = () => void;

export class RequestLimiter {
  private active = 0;
  private readonly perHost = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly waiting: Waiter[] = [];
  private wakeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The most requests that ran at once (in all), for the progress report and the tests. */
  peak = 0;

  constructor(
    private readonly options: LimiterOptions,
    private readonly now: () => number = Date.now,
  ) {
    if (!(options.maxConcurrent >= 1 && options.maxPerHost >= 1)) throw new RangeError('limits must be at least 1');
  }

  /** Waits for a slot for `host`; rejects with a cancelled `NetError` when `signal` aborts first. */
  acquire(host: string, signal?: AbortSignal, url = host): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new NetError('cancelled', url));
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        host,
        signal,
        grant: () => {
          signal?.removeEventListener('abort', waiter.onAbort);
          resolve(this.take(host));
        },
        onAbort: () => {
          const i = this.waiting.indexOf(waiter);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new NetError('cancelled', url));
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiting.push(waiter);
      this.pump();
    });
  }

  /** Holds every request to `host` back for `ms` milliseconds from now (longer pauses win). */
  pause(host: string, ms: number): void {
    const until = this.now() + Math.max(0, ms);
    if ((this.pausedUntil.get(host) ?? 0) < until) this.pausedUntil.set(host, until);
  }

  /** Requests running now. */
  get running(): number {
    return this.active;
  }

  private take(host: string): Release {
    this.active++;
    this.peak = Math.max(this.peak, this.active);
    this.perHost.set(host, (this.perHost.get(host) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      const left = (this.perHost.get(host) ?? 1) - 1;
      if (left > 0) this.perHost.set(host, left);
      else this.perHost.delete(host);
      this.pump();
    };
  }

  private pump(): void {
    const now = this.now();
    let nextWake = Infinity;
    for (let i = 0; i < this.waiting.length && this.active < this.options.maxConcurrent;) {
      const waiter = this.waiting[i]!;
      const paused = this.pausedUntil.get(waiter.host) ?? 0;
      if (paused > now) {
        nextWake = Math.min(nextWake, paused);
        i++;
        continue;
      }
      if (paused) this.pausedUntil.delete(waiter.host);
      if ((this.perHost.get(waiter.host) ?? 0) >= this.options.maxPerHost) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      waiter.grant();
    }
    if (nextWake !== Infinity && this.waiting.length) this.wakeAt(nextWake - now);
  }

  private wakeAt(ms: number): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = setTimeout(
      () => {
        this.wakeTimer = undefined;
        this.pump();
      },
      Math.max(1, ms),
    );
  }
}
