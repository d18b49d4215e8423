/**
 * Plain-language captions for the models' events, for the map lab's step-by-step view and
 * its screen-reader announcements.
 */
import type { ClassicEvent } from './classic/map.ts';
import type { SwissEvent } from './swiss/map.ts';
import { formatHash } from './types.ts';

function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

function where(table: number, group: number, slot?: number): string {
  const place = table < 0 ? 'the small map’s group' : `table at directory index ${table}, group ${group}`;
  return slot === undefined ? place : `${place}, slot ${slot}`;
}

/** One sentence saying what a classic-map step did. */
export function describeClassicEvent(event: ClassicEvent): string {
  switch (event.kind) {
    case 'hash':
      return `hash(${JSON.stringify(event.key)}) = ${formatHash(event.hash)}: its low ${event.B} bits pick bucket ${event.bucket}; its top byte gives tophash ${hex(event.tophash)}.`;
    case 'firstBucket':
      return 'The map had no buckets yet, so the first insert allocates one bucket (B = 0).';
    case 'compare':
      return event.match
        ? `${bucketName(event.old)} ${event.bucket}${chainText(event.chain)} slot ${event.slot}: tophash ${hex(event.tophash)} matches and the key is equal.`
        : `${bucketName(event.old)} ${event.bucket}${chainText(event.chain)} slot ${event.slot}: tophash ${hex(event.tophash)} matches, but the key differs.`;
    case 'stopAtEmptyRest':
      return `Bucket ${event.bucket}${chainText(event.chain)} slot ${event.slot} is emptyRest: nothing further in this chain, the search stops.`;
    case 'slotTaken':
      return `The key goes into bucket ${event.bucket}${chainText(event.chain)}, slot ${event.slot}, with tophash ${hex(event.tophash)}.`;
    case 'updated':
      return `The key was already there (bucket ${event.bucket}${chainText(event.chain)}, slot ${event.slot}): only its value is replaced.`;
    case 'found':
      return `Found in ${bucketName(event.old).toLowerCase()} ${event.bucket}${chainText(event.chain)}, slot ${event.slot}.`;
    case 'notFound':
      return `Not in the map: ${bucketName(event.old).toLowerCase()} ${event.bucket}'s chain holds no equal key.`;
    case 'overflowAllocated':
      return event.preallocated
        ? `Bucket ${event.bucket} is full: a preallocated overflow bucket from the end of the array is chained behind it.`
        : `Bucket ${event.bucket} is full and no preallocated overflow bucket is left: a new overflow bucket is allocated and chained.`;
    case 'growStarted':
      return event.sameSize
        ? `Too many overflow buckets: a same-size grow starts (B stays ${event.B}) to compact the chains.`
        : `Load factor would exceed the limit: the map starts growing from B = ${event.oldB} to B = ${event.B} (${event.buckets} buckets in the new array). Old buckets move over a few at a time.`;
    case 'evacuated':
      return event.sameSize
        ? `Old bucket ${event.oldBucket} evacuated: ${event.movedX} entries copied to new bucket ${event.toX}.`
        : `Old bucket ${event.oldBucket} evacuated: ${event.movedX} entries to bucket ${event.toX} (X), ${event.movedY} to bucket ${event.toY} (Y), by one more hash bit.`;
    case 'growFinished':
      return `Every old bucket is evacuated: the old array is dropped and the grow to B = ${event.B} is complete.`;
    case 'deleted':
      return `Deleted from bucket ${event.bucket}${chainText(event.chain)}, slot ${event.slot}${event.emptyRestSlots > 0 ? `; ${event.emptyRestSlots} trailing slots marked emptyRest` : ''}. Nothing is freed.`;
    case 'reseeded':
      return 'The map is empty again, so the runtime draws a new hash seed.';
    case 'cleared':
      return `clear: all ${event.buckets} buckets are zeroed and kept, overflow buckets are dropped, B stays the same, and a new seed is drawn.`;
  }
}

/** Lookups during a grow read the old bucket while it is not evacuated yet. */
function bucketName(old: boolean): string {
  return old ? 'Old bucket (not evacuated yet)' : 'Bucket';
}

function chainText(chain: number): string {
  return chain === 0 ? '' : ` (overflow bucket ${chain} in its chain)`;
}

/** One sentence saying what a Swiss-map step did. */
export function describeSwissEvent(event: SwissEvent): string {
  switch (event.kind) {
    case 'hash':
      return event.small
        ? `hash(${JSON.stringify(event.key)}) = ${formatHash(event.hash)}: H2 (low 7 bits) = ${hex(event.h2)}. A small map has one group, so no probing.`
        : `hash(${JSON.stringify(event.key)}) = ${formatHash(event.hash)}: H2 = ${hex(event.h2)}; the top bits pick directory index ${event.directoryIndex}; H1 picks the first group to probe.`;
    case 'smallGroupCreated':
      return 'The map had no storage yet: the first insert allocates one group of 8 slots (a small map).';
    case 'probe':
      return event.step === 0 ? `Probe ${where(event.table, event.group)}.` : `Probe step ${event.step}: ${where(event.table, event.group)}.`;
    case 'compare':
      return event.match
        ? `Control byte ${hex(event.h2)} matches H2 at ${where(event.table, event.group, event.slot)} and the key is equal.`
        : `Control byte ${hex(event.h2)} matches H2 at ${where(event.table, event.group, event.slot)}, but the key differs.`;
    case 'tombstoneRemembered':
      return `A tombstone at ${where(event.table, event.group, event.slot)}: remembered for reuse, probing continues.`;
    case 'slotTaken':
      return event.reusedTombstone
        ? `The key reuses the tombstone at ${where(event.table, event.group, event.slot)}; its control byte becomes ${hex(event.h2)}.`
        : `The key goes into ${where(event.table, event.group, event.slot)}; its control byte becomes ${hex(event.h2)}.`;
    case 'updated':
      return `The key was already there (${where(event.table, event.group, event.slot)}): only its value is replaced.`;
    case 'found':
      return `Found at ${where(event.table, event.group, event.slot)}.`;
    case 'notFound':
      return `Not in the map: ${where(event.table, event.group)} has an empty slot, so the key would have been there.`;
    case 'smallToTable':
      return `The small map is full: it becomes a table of 16 slots (2 groups) in a one-entry directory, and its ${event.moved} entries are reinserted.`;
    case 'tableGrown':
      return `The table at directory index ${event.table} is out of room: it is rebuilt at ${event.to} slots (was ${event.from}) and its ${event.moved} entries are reinserted.`;
    case 'tableSplit':
      return `A full 1024-slot table cannot grow: it splits in two by one more hash bit (local depth ${event.localDepth}): ${event.left} entries left, ${event.right} right.`;
    case 'directoryDoubled':
      return `The split table was as deep as the directory, so the directory doubles to ${event.dirLen} entries.`;
    case 'deleted':
      return event.tombstone
        ? `Deleted at ${where(event.table, event.group, event.slot)}. The group is full, so a tombstone (0xfe) is written: probes must keep going past it.`
        : `Deleted at ${where(event.table, event.group, event.slot)}. The group has an empty slot, so this slot simply becomes empty (0x80).`;
    case 'tombstonesPruned':
      return `Before growing, ${event.count} tombstones no probe path needs are cleared in the table at directory index ${event.table}.`;
    case 'reseeded':
      return 'The map is empty again, so the runtime draws a new hash seed.';
    case 'cleared':
      return 'clear: every group is emptied; tables and directory are kept, and a new seed is drawn.';
  }
}
