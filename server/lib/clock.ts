/** The time source of services; tests and the scheduler move it explicitly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved (tests). */
export class ManualClock implements Clock {
  private ms: number;
  constructor(start: Date | string = new Date()) {
    this.ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(to: Date | string): void {
    this.ms = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A clock that runs with real time from a chosen start, and can be moved (browser tests). */
export class OffsetClock implements Clock {
  private offsetMs: number;
  constructor(start: Date | string) {
    this.offsetMs = new Date(start).getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  set(to: Date | string): void {
    this.offsetMs = new Date(to).getTime() - Date.now();
  }
}
