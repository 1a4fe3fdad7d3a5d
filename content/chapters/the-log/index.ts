import type { ChapterSource } from '../../../src/course/types';
import meta from './meta.json' with { type: 'json' };
import quiz from './quiz.json' with { type: 'json' };
import challenge from './challenge.json' with { type: 'json' };
import twoGroups from './scenarios/two-groups.json' with { type: 'json' };
import lateReader from './scenarios/late-reader.json' with { type: 'json' };

export const chapter: ChapterSource = {
  slug: 'the-log',
  meta,
  quiz,
  challenge,
  scenarios: { 'two-groups': twoGroups, 'late-reader': lateReader },
  load: () => import('../03-the-log.mdx'),
};
