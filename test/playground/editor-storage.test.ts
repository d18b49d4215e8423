import { describe, expect, it } from 'vitest';
import { clearEdits, hasSavedEdits, loadEdits, saveEdits, storageKey } from '../../src/machines/editor-storage.ts';

/** An in-memory Storage. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('editor storage', () => {
  it('saves and restores edits per snippet', () => {
    const store = memoryStorage();
    expect(hasSavedEdits('a', store)).toBe(false);
    saveEdits('a', { source: 'package main', flags: { m: 2, noInline: true } }, store);
    expect(loadEdits('a', store)).toEqual({ source: 'package main', flags: { m: 2, noInline: true } });
    expect(hasSavedEdits('a', store)).toBe(true);
    expect(hasSavedEdits('b', store)).toBe(false);
    clearEdits('a', store);
    expect(loadEdits('a', store)).toBeUndefined();
  });

  it('treats corrupt entries as nothing saved', () => {
    const store = memoryStorage();
    store.setItem(storageKey('a'), '{not json');
    expect(loadEdits('a', store)).toBeUndefined();
    store.setItem(storageKey('a'), JSON.stringify({ source: 1, flags: { m: 1, noInline: false } }));
    expect(loadEdits('a', store)).toBeUndefined();
    store.setItem(storageKey('a'), JSON.stringify({ source: 'x', flags: { m: 3, noInline: false } }));
    expect(loadEdits('a', store)).toBeUndefined();
  });

  it('reports a refused write instead of throwing', () => {
    const store = memoryStorage();
    store.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(saveEdits('a', { source: 'x', flags: { m: 1, noInline: false } }, store)).toBe(false);
    expect(saveEdits('a', { source: 'x', flags: { m: 1, noInline: false } }, undefined)).toBe(false);
  });
});
