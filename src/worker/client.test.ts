import { describe, expect, it } from 'vitest';
import { createSimClient, type WorkerLike } from './client';
import type { Command, Report } from './protocol';

function fakeWorker() {
  const sent: Command[] = [];
  let terminated = false;
  const worker: WorkerLike = {
    postMessage: (command) => sent.push(command),
    terminate: () => {
      terminated = true;
    },
    onmessage: null,
    onerror: null,
    onmessageerror: null,
  };
  const deliver = (report: Report) => worker.onmessage?.({ data: report } as MessageEvent);
  return { worker, sent, deliver, isTerminated: () => terminated };
}

function setup() {
  const fake = fakeWorker();
  const paints: (() => void)[] = [];
  const client = createSimClient({ createWorker: () => fake.worker, afterPaint: (callback) => paints.push(callback) });
  const received: Report[] = [];
  client.subscribe((report) => received.push(report));
  const paint = () => paints.splice(0).forEach((callback) => callback());
  return { ...fake, client, received, paint };
}

const frame = (seq: number) =>
  ({ type: 'sim.frame', seq, timeMs: seq, metrics: {}, snapshot: {} }) as unknown as Extract<Report, { type: 'sim.frame' }>;

describe('createSimClient', () => {
  it('sends commands to the worker and hands reports to listeners', () => {
    const { client, sent, deliver, received } = setup();
    client.send({ type: 'page.play', speed: 2 });
    deliver({ type: 'sim.status', status: 'playing' });
    expect(sent).toEqual([{ type: 'page.play', speed: 2 }]);
    expect(received).toEqual([{ type: 'sim.status', status: 'playing' }]);
  });

  it('acknowledges a frame only after the page has painted it', () => {
    const { sent, deliver, paint, received } = setup();
    deliver(frame(7));
    expect(received).toHaveLength(1);
    expect(sent).toEqual([]);
    paint();
    expect(sent).toEqual([{ type: 'page.ack', seq: 7 }]);
  });

  it('still acknowledges when a listener throws, so the worker is never stuck', () => {
    const { client, sent, deliver, paint } = setup();
    const originalError = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args[0]);
    try {
      client.subscribe(() => {
        throw new Error('view broke');
      });
      deliver(frame(1));
      paint();
    } finally {
      console.error = originalError;
    }
    expect(sent).toEqual([{ type: 'page.ack', seq: 1 }]);
    expect(logged).toEqual(['A simulation report listener failed']);
  });

  it('turns a worker crash into a sim.error report', () => {
    const { worker, received } = setup();
    let prevented = false;
    worker.onerror?.({ message: 'boom', preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    worker.onerror?.({ preventDefault: () => undefined } as unknown as ErrorEvent);
    expect(prevented).toBe(true);
    expect(received).toEqual([
      { type: 'sim.error', message: 'The simulator crashed: boom', fatal: true },
      { type: 'sim.error', message: 'The simulator could not start.', fatal: true },
    ]);
  });

  it('restart replaces the worker: the old one is terminated and its late reports and acks are dropped', () => {
    const first = fakeWorker();
    const second = fakeWorker();
    const workers = [first, second];
    const paints: (() => void)[] = [];
    const client = createSimClient({ createWorker: () => workers.shift()!.worker, afterPaint: (callback) => paints.push(callback) });
    const received: Report[] = [];
    client.subscribe((report) => received.push(report));
    first.deliver(frame(1));
    first.worker.onerror?.({ message: 'boom', preventDefault: () => undefined } as unknown as ErrorEvent);
    client.restart();
    paints.splice(0).forEach((callback) => callback()); // the ack of the dead worker's frame goes nowhere
    first.deliver(frame(2));
    client.send({ type: 'page.pause' });
    second.deliver(frame(1));
    expect(first.isTerminated()).toBe(true);
    expect(first.sent).toEqual([]);
    expect(second.sent).toEqual([{ type: 'page.pause' }]);
    expect(received.map((r) => r.type)).toEqual(['sim.frame', 'sim.error', 'sim.frame']);
  });

  it('after dispose, terminates the worker and stays silent', () => {
    const { client, sent, deliver, paint, received, isTerminated } = setup();
    deliver(frame(1));
    client.dispose();
    paint();
    deliver(frame(2));
    client.send({ type: 'page.pause' });
    expect(isTerminated()).toBe(true);
    expect(sent).toEqual([]);
    expect(received.map((r) => r.type)).toEqual(['sim.frame']);
  });

  it('stops delivering to a listener once it unsubscribes', () => {
    const { client, deliver } = setup();
    const seen: string[] = [];
    const unsubscribe = client.subscribe((report) => seen.push(report.type));
    deliver({ type: 'sim.status', status: 'paused' });
    unsubscribe();
    deliver({ type: 'sim.status', status: 'playing' });
    expect(seen).toEqual(['sim.status']);
  });
});
