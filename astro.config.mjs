// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import { monacoAdoptedStyles } from './src/lib/editor/monaco-styles-plugin.mjs';
import { offlineCourse } from './src/pwa/integration.mjs';
import { strictContentSecurityPolicy } from './src/security/integration.mjs';

/** @param {string} path relative to this file */
const local = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  site: 'http://localhost',
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // On every page src/security/complete-policy.mjs replaces 'unsafe-inline' with the hashes
      // of the page's own style elements; what scripts add at run time (Monaco, the panels) is
      // adopted as constructed sheets, src/lib/adopted-styles.ts (README: "Offline and headers").
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  integrations: [
    starlight({
      title: 'Shipyard',
      description:
        'Learn to run containers on AWS — ECS, Fargate, EKS and ECR — with a simulated cluster in your browser.',
      logo: { src: './src/assets/logo.svg', alt: '' },
      favicon: '/favicon.svg',
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' } },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#0b5cad' } },
      ],
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
        { label: 'Decision guide', link: '/decide/' },
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
    // After the build, in this order: every inline script hashed, then the service worker
    // (src/security/, src/pwa/; the README's "Offline and headers" says why).
    strictContentSecurityPolicy(),
    offlineCourse({ editorEntry: /^_astro\/load-monaco\.[\w-]+\.js$/ }),
  ],
  vite: {
    // Monaco (loaded only when the editor opens): see src/lib/editor/ and stack-notes.
    plugins: [monacoAdoptedStyles()],
    resolve: {
      // monaco-worker-manager (monaco-yaml) imports a path Monaco's exports map blocks.
      alias: [
        { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' },
        // zod without its eval probe, which the Content Security Policy reports.
        { find: /^zod$/, replacement: local('./src/security/zod-classic.ts') },
        { find: /^zod\/mini$/, replacement: local('./src/security/zod-mini.ts') },
        // Pagefind's search interface loads when the search dialog opens, not when a page is idle.
        {
          find: /^@pagefind\/default-ui$/,
          replacement: local('./src/components/overrides/pagefind-ui-on-open.ts'),
        },
      ],
    },
    optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  },
});
