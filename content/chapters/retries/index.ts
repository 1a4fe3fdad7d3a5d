import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import flakyProvider from './scenarios/flaky-provider.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'retries',
  meta,
  quiz,
  challenge,
  scenarios: { 'flaky-provider': flakyProvider },
  load: () => import('../09-retries.mdx'),
};
