import { defineConfig } from 'vitepress';

// The pymem documentation site. Built offline: no remote fonts, search or analytics.
export default defineConfig({
  title: 'pymem',
  description: "CPython's memory management, modelled and observable",
  outDir: './dist',
  cleanUrls: true,
  lastUpdated: false,
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/' },
      { text: 'Internals', link: '/internals' },
    ],
    sidebar: [
      {
        text: 'pymem',
        items: [
          { text: 'What pymem is', link: '/' },
          { text: 'Internals: how the model works', link: '/internals' },
        ],
      },
    ],
  },
});
