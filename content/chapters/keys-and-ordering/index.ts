import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import diagnosis from './diagnosis.json' with { type: 'json' };
import hotCustomer from './scenarios/hot-customer.json' with { type: 'json' };
import uniformKeys from './scenarios/uniform-keys.json' with { type: 'json' };
import slowBilling from './scenarios/slow-billing.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'keys-and-ordering',
  meta,
  quiz,
  challenge,
  diagnosis,
  scenarios: { 'hot-customer': hotCustomer, 'uniform-keys': uniformKeys, 'slow-billing': slowBilling },
  load: () => import('../04-keys-and-ordering.mdx'),
};
