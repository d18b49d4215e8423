/**
 * Parameter leak summaries: for one parameter, the fewest dereferences after which its value
 * reaches the heap, the mutator, the callee pseudo-location, or each of the first results.
 * Encoded exactly as gc encodes them in a parameter's note (`esc:` + one byte per slot,
 * each byte minDerefs+1, 0 meaning "no flow"), so tags recorded from the real compiler can be
 * read back.
 */

/** Slot of the heap leak. */
const leakHeap = 0;
/** Slot of the mutator leak (stores through the parameter). */
const leakMutator = 1;
/** Slot of the callee leak (calls through the parameter). */
const leakCallee = 2;
/** Slot of the first result. */
const leakResult0 = 3;
/** Number of slots in a summary. */
const leakSlots = 8;

/** How many results a parameter can leak to before further result leaks count as heap leaks. */
export const numEscResults = leakSlots - leakResult0;

/** The leak summary of one parameter. */
export class Leaks {
  /** minDerefs+1 per slot; 0 = no flow. */
  readonly slots: Uint8Array = new Uint8Array(leakSlots);

  /** Dereferences before the value reaches the heap, or -1. */
  heap(): number {
    return this.get(leakHeap);
  }
  /** Dereferences before the value is stored through, or -1. */
  mutator(): number {
    return this.get(leakMutator);
  }
  /** Dereferences before the value is called, or -1. */
  callee(): number {
    return this.get(leakCallee);
  }
  /** Dereferences before the value reaches result `index`, or -1. */
  result(index: number): number {
    return this.get(leakResult0 + index);
  }
  /** Records a flow to the heap. */
  addHeap(derefs: number): void {
    this.add(leakHeap, derefs);
  }
  /** Records a store through the value. */
  addMutator(derefs: number): void {
    this.add(leakMutator, derefs);
  }
  /** Records a call through the value. */
  addCallee(derefs: number): void {
    this.add(leakCallee, derefs);
  }
  /** Records a flow to result `index`. */
  addResult(index: number, derefs: number): void {
    this.add(leakResult0 + index, derefs);
  }

  /** Drops leaks made redundant by the heap leak (anything at or beyond the heap's derefs). */
  optimize(): void {
    const heap = this.heap();
    if (heap < 0) return;
    for (let slot = 1; slot < leakSlots; slot++) {
      if (this.get(slot) >= heap) this.set(slot, -1);
    }
  }

  /** gc's tag string: `` when the value leaks to the heap directly, else `esc:` plus the bytes. */
  encode(): string {
    if (this.heap() === 0) return '';
    let used = leakSlots;
    while (used > 0 && this.slots[used - 1] === 0) used--;
    return 'esc:' + String.fromCharCode(...this.slots.subarray(0, used));
  }

  /** A copy of this summary. */
  clone(): Leaks {
    const copy = new Leaks();
    copy.slots.set(this.slots);
    return copy;
  }

  /** Reads a tag written by {@link Leaks.encode} (or by gc). Anything but `esc:…` means "leaks to heap". */
  static parse(tag: string): Leaks {
    const leaks = new Leaks();
    if (!tag.startsWith('esc:')) {
      leaks.addHeap(0);
      return leaks;
    }
    for (let index = 4; index < tag.length && index - 4 < leakSlots; index++) {
      leaks.slots[index - 4] = tag.charCodeAt(index);
    }
    return leaks;
  }

  private get(slot: number): number {
    return (this.slots[slot] ?? 0) - 1;
  }

  private add(slot: number, derefs: number): void {
    const old = this.get(slot);
    if (old < 0 || derefs < old) this.set(slot, derefs);
  }

  private set(slot: number, derefs: number): void {
    this.slots[slot] = Math.min(255, Math.max(0, derefs + 1));
  }
}
