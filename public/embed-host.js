// An example host page for the Queuelab embed's postMessage API, version 1. Plain JavaScript,
// no build step, no inline script: copy it into a lecture page or an LMS.

const frame = document.getElementById('queuelab');
const params = new URLSearchParams(window.location.search);
frame.src = params.get('embed') || '/embed/?scenario=balanced&tick=1000';

// Commands go to the embed's origin only, and events are taken from the frame only.
const embedOrigin = new URL(frame.src, window.location.href).origin;

/** Every event received, oldest first: what the page below lists (and what tests read). */
window.queuelabEvents = [];

function send(command) {
  frame.contentWindow.postMessage({ queuelab: 1, ...command }, embedOrigin);
}

function describe(event) {
  switch (event.type) {
    case 'ready':
      return `ready: "${event.title}", ${event.durationMs / 1000} s, seed ${event.seed}, engine ${event.engineVersion}`;
    case 'tick':
      return `tick at ${event.timeMs} ms (${event.status}): produced ${event.metrics.produced}, lag.max ${event.metrics['lag.max']}`;
    case 'finished':
      return `finished at ${event.timeMs} ms, trace hash ${event.traceHash}`;
    case 'threshold':
      return `threshold ${event.id}: ${event.metric} = ${event.value} at ${event.timeMs} ms`;
    case 'applied':
      return `applied #${event.requestId}: ${event.ok ? 'ok' : `refused: ${event.error}`}`;
    case 'challenge-graded': {
      const goals = event.goals.map((goal) => `${goal.ok ? '✓' : '✗'} ${goal.label} (measured ${goal.value ?? 'nothing'})`);
      const verdict = event.passed ? 'passed' : 'not passed';
      return `challenge ${verdict} at ${event.timeMs} ms with ${JSON.stringify(event.settings)}: ${goals.join('; ')}`;
    }
    case 'error':
      return `error: ${event.message}`;
    default:
      return JSON.stringify(event);
  }
}

window.addEventListener('message', (message) => {
  if (message.source !== frame.contentWindow || message.origin !== embedOrigin) return;
  const event = message.data;
  if (typeof event !== 'object' || event === null || event.queuelab !== 1) return;
  window.queuelabEvents.push(event);
  if (event.type === 'challenge-graded') showVerdict(event);
  const item = document.createElement('li');
  // Event fields carry scenario text (a title): always text, never markup.
  item.textContent = describe(event);
  const list = document.getElementById('events');
  list.prepend(item);
  document.getElementById('event-count').textContent = `(${window.queuelabEvents.length})`;
});

/** The latest graded challenge, as a host page might record a learner's result. */
function showVerdict(event) {
  const verdict = document.getElementById('verdict');
  verdict.textContent = `${event.passed ? 'Passed' : 'Not passed'} (${event.goals.filter((goal) => goal.ok).length} of ${event.goals.length} goals). ${event.feedback}`;
  verdict.dataset.passed = String(event.passed);
}

for (const button of document.querySelectorAll('button[data-command]')) {
  button.addEventListener('click', () => send(JSON.parse(button.dataset.command)));
}

// For tests and consoles: drive the embed by hand.
window.queuelabSend = send;
