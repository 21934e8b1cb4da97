/**
 * How often a crashed language server is restarted: at most `limit` times within `windowMs`.
 * A server that keeps crashing stays down and says so, instead of spinning. No `vscode` import.
 */
export class RestartBudget {
  private crashes: number[] = [];

  constructor(
    private readonly limit = 4,
    private readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records a crash at `now`; true when the server may be restarted once more. */
  tryRestart(now = Date.now()): boolean {
    this.crashes = this.crashes.filter((at) => now - at < this.windowMs);
    this.crashes.push(now);
    return this.crashes.length <= this.limit;
  }

  /** Forgets earlier crashes (after a restart the user asked for). */
  reset(): void {
    this.crashes = [];
  }
}
