import { createContext, useContext } from 'react';
import type { Chapter } from '../types';

/** The chapter being read: where its MDX components find their quiz, challenge and scenarios. */
export const ChapterContext = createContext<Chapter | null>(null);

export function useChapter(): Chapter {
  const chapter = useContext(ChapterContext);
  if (!chapter) throw new Error('a chapter component needs a <ChapterContext.Provider> above it');
  return chapter;
}
