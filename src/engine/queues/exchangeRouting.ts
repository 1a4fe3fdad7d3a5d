import { topicMatches, topicWords } from './topicPattern';
import type { BindingRt, ExchangeRt, QueueWorld } from './types';
import type { ExchangeType } from '../scenario/queueTypes';

/** Header tables of up to this many per exchange and key get a cache slot each. */
const HEADER_SETS_PER_KEY_MAX = 1 << 16;

/**
 * Whether a binding takes a message with this routing key (and its words) and these headers,
 * under the exchange type's rule: direct compares keys, topic matches the binding's pattern,
 * fanout takes everything, headers compares header values (x-match all: every binding header;
 * any: at least one).
 */
export function bindingMatches(type: ExchangeType, binding: BindingRt, key: string, keyWords: readonly string[], headers: Readonly<Record<string, string>>): boolean {
  switch (type) {
    case 'direct':
      return binding.key === key;
    case 'topic':
      return topicMatches(binding.words, keyWords);
    case 'fanout':
      return true;
    case 'headers': {
      let matched = 0;
      for (const [name, value] of binding.headers) {
        if (Object.hasOwn(headers, name) && headers[name] === value) matched++;
      }
      return binding.matchAll ? matched === binding.headers.length : matched > 0;
    }
  }
}

/**
 * The queues an exchange routes a message to, ascending and each once: a queue bound twice by
 * matching bindings still gets one copy, as in RabbitMQ.
 */
export function routeTargets(exchange: Pick<ExchangeRt, 'type' | 'bindings'>, key: string, headers: Readonly<Record<string, string>>): Int32Array {
  const words = exchange.type === 'topic' ? topicWords(key) : [];
  const queues = new Set<number>();
  for (const binding of exchange.bindings) {
    if (bindingMatches(exchange.type, binding, key, words, headers)) queues.add(binding.queue);
  }
  return Int32Array.from([...queues].sort((a, b) => a - b));
}

const NO_QUEUES = new Int32Array(0);

/**
 * The queues exchange e routes (interned key, interned header table) to. Routing is a pure
 * function of those, so each combination is computed once; the default exchange "" routes to
 * the RabbitMQ queue named by the key.
 */
export function route(qw: QueueWorld, exchange: ExchangeRt, key: number, headers: number): Int32Array {
  const cacheKey = key * HEADER_SETS_PER_KEY_MAX + headers;
  const cached = exchange.routeCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let targets: Int32Array;
  if (exchange.index === 0) {
    const queue = qw.rabbitQueueByName.get(qw.keys[key]!);
    targets = queue === undefined ? NO_QUEUES : Int32Array.of(queue);
  } else {
    targets = routeTargets(exchange, qw.keys[key]!, qw.headerSets[headers]!);
  }
  exchange.routeCache.set(cacheKey, targets);
  return targets;
}
