// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';

/** The Go version every prediction on the site is checked against. */
export const MODELED_GO_VERSION = 'go1.26';

export default defineConfig({
  site: 'http://localhost:4321',
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
          items: [{ autogenerate: { directory: 'foundations' } }],
        },
        {
          label: 'Maps',
          items: [{ label: 'Map lab', link: '/maps/' }, { autogenerate: { directory: 'maps' } }],
        },
        {
          label: 'Measuring',
          items: [
            { label: 'Playground', link: '/playground/' },
            { autogenerate: { directory: 'measuring' } },
          ],
        },
        {
          label: 'Reference',
          items: [{ autogenerate: { directory: 'reference' } }],
        },
      ],
      customCss: ['./src/styles/site.css'],
    }),
    mdx(),
  ],
});
