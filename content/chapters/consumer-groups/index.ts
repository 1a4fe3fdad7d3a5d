import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import diagnosis from './diagnosis.json' with { type: 'json' };
import fewPartitions from './scenarios/few-partitions.json' with { type: 'json' };
import predictions from './predictions.json' with { type: 'json' };
import fourthConsumer from './scenarios/fourth-consumer.json' with { type: 'json' };
import oneSlow from './scenarios/one-slow.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'consumer-groups',
  meta,
  quiz,
  challenge,
  diagnosis,
  predictions,
  scenarios: { 'few-partitions': fewPartitions, 'fourth-consumer': fourthConsumer, 'one-slow': oneSlow },
  load: () => import('../05-consumer-groups.mdx'),
};
