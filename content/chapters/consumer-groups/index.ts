import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import diagnosis from './diagnosis.json' with { type: 'json' };
import fewPartitions from './scenarios/few-partitions.json' with { type: 'json' };
import oneSlow from './scenarios/one-slow.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'consumer-groups',
  meta,
  quiz,
  challenge,
  diagnosis,
  scenarios: { 'few-partitions': fewPartitions, 'one-slow': oneSlow },
  load: () => import('../05-consumer-groups.mdx'),
};
