import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import diagnosis from './diagnosis.json' with { type: 'json' };
import crashMidBatch from './scenarios/crash-mid-batch.json' with { type: 'json' };
import chargedTwice from './scenarios/charged-twice.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'delivery-semantics',
  meta,
  quiz,
  challenge,
  diagnosis,
  scenarios: { 'crash-mid-batch': crashMidBatch, 'charged-twice': chargedTwice },
  load: () => import('../08-delivery-semantics.mdx'),
};
