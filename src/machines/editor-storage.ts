/**
 * The reader's edits, saved per snippet in localStorage so a reload never loses them.
 * Entries are versioned; anything unreadable counts as "nothing saved".
 */
import type { AnalysisFlags } from '../sim/api.ts';

/** What is saved for one snippet. */
export interface SavedEdits {
  /** The reader's text. */
  source: string;
  /** The flags they had chosen. */
  flags: AnalysisFlags;
}

const prefix = 'soh-playground:v1:';

/** The localStorage key of a snippet's edits. */
export function storageKey(snippetId: string): string {
  return `${prefix}${snippetId}`;
}

/** localStorage, or undefined where it is unavailable (private modes, Node). */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether a parsed value is a valid {@link AnalysisFlags} (for data read back from storage or links). */
export function isAnalysisFlags(value: unknown): value is AnalysisFlags {
  if (typeof value !== 'object' || value === null) return false;
  const flags = value as Record<string, unknown>;
  return (flags.m === 1 || flags.m === 2) && typeof flags.noInline === 'boolean';
}

/** The saved edits of a snippet, or undefined when there are none or they are unreadable. */
export function loadEdits(snippetId: string, store: Storage | undefined = storage()): SavedEdits | undefined {
  const text = store?.getItem(storageKey(snippetId));
  if (text === null || text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    const entry = value as Record<string, unknown>;
    if (typeof entry.source !== 'string' || !isAnalysisFlags(entry.flags)) return undefined;
    return { source: entry.source, flags: { m: entry.flags.m, noInline: entry.flags.noInline } };
  } catch {
    return undefined;
  }
}

/** Whether a snippet has saved edits worth restoring. */
export function hasSavedEdits(snippetId: string, store: Storage | undefined = storage()): boolean {
  return snippetId !== '' && loadEdits(snippetId, store) !== undefined;
}

/** Saves a snippet's edits; returns false when storage refused (full or disabled). */
export function saveEdits(snippetId: string, edits: SavedEdits, store: Storage | undefined = storage()): boolean {
  if (store === undefined) return false;
  try {
    store.setItem(storageKey(snippetId), JSON.stringify(edits));
    return true;
  } catch {
    return false;
  }
}

/** Forgets a snippet's edits (after a confirmed reset). */
export function clearEdits(snippetId: string, store: Storage | undefined = storage()): void {
  store?.removeItem(storageKey(snippetId));
}
