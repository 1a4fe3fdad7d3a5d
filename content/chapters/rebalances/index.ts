import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import diagnosis from './diagnosis.json' with { type: 'json' };
import crashAndWait from './scenarios/crash-and-wait.json' with { type: 'json' };
import rollingRestart from './scenarios/rolling-restart.json' with { type: 'json' };
import storm from './scenarios/storm.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'rebalances',
  meta,
  quiz,
  challenge,
  diagnosis,
  scenarios: { 'crash-and-wait': crashAndWait, 'rolling-restart': rollingRestart, storm },
  load: () => import('../06-rebalances.mdx'),
};
