import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_OPTIONS, embedQuery, readEmbedOptions } from './options';
import { embedUrl, iframeSnippet } from './snippet';

describe('embed options', () => {
  it('default to the whole lab, paused, in the system theme', () => {
    expect(readEmbedOptions('')).toEqual({ options: DEFAULT_EMBED_OPTIONS, warnings: [] });
  });

  it('read every option', () => {
    const { options, warnings } = readEmbedOptions('?scenario=hot-key&panels=metrics,topology&knobs=producers&autoplay=1&theme=dark&tick=250&speed=5&seed=9&origin=https://lms.example');
    expect(warnings).toEqual([]);
    expect(options).toEqual({
      scenarioId: 'hot-key',
      panels: ['metrics', 'topology'],
      knobs: ['producers'],
      autoplay: true,
      theme: 'dark',
      tickEveryMs: 250,
      speed: 5,
      seed: 9,
      hostOrigin: 'https://lms.example',
    });
    expect(readEmbedOptions('?panels=none&knobs=none').options).toMatchObject({ panels: [], knobs: [] });
  });

  it('name every value they do not understand, and use the default instead', () => {
    const { options, warnings } = readEmbedOptions('?panels=topology,charts&autoplay=maybe&theme=blue&tick=-5&speed=0&seed=x&origin=javascript:alert(1)');
    expect(options).toEqual({ ...DEFAULT_EMBED_OPTIONS, panels: ['topology'] });
    expect(warnings).toEqual([
      'panels=topology,charts: "charts" is not one of topology, knobs, metrics, log, or none.',
      'autoplay=maybe is not 1 or 0; not playing until asked.',
      'theme=blue is not one of auto, light, dark; using auto.',
      'tick=-5 is not a whole number of ms from 0 to 3600000; ticking every 1000 ms.',
      'speed=0 is not between 0.1 and 1000; playing at 1×.',
      "seed=x is not a whole number from 0 to 4294967295; using the scenario's seed.",
      'origin=javascript:alert(1) is not an origin like https://lms.example; talking to any parent page.',
    ]);
  });

  it('write a query that reads back to the same options, defaults left out', () => {
    expect(embedQuery(DEFAULT_EMBED_OPTIONS)).toBe('?scenario=balanced');
    const options = { ...DEFAULT_EMBED_OPTIONS, scenarioId: 'slow-consumer', panels: ['topology' as const, 'log' as const], knobs: [], autoplay: true, theme: 'light' as const, tickEveryMs: 0, speed: 2 };
    const query = embedQuery(options);
    expect(query).toBe('?scenario=slow-consumer&panels=topology,log&knobs=none&autoplay=1&theme=light&tick=0&speed=2');
    expect(readEmbedOptions(query)).toEqual({ options, warnings: [] });
  });
});

describe('iframe snippets', () => {
  it('point at /embed/ with the options and any shared run', () => {
    expect(embedUrl({ baseUrl: 'https://q.example/', options: DEFAULT_EMBED_OPTIONS, fragment: '#run=abc' })).toBe('https://q.example/embed/?scenario=balanced#run=abc');
  });

  it('keep a hostile title as text inside the attribute', () => {
    const snippet = iframeSnippet({ baseUrl: 'https://q.example', options: DEFAULT_EMBED_OPTIONS, fragment: '', title: '"><script>alert(1)</script>', heightPx: 640 });
    expect(snippet).toBe(
      '<iframe src="https://q.example/embed/?scenario=balanced" title="Queuelab: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" width="100%" height="640" style="border: 0; max-width: 100%" loading="lazy" sandbox="allow-scripts allow-same-origin"></iframe>',
    );
  });
});
