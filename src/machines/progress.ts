/**
 * Quiz progress saved in the browser: which choice the reader picked for each question of
 * each lesson, and whether it was right. Stored as versioned JSON under one localStorage key.
 * Anything unreadable is replaced by empty progress and reported, never trusted, so a
 * corrupt entry cannot break a page.
 */

/** The localStorage key; the suffix is the format version. */
export const progressStorageKey = 'soh:progress:v1';

/** What a page says when saved progress was unreadable and has been reset. */
export const progressResetNotice = 'Your saved quiz progress could not be read, so it has been reset.';

/** The saved answer to one question. */
export interface AnswerRecord {
  /** Index of the choice the reader submitted. */
  choice: number;
  /** Whether it was the right one. */
  correct: boolean;
  /** When it was submitted (ISO 8601). */
  answeredAt: string;
}

/** Everything saved: lesson id (`foundations/closures`) → question id → answer. */
export interface Progress {
  /** Format version. */
  version: 1;
  /** Answers per lesson. */
  lessons: Record<string, Record<string, AnswerRecord>>;
}

/** The part of `Storage` progress needs (so tests can pass a plain object). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Progress read from storage, and whether it had to be reset. */
export interface LoadedProgress {
  /** The progress to use. */
  progress: Progress;
  /** Set when saved data was unreadable and has been replaced by empty progress. */
  resetReason?: string;
}

/** Questions of one lesson: how many, answered, right. */
export interface LessonScore {
  /** Questions in the lesson's quiz. */
  total: number;
  /** Questions with a saved answer. */
  answered: number;
  /** Questions answered right. */
  correct: number;
}

/** Progress with nothing answered. */
export function emptyProgress(): Progress {
  return { version: 1, lessons: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAnswerRecord(value: unknown): value is AnswerRecord {
  return (
    isRecord(value) &&
    Number.isInteger(value.choice) &&
    (value.choice as number) >= 0 &&
    typeof value.correct === 'boolean' &&
    typeof value.answeredAt === 'string'
  );
}

/** Parses saved or imported progress; a string saying what is wrong when it is not valid. */
export function parseProgress(text: string): Progress | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (!isRecord(value)) return 'not a JSON object';
  if (value.version !== 1) return `unknown format version ${JSON.stringify(value.version)}`;
  if (!isRecord(value.lessons)) return '"lessons" is not an object';
  const lessons: Progress['lessons'] = {};
  for (const [lessonId, answers] of Object.entries(value.lessons)) {
    if (!isRecord(answers)) return `answers of ${lessonId} are not an object`;
    lessons[lessonId] = {};
    for (const [itemId, answer] of Object.entries(answers)) {
      if (!isAnswerRecord(answer)) return `answer ${lessonId}/${itemId} is malformed`;
      lessons[lessonId][itemId] = { choice: answer.choice, correct: answer.correct, answeredAt: answer.answeredAt };
    }
  }
  return { version: 1, lessons };
}

/**
 * Reads progress from storage. Unreadable data is replaced with empty progress (and the
 * replacement saved) and `resetReason` says why, for the page to show.
 */
export function loadProgress(storage: ProgressStorage): LoadedProgress {
  let text: string | null;
  try {
    text = storage.getItem(progressStorageKey);
  } catch {
    return { progress: emptyProgress() };
  }
  if (text === null) return { progress: emptyProgress() };
  const parsed = parseProgress(text);
  if (typeof parsed !== 'string') return { progress: parsed };
  const progress = emptyProgress();
  saveProgress(storage, progress);
  return { progress, resetReason: parsed };
}

/** Writes progress to storage; false when the browser refused (storage full or disabled). */
export function saveProgress(storage: ProgressStorage, progress: Progress): boolean {
  try {
    storage.setItem(progressStorageKey, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/** Progress with one more answer recorded (the input is not changed). */
export function recordAnswer(
  progress: Progress,
  lessonId: string,
  itemId: string,
  answer: AnswerRecord,
): Progress {
  return {
    version: 1,
    lessons: { ...progress.lessons, [lessonId]: { ...progress.lessons[lessonId], [itemId]: answer } },
  };
}

/** Progress without the answer to one question (for "try again"). */
export function forgetAnswer(progress: Progress, lessonId: string, itemId: string): Progress {
  const answers = { ...progress.lessons[lessonId] };
  delete answers[itemId];
  return { version: 1, lessons: { ...progress.lessons, [lessonId]: answers } };
}

/** The score of one lesson whose quiz has the questions `itemIds`; answers to removed questions do not count. */
export function lessonScore(progress: Progress, lessonId: string, itemIds: readonly string[]): LessonScore {
  const answers = progress.lessons[lessonId] ?? {};
  const saved = itemIds.map((itemId) => answers[itemId]).filter((answer) => answer !== undefined);
  return { total: itemIds.length, answered: saved.length, correct: saved.filter((answer) => answer.correct).length };
}

/** The JSON text of an export file. */
export function exportProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}
