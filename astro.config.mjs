// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import { monacoCssInline } from './src/lib/editor/monaco-css-plugin.mjs';

export default defineConfig({
  site: 'http://localhost',
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  integrations: [
    starlight({
      title: 'Shipyard',
      description:
        'Learn to run containers on AWS — ECS, Fargate, EKS and ECR — with a simulated cluster in your browser.',
      logo: { src: './src/assets/logo.svg', alt: '' },
      favicon: '/favicon.svg',
      disable404Route: true,
      lastUpdated: false,
      pagination: true,
      // Wrapped code never scrolls sideways, so no unlabeled scrollable regions (axe landmark-unique)
      // and commands stay readable on a phone.
      expressiveCode: { defaultProps: { wrap: true } },
      customCss: ['./src/styles/course.css'],
      sidebar: [
        { label: 'Course home', link: '/' },
        { label: 'Lessons', items: [{ autogenerate: { directory: 'lessons' } }] },
        {
          label: 'For you',
          items: [
            { label: 'My progress', link: '/progress/' },
            { label: 'For instructors', link: '/instructors/' },
            { label: 'Build an assignment', link: '/instructors/assignment/' },
            { label: 'Gradebook', link: '/instructors/gradebook/' },
          ],
        },
      ],
      components: {
        Search: './src/components/overrides/Search.astro',
        Sidebar: './src/components/overrides/Sidebar.astro',
        PageTitle: './src/components/overrides/PageTitle.astro',
        Head: './src/components/overrides/Head.astro',
      },
    }),
    react(),
  ],
  vite: {
    // Monaco (loaded only when the editor opens): see src/lib/editor/ and stack-notes.
    plugins: [monacoCssInline()],
    resolve: {
      // monaco-worker-manager (monaco-yaml) imports a path Monaco's exports map blocks.
      alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' }],
    },
    optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  },
});
