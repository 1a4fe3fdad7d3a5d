/**
 * RabbitMQ topic-exchange patterns: a binding key is "."-separated words where "*" matches
 * exactly one word and "#" zero or more. As in rabbit_exchange_type_topic, the empty routing
 * key has no words at all, so "#" matches it and "*" does not.
 */

/** The words of a routing key or pattern ("" has none). */
export function topicWords(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/**
 * Why a binding key is not a sensible topic pattern, or null when it is. RabbitMQ itself
 * accepts "order*" but reads it as the literal word "order*", which is nearly always a typo for
 * "order.*", so the scenario format refuses it.
 */
export function topicPatternProblem(pattern: string): string | null {
  const words = topicWords(pattern);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word !== '*' && word !== '#' && (word.includes('*') || word.includes('#'))) {
      return `is not a valid topic pattern: word ${i + 1} ${JSON.stringify(word)} mixes "*" or "#" with other characters ("*" and "#" must be whole words between dots, as in "order.*.created" or "order.#")`;
    }
  }
  return null;
}

/** Whether routing key words `key` match pattern words `pattern` (both from topicWords). */
export function topicMatches(pattern: readonly string[], key: readonly string[]): boolean {
  return matchFrom(pattern, key, 0, 0);
}

function matchFrom(pattern: readonly string[], key: readonly string[], patternAt: number, keyAt: number): boolean {
  let p = patternAt;
  let k = keyAt;
  while (p < pattern.length) {
    const word = pattern[p]!;
    if (word === '#') {
      // Consecutive "#" match what one does; skipping them bounds the backtracking.
      while (p + 1 < pattern.length && pattern[p + 1] === '#') p++;
      if (p + 1 === pattern.length) return true;
      for (let rest = k; rest <= key.length; rest++) if (matchFrom(pattern, key, p + 1, rest)) return true;
      return false;
    }
    if (k >= key.length) return false;
    if (word !== '*' && word !== key[k]) return false;
    p++;
    k++;
  }
  return k === key.length;
}
