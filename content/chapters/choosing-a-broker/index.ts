import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import sameWorkload from './scenarios/same-workload.json' with { type: 'json' };
import sizing from './scenarios/sizing.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'choosing-a-broker',
  meta,
  quiz,
  challenge,
  scenarios: { 'same-workload': sameWorkload, sizing },
  load: () => import('../16-choosing-a-broker.mdx'),
};
