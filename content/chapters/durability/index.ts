import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import diagnosis from './diagnosis.json' with { type: 'json' };
import predictions from './predictions.json' with { type: 'json' };
import leaderCrash from './scenarios/leader-crash.json' with { type: 'json' };
import missingPayments from './scenarios/missing-payments.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'durability',
  meta,
  quiz,
  challenge,
  diagnosis,
  predictions,
  scenarios: { 'leader-crash': leaderCrash, 'missing-payments': missingPayments },
  load: () => import('../07-durability.mdx'),
};
