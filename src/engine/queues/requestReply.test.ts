import { describe, expect, it } from 'vitest';
import { runQueueScenario } from './testing';

const rpc = (processingMs: number, timeoutMs: number) => ({
  exchanges: [{ name: 'rpc', type: 'direct' }],
  queues: [{ name: 'rpc.requests' }],
  bindings: [{ exchange: 'rpc', queue: 'rpc.requests', routingKey: 'price' }],
  publishers: [{ id: 'client', exchange: 'rpc', routingKeys: ['price'], ratePerSec: 10, arrival: 'constant', messageCount: 5, request: { timeoutMs } }],
  workers: [{ id: 'server', queue: 'rpc.requests', prefetchCount: 1, processingMs: { dist: 'constant', value: processingMs } }],
});

describe('request-reply', () => {
  it('measures the round trip of replies that come within the timeout', () => {
    const m = runQueueScenario(rpc(10, 50), 1000).metrics();
    expect(m.requesters).toEqual({ client: { sent: 5, replies: 5, timedOut: 0, late: 0, waiting: 0, roundTripMs: { mean: 10, p50: 10, p95: 10, p99: 10 } } });
    expect(m.queues!['client.replies']).toMatchObject({ published: 5, acked: 5, depth: 0 });
  });

  it('counts replies after the timeout as late', () => {
    const sim = runQueueScenario(rpc(30, 20), 25);
    // The first request (sent at 0 ms) timed out at 20 ms; its reply is not there yet.
    expect(sim.metrics().requesters!.client).toMatchObject({ sent: 1, replies: 0, timedOut: 1, late: 0, waiting: 0 });
    sim.runUntil(1000);
    expect(sim.metrics().requesters!.client).toMatchObject({ sent: 5, replies: 0, timedOut: 5, late: 5, waiting: 0 });
  });

  it('an unroutable request is never answered: it times out', () => {
    const input = rpc(1, 20);
    const m = runQueueScenario({ ...input, publishers: [{ ...input.publishers[0], routingKeys: ['nobody'] }] }, 1000).metrics();
    expect(m.requesters!.client).toMatchObject({ sent: 5, replies: 0, timedOut: 5, late: 0 });
    expect(m.exchanges!.rpc).toEqual({ type: 'direct', routed: 0, unroutable: 5 });
  });
});
