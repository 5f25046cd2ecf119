// At most `limit` document files stream at once; the rest wait their turn in order. 3,000 tablets fetching a
// 20 MB set at once would otherwise keep 3,000 reads and socket writes in flight and the event loop busy with
// them, and a ballot cast meanwhile would wait behind (BENCHMARKS.md, 会议文件分发).
export class FileGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  readonly stats = { served: 0, waited: 0, maxQueue: 0 };

  constructor(readonly limit: number) {}

  /** Resolves with the function that frees the slot (call it once, when the stream ends or fails). */
  async enter(): Promise<() => void> {
    if (this.active >= this.limit) {
      this.stats.waited += 1;
      await new Promise<void>((resolve) => {
        this.queue.push(resolve);
        this.stats.maxQueue = Math.max(this.stats.maxQueue, this.queue.length);
      });
    } else {
      this.active += 1;
    }
    this.stats.served += 1;
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      const next = this.queue.shift();
      if (next) next(); // the slot passes on
      else this.active -= 1;
    };
  }
}
