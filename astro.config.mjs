// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';

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
      customCss: ['./src/styles/course.css'],
      sidebar: [
        { label: 'Course home', link: '/' },
        { label: 'Lessons', items: [{ autogenerate: { directory: 'lessons' } }] },
        {
          label: 'For you',
          items: [
            { label: 'My progress', link: '/progress/' },
            { label: 'For instructors', link: '/instructors/' },
          ],
        },
      ],
      components: {
        Search: './src/components/overrides/Search.astro',
        Sidebar: './src/components/overrides/Sidebar.astro',
        PageTitle: './src/components/overrides/PageTitle.astro',
      },
    }),
    react(),
  ],
});
