/**
 * `<map-lab>`: the map lab island. Holds the two models and the stepper actor; every control
 * sends the actor an event, and every actor snapshot redraws the views. The element keeps no
 * state of its own beyond references to its parts and the play loop's clock.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import { mapStepperMachine, pendingCount, pendingOperations, STEPPER_SPEEDS, type MapOperation } from '../../machines/map-stepper.machine.ts';
import { describeClassicEvent, describeSwissEvent } from '../../sim/maps/describe.ts';
import { LabModels } from './lab-models.ts';
import { ClassicView } from './classic-view.ts';
import { SwissView } from './swiss-view.ts';
import { drawCharts } from './charts.ts';

/** Most keys one "insert keys" request may queue. */
const MAX_BATCH = 100_000;

function part<T extends Element>(root: Element, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (element === null) throw new Error(`map-lab: missing ${selector}`);
  return element;
}

/** Parses a typed key: the lab's map is map[int]int, so only whole numbers are keys. */
export function parseKey(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^-?\d{1,15}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** The map lab custom element. */
export class MapLabElement extends HTMLElement {
  /** The models both views draw. */
  private models = new LabModels();
  /** The stepper actor. */
  private actor: ReturnType<typeof createActor<typeof mapStepperMachine>> | undefined;
  /** The classic drawing. */
  private classicView: ClassicView | undefined;
  /** The Swiss drawing. */
  private swissView: SwissView | undefined;
  /** Operations applied when the charts were last drawn. */
  private chartedAt = -1;
  /** When the charts were last drawn (performance.now()). */
  private chartedTime = 0;
  /** requestAnimationFrame handle of the play loop, if running. */
  private playLoop: number | undefined;

  /** Wires the controls and starts the actor. */
  connectedCallback(): void {
    if (this.actor !== undefined) return;
    this.classicView = new ClassicView(part(this, '[data-classic-view]'));
    this.swissView = new SwissView(part(this, '[data-swiss-view]'));
    const speed = part<HTMLSelectElement>(this, '[data-speed]');
    this.actor = createActor(mapStepperMachine, {
      input: {
        apply: (operation) => this.models.apply(operation),
        reset: () => this.models.reset(),
        stepsPerSecond: Number(speed.value) || STEPPER_SPEEDS[2],
      },
    });
    this.actor.subscribe((snapshot) => this.render(snapshot));
    this.actor.start();

    part<HTMLFormElement>(this, '[data-controls]').addEventListener('submit', (event) => event.preventDefault());
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (button !== null) this.act(button.dataset.action ?? '');
    });
    part<HTMLInputElement>(this, '[data-key]').addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.act('insert');
      }
    });
    speed.addEventListener('change', () => this.actor?.send({ type: 'SPEED', stepsPerSecond: Number(speed.value) }));
    for (const selector of ['[data-classic-go]', '[data-swiss-go]']) {
      part<HTMLSelectElement>(this, selector).addEventListener('change', () => {
        this.models.classicMinor = Number(part<HTMLSelectElement>(this, '[data-classic-go]').value);
        this.models.swissMinor = Number(part<HTMLSelectElement>(this, '[data-swiss-go]').value);
        this.actor?.send({ type: 'RESET' });
        this.say('Versions changed: both maps start again empty.');
      });
    }
  }

  /** Stops the play loop and the actor. */
  disconnectedCallback(): void {
    if (this.playLoop !== undefined) cancelAnimationFrame(this.playLoop);
    this.playLoop = undefined;
    this.actor?.stop();
    this.actor = undefined;
  }

  private say(message: string): void {
    part(this, '[data-message]').textContent = message;
  }

  private act(action: string): void {
    const actor = this.actor;
    if (actor === undefined) return;
    this.say('');
    const typed = () => {
      const input = part<HTMLInputElement>(this, '[data-key]');
      const key = parseKey(input.value);
      if (key === undefined) this.say('Type a whole number as the key: the lab’s maps are map[int]int.');
      return key;
    };
    const enqueue = (operations: MapOperation[]) => actor.send({ type: 'ENQUEUE', operations });
    switch (action) {
      case 'insert-many': {
        const count = Number(part<HTMLInputElement>(this, '[data-count]').value);
        if (!Number.isInteger(count) || count < 1 || count > MAX_BATCH) {
          this.say(`Choose between 1 and ${MAX_BATCH.toLocaleString('en')} keys.`);
          return;
        }
        const next = pendingOperations(actor.getSnapshot().context).reduce((max, operation) => (operation.kind === 'insert' && typeof operation.key === 'number' ? Math.max(max, operation.key + 1) : max), this.models.nextKey);
        enqueue(Array.from({ length: count }, (_, i) => ({ kind: 'insert', key: next + i })));
        // With reduced motion the keys go in at once instead of playing out.
        if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) actor.send({ type: 'FINISH' });
        else if (actor.getSnapshot().value === 'paused') actor.send({ type: 'PLAY' });
        return;
      }
      case 'insert':
      case 'delete':
      case 'lookup': {
        const key = typed();
        if (key === undefined) return;
        enqueue([{ kind: action, key }]);
        if (actor.getSnapshot().value === 'paused') actor.send({ type: 'STEP' });
        return;
      }
      case 'clear':
        enqueue([{ kind: 'clear' }]);
        if (actor.getSnapshot().value === 'paused') actor.send({ type: 'STEP' });
        return;
      case 'step':
        actor.send({ type: 'STEP' });
        return;
      case 'play':
        actor.send({ type: actor.getSnapshot().value === 'playing' ? 'PAUSE' : 'PLAY' });
        return;
      case 'finish':
        actor.send({ type: 'FINISH' });
        return;
      case 'reset':
        if (this.models.classic.count > 0 && !window.confirm('Reset both maps to empty?')) return;
        actor.send({ type: 'RESET' });
        return;
    }
  }

  private startLoop(): void {
    if (this.playLoop !== undefined) return;
    let last = performance.now();
    let owed = 0;
    const tick = (now: number) => {
      const actor = this.actor;
      if (actor === undefined || actor.getSnapshot().value !== 'playing') {
        this.playLoop = undefined;
        return;
      }
      owed += ((now - last) * actor.getSnapshot().context.stepsPerSecond) / 1000;
      last = now;
      const steps = Math.floor(owed);
      if (steps > 0) {
        owed -= steps;
        actor.send({ type: 'TICK', steps });
      }
      this.playLoop = requestAnimationFrame(tick);
    };
    this.playLoop = requestAnimationFrame(tick);
  }

  private render(snapshot: SnapshotFrom<typeof mapStepperMachine>): void {
    const { context } = snapshot;
    const playing = snapshot.value === 'playing';
    if (playing) this.startLoop();
    const { models } = this;
    const classic = models.classic;
    const swiss = models.swiss;
    const classicEvent = models.classicEvents[Math.min(context.frame, models.classicEvents.length - 1)];
    const swissEvent = models.swissEvents[Math.min(context.frame, models.swissEvents.length - 1)];

    // Set both lists' rows, then scroll both, then draw both: no step reads layout another dirtied.
    const classicRow = this.classicView?.layout(classic, classicEvent);
    const swissRow = this.swissView?.layout(swiss, models.swissEvents, context.frame);
    if (classicRow !== undefined) this.classicView?.rows.reveal(classicRow);
    if (swissRow !== undefined) this.swissView?.rows.reveal(swissRow);
    this.classicView?.rows.draw();
    this.swissView?.rows.draw();

    const captions = part(this, '[data-captions]');
    captions.setAttribute('aria-live', playing && context.stepsPerSecond > 2 ? 'off' : 'polite');
    const operation = models.lastOperation;
    part(this, '[data-caption-operation]').textContent = operation === undefined ? 'Nothing yet: insert some keys.' : operationText(operation, models.lastLookup);
    part(this, '[data-caption-classic]').textContent = classicEvent === undefined ? '—' : describeClassicEvent(classicEvent);
    part(this, '[data-caption-swiss]').textContent = swissEvent === undefined ? '—' : describeSwissEvent(swissEvent);
    part(this, '[data-progress]').textContent =
      context.frames === 0
        ? `${pendingCount(context)} operations queued.`
        : `Step ${context.frame + 1} of ${context.frames} · ${context.applied} operations done · ${pendingCount(context)} queued.`;

    const playButton = part<HTMLButtonElement>(this, 'button[data-action="play"]');
    playButton.textContent = playing ? 'Pause' : 'Play';
    playButton.setAttribute('aria-pressed', String(playing));

    const classicStats = classic.stats();
    const regular = 2 ** classicStats.B;
    part(this, '[data-classic-stats]').textContent =
      `count ${classicStats.count} · B ${classicStats.B} (${regular} buckets) · ${(classicStats.count / regular).toFixed(2)} per bucket · ` +
      `overflow ${classicStats.overflow} · ${classicStats.bytes.toLocaleString('en')} bytes`;
    const evacuation = part<HTMLProgressElement>(this, '[data-evacuation]');
    const evacuationText = part(this, '[data-evacuation-text]');
    const oldBuckets = classic.old?.regular ?? 0;
    evacuation.hidden = classic.old === null;
    evacuation.max = Math.max(1, oldBuckets);
    evacuation.value = classic.nevacuate;
    evacuationText.textContent = classic.old === null ? 'Not growing.' : `Growing: ${classic.nevacuate} of ${oldBuckets} old buckets evacuated.`;

    const swissStats = swiss.stats();
    part(this, '[data-swiss-stats]').textContent =
      swiss.small !== null
        ? `used ${swissStats.used} · small map (1 group) · ${swissStats.bytes.toLocaleString('en')} bytes`
        : `used ${swissStats.used} · directory ${swissStats.dirLen} (globalDepth ${swissStats.globalDepth}) · ${swissStats.tables.length} tables · ` +
          `${swissStats.tables.reduce((sum, table) => sum + table.capacity, 0)} slots · ${swissStats.bytes.toLocaleString('en')} bytes`;

    this.dataset.state = String(snapshot.value);
    this.dataset.applied = String(context.applied);
    this.dataset.classicCount = String(classicStats.count);
    this.dataset.classicB = String(classicStats.B);
    this.dataset.classicGrowing = String(classicStats.growing);
    this.dataset.classicNevacuate = String(classicStats.nevacuate);
    this.dataset.swissTables = String(swissStats.tables.length);
    this.dataset.swissDirLen = String(swissStats.dirLen);

    // Charts change only when an operation is applied; while playing, redraw them at most 4 times a second.
    const now = performance.now();
    if ((context.applied !== this.chartedAt || context.applied === 0) && (!playing || now - this.chartedTime > 250)) {
      this.chartedAt = context.applied;
      this.chartedTime = now;
      drawCharts(part(this, '[data-chart-occupancy]'), part(this, '[data-chart-bytes]'), models.samples);
    }
  }
}

function operationText(operation: MapOperation, lookup: { classic: boolean; swiss: boolean } | undefined): string {
  switch (operation.kind) {
    case 'insert':
      return `m[${operation.key}] = …`;
    case 'delete':
      return `delete(m, ${operation.key})`;
    case 'lookup':
      return `_, ok := m[${operation.key}] → ok = ${lookup?.classic ?? false}`;
    case 'clear':
      return 'clear(m)';
  }
}

if (customElements.get('map-lab') === undefined) customElements.define('map-lab', MapLabElement);
