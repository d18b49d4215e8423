import { describe, expect, test } from 'vitest';
import { lessonIdFromPath } from '../../src/content/lesson-id.ts';

describe('lessonIdFromPath', () => {
  test('drops the order prefix and the index file name', () => {
    expect(lessonIdFromPath('foundations/03-closures/index.mdx')).toBe('foundations/closures');
  });
  test('keeps names without a prefix', () => {
    expect(lessonIdFromPath('maps/swiss-tables.md')).toBe('maps/swiss-tables');
  });
  test('the root index is "index"', () => {
    expect(lessonIdFromPath('index.mdx')).toBe('index');
  });
  test('lower-cases so URLs are stable', () => {
    expect(lessonIdFromPath('Foundations/01-How-To/index.mdx')).toBe('foundations/how-to');
  });
});
