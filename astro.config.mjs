// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { lessonIdFromPath } from './src/content/lesson-id.ts';

/**
 * Sidebar entries for one section, in the order of the zero-padded folder prefixes. Starlight's
 * autogenerate would turn each lesson folder into a group of its own; a lesson is one page.
 * @param {string} section folder under src/content/docs
 * @returns {Array<{ slug: string }>}
 */
function sectionItems(section) {
  const dir = new URL(`./src/content/docs/${section}/`, import.meta.url);
  /** @type {string[]} */
  let names = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.startsWith('_'))
    .map((name) => {
      const isFolder = statSync(new URL(name, dir)).isDirectory();
      if (isFolder) {
        const index = ['index.mdx', 'index.md'].find((file) => existsSync(new URL(`${name}/${file}`, dir)));
        return index === undefined ? undefined : { slug: lessonIdFromPath(`${section}/${name}/${index}`) };
      }
      return /\.mdx?$/.test(name) ? { slug: lessonIdFromPath(`${section}/${name}`) } : undefined;
    })
    .filter((item) => item !== undefined);
}

/**
 * Monaco's modules import their own stylesheets. Astro puts the CSS of every module a page can
 * reach, dynamic imports included, in that page's <head>, so those imports would make 90 KB of
 * editor CSS render-blocking on every lesson before anyone opens the editor. Here each of those
 * imports becomes a module that adds the same CSS as a <style> element when it runs, that is
 * when the editor is loaded.
 * @type {import('vite').Plugin}
 */
const monacoStylesOnDemand = {
  name: 'soh-monaco-styles-on-demand',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (!importer?.includes('/node_modules/monaco-editor/esm/') || !source.endsWith('.css')) return undefined;
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    // The id must not end in .css, or Vite would treat the module as a stylesheet.
    return resolved ? `\0soh-monaco-css:${resolved.id}.js` : undefined;
  },
  load(id) {
    if (!id.startsWith('\0soh-monaco-css:')) return undefined;
    const file = id.slice('\0soh-monaco-css:'.length, -'.js'.length);
    return [
      `import css from ${JSON.stringify(`${file}?inline`)};`,
      `const style = document.createElement('style');`,
      `style.dataset.monacoStyle = '';`,
      `style.textContent = css;`,
      `document.head.append(style);`,
    ].join('\n');
  },
};

export default defineConfig({
  site: 'http://localhost:4321',
  vite: { plugins: [monacoStylesOnDemand] },
  integrations: [
    starlight({
      title: 'Stack or Heap?',
      description:
        'Where Go puts memory: escape analysis and map internals, checked against the real Go toolchain.',
      lastUpdated: false,
      pagination: true,
      sidebar: [
        {
          label: 'Foundations',
          items: sectionItems('foundations'),
        },
        {
          label: 'Maps',
          items: [{ label: 'Map lab', link: '/maps/' }, ...sectionItems('maps')],
        },
        {
          label: 'Measuring',
          items: [
            { label: 'Playground', link: '/playground/' },
            ...sectionItems('measuring'),
          ],
        },
        {
          label: 'Reference',
          items: [...sectionItems('reference'), { label: 'Your progress', link: '/progress/' }],
        },
      ],
      customCss: ['./src/styles/site.css'],
    }),
    mdx(),
  ],
});
