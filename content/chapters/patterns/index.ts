import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import priceRpc from './scenarios/price-rpc.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'patterns',
  meta,
  quiz,
  challenge,
  scenarios: { 'price-rpc': priceRpc },
  load: () => import('../15-patterns.mdx'),
};
