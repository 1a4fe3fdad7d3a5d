import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import surge from './scenarios/surge.json' with { type: 'json' };
import quoteSurge from './scenarios/quote-surge.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'back-pressure',
  meta,
  quiz,
  challenge,
  scenarios: { surge, 'quote-surge': quoteSurge },
  load: () => import('../11-back-pressure.mdx'),
};
