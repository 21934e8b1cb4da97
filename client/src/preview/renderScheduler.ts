/**
 * When the preview asks for a render while the user types: at most one request in flight, the
 * first change of a burst starting a short wait that later changes do not extend (a throttle, not
 * a debounce), so the panel keeps up while typing and shows the last keystroke within the wait
 * plus one render. Pure: the timer functions are passed in, so tests drive the clock.
 */

/** The clock the scheduler uses (the host's `setTimeout`, or a test's). */
export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * How long a change waits for the changes right after it, in milliseconds: long enough to gather
 * the edits of one command (a fix-all, a paste in several places), short next to a keystroke's
 * 100 ms budget. Keystrokes that come faster than a render are gathered by the render in flight.
 */
export const RENDER_DELAY_MS = 10;

/** Calls `render` after changes, never twice at once, and once more for changes made meanwhile. */
export class RenderScheduler {
  private timer: unknown;
  private inFlight = false;
  /** A change arrived while a render ran: render again when it ends. */
  private dirty = false;
  private disposed = false;

  constructor(
    private readonly render: () => Promise<void>,
    private readonly timers: SchedulerTimers = {
      setTimeout: (f, ms) => setTimeout(f, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
    private readonly delayMs = RENDER_DELAY_MS,
  ) {}

  /** Something changed: render after the wait (`now`: without it), or after the render in flight. */
  request(now = false): void {
    if (this.disposed) return;
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    if (this.timer !== undefined) {
      if (!now) return;
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (now) void this.run();
    else
      this.timer = this.timers.setTimeout(() => {
        this.timer = undefined;
        void this.run();
      }, this.delayMs);
  }

  /** True while a render runs or waits to. */
  get pending(): boolean {
    return this.inFlight || this.timer !== undefined;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    this.inFlight = true;
    this.dirty = false;
    try {
      await this.render();
    } catch {
      // `render` reports its own failures; the scheduler only keeps going.
    } finally {
      this.inFlight = false;
      if (this.dirty) {
        this.dirty = false;
        this.request();
      }
    }
  }
}
