import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import diagnosis from './diagnosis.json' with { type: 'json' };
import fanOut from './scenarios/fan-out.json' with { type: 'json' };
import renderJobs from './scenarios/render-jobs.json' with { type: 'json' };
import oneGroup from './scenarios/one-group.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'sqs-and-sns',
  meta,
  quiz,
  challenge,
  diagnosis,
  scenarios: { 'fan-out': fanOut, 'render-jobs': renderJobs, 'one-group': oneGroup },
  load: () => import('../14-sqs-and-sns.mdx'),
};
