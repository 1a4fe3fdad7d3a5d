import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import diagnosis from './diagnosis.json' with { type: 'json' };
import poisonOrder from './scenarios/poison-order.json' with { type: 'json' };
import parked from './scenarios/parked.json' with { type: 'json' };
import stuckPartition from './scenarios/stuck-partition.json' with { type: 'json' };
import sqsRedrive from './scenarios/sqs-redrive.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'dead-letter-queues',
  meta,
  quiz,
  challenge,
  diagnosis,
  scenarios: { 'poison-order': poisonOrder, parked, 'stuck-partition': stuckPartition, 'sqs-redrive': sqsRedrive },
  load: () => import('../10-dead-letter-queues.mdx'),
};
