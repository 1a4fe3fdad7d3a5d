import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import burstAbsorbed from './scenarios/burst-absorbed.json' with { type: 'json' };
import workQueueBurst from './scenarios/work-queue-burst.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'why-queues',
  meta,
  quiz,
  challenge,
  scenarios: { 'burst-absorbed': burstAbsorbed, 'work-queue-burst': workQueueBurst },
  load: () => import('../01-why-queues.mdx'),
};
