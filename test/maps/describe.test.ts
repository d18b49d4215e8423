import { describe, expect, test } from 'vitest';
import { ClassicMap, type ClassicEvent } from '../../src/sim/maps/classic/map.ts';
import { SwissMap, type SwissEvent } from '../../src/sim/maps/swiss/map.ts';
import { describeClassicEvent, describeSwissEvent } from '../../src/sim/maps/describe.ts';

describe('captions for model events', () => {
  test('a classic run through grows, overflow, lookups, deletes and clear yields one plain sentence per step', () => {
    const events: ClassicEvent[] = [];
    const map = new ClassicMap({ seed: 4, onEvent: (event) => events.push(event) });
    for (let i = 0; i < 300; i++) map.insert(i);
    map.insert(5);
    map.lookup(7);
    map.lookup('absent');
    for (let i = 0; i < 300; i++) map.delete(i);
    map.insert(1);
    map.clear();
    const kinds = new Set(events.map((event) => event.kind));
    for (const kind of ['hash', 'firstBucket', 'compare', 'slotTaken', 'updated', 'found', 'notFound', 'overflowAllocated', 'growStarted', 'evacuated', 'growFinished', 'deleted', 'reseeded', 'cleared']) {
      expect(kinds).toContain(kind);
    }
    for (const event of events) {
      const text = describeClassicEvent(event);
      expect(text).toMatch(/^\S.*[.:]$/);
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  test('a Swiss run through small map, growth, splits, tombstones and clear yields one plain sentence per step', () => {
    const events: SwissEvent[] = [];
    const map = new SwissMap({ seed: 4, onEvent: (event) => events.push(event) });
    for (let i = 0; i < 2000; i++) map.insert(i);
    map.insert(5);
    map.lookup(7);
    map.lookup('absent');
    for (let i = 0; i < 2000; i++) map.delete(i);
    map.insert(1);
    map.clear();
    const kinds = new Set(events.map((event) => event.kind));
    for (const kind of ['hash', 'smallGroupCreated', 'probe', 'compare', 'slotTaken', 'updated', 'found', 'notFound', 'smallToTable', 'tableGrown', 'tableSplit', 'directoryDoubled', 'deleted', 'reseeded', 'cleared']) {
      expect(kinds).toContain(kind);
    }
    expect(events.some((event) => event.kind === 'deleted' && event.tombstone)).toBe(true);
    for (const event of events) {
      const text = describeSwissEvent(event);
      expect(text).toMatch(/^\S.*[.:]$/);
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
  });
});
