import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import twoGroups from './scenarios/two-groups.json' with { type: 'json' };
import sharedQueue from './scenarios/shared-queue.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'fan-out',
  meta,
  quiz,
  challenge,
  scenarios: { 'two-groups': twoGroups, 'shared-queue': sharedQueue },
  load: () => import('../02-fan-out.mdx'),
};
