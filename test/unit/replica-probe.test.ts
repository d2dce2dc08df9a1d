/**
 * `ReadRouting.probe()` answers with state read after it was called, even while the timer's probe
 * is already running (CI once saw a lag read before `STOP SLAVE` because the second caller got
 * the first probe's stale answer).
 */
import type { DataSource } from 'typeorm';
import { ReadRouting, type ReplicaState } from '../../src/database/replicas';

function routingWithControlledProbe() {
  const fakeDs = (type: string) => ({ options: { type }, isInitialized: true }) as unknown as DataSource;
  const routing = new ReadRouting(fakeDs('better-sqlite3'), [fakeDs('better-sqlite3')]);
  const started: Array<() => void> = [];
  let replicationStopped = false;
  (routing as unknown as { probeOne(r: ReplicaState): Promise<void> }).probeOne = (r) => {
    const seen = replicationStopped; // what SHOW SLAVE STATUS reads when the probe starts
    return new Promise<void>((resolve) =>
      started.push(() => {
        r.up = true;
        r.lagSeconds = seen ? null : 0;
        resolve();
      }),
    );
  };
  return { routing, started, stopReplication: () => (replicationStopped = true) };
}

test('a probe asked for while one runs answers from a probe started after the ask', async () => {
  const { routing, started, stopReplication } = routingWithControlledProbe();
  const timers = routing.probe(); // the timer's probe: reads status before the stop
  stopReplication();
  let answered = false;
  const asked = routing.probe().then(() => (answered = true));
  const alsoAsked = routing.probe();
  expect(started).toHaveLength(1);
  started[0]();
  await timers;
  await new Promise((resolve) => setImmediate(resolve));
  expect(answered).toBe(false); // the stale probe's end does not answer the later ask
  expect(started).toHaveLength(2); // one follow-up probe, shared by both later callers
  started[1]();
  await Promise.all([asked, alsoAsked]);
  expect(routing.replicas[0].lagSeconds).toBeNull();
});

test('with no probe running, a probe starts at once and nothing is queued', async () => {
  const { routing, started } = routingWithControlledProbe();
  const p = routing.probe();
  expect(started).toHaveLength(1);
  started[0]();
  await p;
  expect(routing.replicas[0].lagSeconds).toBe(0);
  expect(started).toHaveLength(1);
});
