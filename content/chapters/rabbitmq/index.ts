import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import diagnosis from './diagnosis.json' with { type: 'json' };
import routing from './scenarios/routing.json' with { type: 'json' };
import poisonLoop from './scenarios/poison-loop.json' with { type: 'json' };
import hoarding from './scenarios/hoarding.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'rabbitmq',
  meta,
  quiz,
  challenge,
  diagnosis,
  scenarios: { routing, 'poison-loop': poisonLoop, hoarding },
  load: () => import('../13-rabbitmq.mdx'),
};
