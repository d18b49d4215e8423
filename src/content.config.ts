import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { lessonIdFromPath } from './content/lesson-id.ts';

/**
 * Lessons live in folders named with a zero-padded order prefix (`03-closures/index.mdx`);
 * the URL drops the prefix so that reordering lessons never breaks links.
 */
export const collections = {
  docs: defineCollection({
    loader: docsLoader({ generateId: ({ entry }) => lessonIdFromPath(entry) }),
    schema: docsSchema(),
  }),
};
