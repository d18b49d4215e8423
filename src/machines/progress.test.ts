import { describe, expect, test } from 'vitest';
import {
  emptyProgress,
  exportProgress,
  forgetAnswer,
  lessonScore,
  loadProgress,
  parseProgress,
  progressStorageKey,
  recordAnswer,
  saveProgress,
  type ProgressStorage,
} from './progress.ts';

/** An in-memory stand-in for localStorage. */
function memoryStorage(initial: Record<string, string> = {}): ProgressStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
    removeItem: (key) => {
      delete data[key];
    },
  };
}

const answer = { choice: 1, correct: true, answeredAt: '2026-01-01T00:00:00.000Z' };

describe('progress', () => {
  test('the storage key is versioned', () => {
    expect(progressStorageKey).toBe('soh:progress:v1');
  });

  test('nothing saved loads as empty progress without a notice', () => {
    expect(loadProgress(memoryStorage())).toEqual({ progress: emptyProgress() });
  });

  test('saved answers survive a save and a load', () => {
    const storage = memoryStorage();
    const progress = recordAnswer(emptyProgress(), 'foundations/closures', 'q1', answer);
    expect(saveProgress(storage, progress)).toBe(true);
    expect(loadProgress(storage)).toEqual({ progress });
  });

  test.each([
    ['not JSON', '{oops'],
    ['an array', '[]'],
    ['another version', '{"version":2,"lessons":{}}'],
    ['a malformed answer', '{"version":1,"lessons":{"a":{"q":{"choice":"x","correct":true,"answeredAt":"t"}}}}'],
    ['a negative choice', '{"version":1,"lessons":{"a":{"q":{"choice":-1,"correct":true,"answeredAt":"t"}}}}'],
    ['lessons that are not an object', '{"version":1,"lessons":3}'],
  ])('corrupt data (%s) is reset, saved empty, and reported', (_name, text) => {
    const storage = memoryStorage({ [progressStorageKey]: text });
    const loaded = loadProgress(storage);
    expect(loaded.progress).toEqual(emptyProgress());
    expect(loaded.resetReason).toBeTypeOf('string');
    expect(JSON.parse(storage.data[progressStorageKey]!)).toEqual(emptyProgress());
    expect(loadProgress(storage).resetReason).toBeUndefined();
  });

  test('a storage that throws gives empty progress and saving reports failure', () => {
    const broken: ProgressStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    expect(loadProgress(broken)).toEqual({ progress: emptyProgress() });
    expect(saveProgress(broken, emptyProgress())).toBe(false);
  });

  test('recording and forgetting do not change their input', () => {
    const start = emptyProgress();
    const one = recordAnswer(start, 'l', 'q1', answer);
    const two = recordAnswer(one, 'l', 'q2', { ...answer, correct: false });
    expect(start.lessons).toEqual({});
    expect(Object.keys(one.lessons.l!)).toEqual(['q1']);
    const forgotten = forgetAnswer(two, 'l', 'q1');
    expect(Object.keys(forgotten.lessons.l!)).toEqual(['q2']);
    expect(Object.keys(two.lessons.l!)).toEqual(['q1', 'q2']);
  });

  test('the score counts only questions the quiz still has', () => {
    let progress = recordAnswer(emptyProgress(), 'l', 'q1', answer);
    progress = recordAnswer(progress, 'l', 'q2', { ...answer, correct: false });
    progress = recordAnswer(progress, 'l', 'removed', answer);
    expect(lessonScore(progress, 'l', ['q1', 'q2', 'q3'])).toEqual({ total: 3, answered: 2, correct: 1 });
    expect(lessonScore(progress, 'other', ['q1'])).toEqual({ total: 1, answered: 0, correct: 0 });
  });

  test('an export parses back to the same progress, and garbage is refused with a reason', () => {
    const progress = recordAnswer(emptyProgress(), 'foundations/closures', 'q1', answer);
    expect(parseProgress(exportProgress(progress))).toEqual(progress);
    expect(parseProgress('hello')).toBe('not JSON');
    expect(parseProgress('{"version":1}')).toBe('"lessons" is not an object');
  });
});
