import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import diagnosis from './diagnosis.json' with { type: 'json' };
import silentCrash from './scenarios/silent-crash.json' with { type: 'json' };
import stuckPartition from './scenarios/stuck-partition.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'observability',
  meta,
  quiz,
  challenge,
  diagnosis,
  scenarios: { 'silent-crash': silentCrash, 'stuck-partition': stuckPartition },
  load: () => import('../12-observability.mdx'),
};
