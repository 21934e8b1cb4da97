/**
 * The preview's pure logic: when renders are asked for while typing, which page messages are
 * taken, and where site images resolve. The panel itself runs in the integration suite.
 */
import * as assert from 'node:assert/strict';
import { parsePreviewMessage, parseSavedState } from '../../../client/src/preview/messages';
import { RenderScheduler, type SchedulerTimers } from '../../../client/src/preview/renderScheduler';
import { siteImageBase } from '../../../server/src/lsp/render';

/** A clock the test moves by hand. */
class FakeClock implements SchedulerTimers {
  now = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 0;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.now + ms, callback, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Moves the clock, firing the timers due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.now = due.at;
      due.callback();
      await flush();
    }
    this.now = end;
  }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A render the test finishes by hand, recording when each one started. */
function renders(clock: FakeClock) {
  const started: number[] = [];
  const finishers: (() => void)[] = [];
  const render = () => {
    started.push(clock.now);
    return new Promise<void>((resolve) => finishers.push(resolve));
  };
  const finish = async () => {
    finishers.shift()!();
    await flush();
  };
  return { started, render, finish };
}

describe('RenderScheduler', () => {
  it('renders once for a burst of changes, the delay after the first one', async () => {
    const clock = new FakeClock();
    const { started, render, finish } = renders(clock);
    const scheduler = new RenderScheduler(render, clock, 25);
    scheduler.request();
    await clock.advance(10);
    scheduler.request();
    await clock.advance(10);
    scheduler.request();
    await clock.advance(100);
    assert.deepEqual(started, [25], 'a throttle: later changes do not push the render back');
    await finish();
    assert.equal(scheduler.pending, false);
  });

  it('keeps rendering while the user types, never two renders at once, and once more for what came meanwhile', async () => {
    const clock = new FakeClock();
    const { started, render, finish } = renders(clock);
    const scheduler = new RenderScheduler(render, clock, 25);
    scheduler.request();
    await clock.advance(25);
    for (let i = 0; i < 5; i++) {
      scheduler.request();
      await clock.advance(10);
    }
    assert.deepEqual(started, [25], 'the render in flight is not joined by a second');
    await finish();
    await clock.advance(25);
    assert.deepEqual(
      started,
      [25, 100],
      'the changes typed meanwhile are rendered, one wait after the first render ends',
    );
    await finish();
    await clock.advance(1000);
    assert.deepEqual(started, [25, 100]);
  });

  it('renders at once when asked to, and nothing after disposal', async () => {
    const clock = new FakeClock();
    const { started, render, finish } = renders(clock);
    const scheduler = new RenderScheduler(render, clock, 25);
    scheduler.request();
    scheduler.request(true);
    assert.deepEqual(started, [0]);
    await finish();
    await clock.advance(100);
    assert.deepEqual(started, [0], 'the waiting render was replaced, not added');
    scheduler.dispose();
    scheduler.request(true);
    scheduler.request();
    await clock.advance(100);
    assert.deepEqual(started, [0]);
  });

  it('goes on after a render that fails', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const scheduler = new RenderScheduler(
      () => {
        calls++;
        return Promise.reject(new Error('no server'));
      },
      clock,
      25,
    );
    scheduler.request(true);
    await flush();
    scheduler.request(true);
    await flush();
    assert.equal(calls, 2);
  });
});

describe('parsePreviewMessage', () => {
  it("takes the page's messages as the page sends them", () => {
    const messages = [
      { type: 'ready', version: 3 },
      { type: 'ready', version: undefined },
      {
        type: 'rendered',
        version: 3,
        view: 'summary',
        title: '2020_3rd_quarter',
        sections: 9,
        images: 15,
        imagesLoaded: 0,
      },
      { type: 'revealLine', line: 12 },
      { type: 'revealProblem', line: 12, character: 4 },
      { type: 'didScroll', line: 12.5 },
      { type: 'openLink', href: 'https://arxiv.org/abs/1512.03385' },
    ];
    for (const message of messages) assert.deepEqual(parsePreviewMessage(message), message);
  });

  it('drops anything else: unknown types, wrong or missing fields, non-objects', () => {
    const bad: unknown[] = [
      null,
      'ready',
      42,
      [],
      {},
      { type: 'eval', code: 'alert(1)' },
      { type: 'ready', version: '3' },
      { type: 'ready', version: -1 },
      { type: 'ready', version: 1.5 },
      { type: 'rendered', version: 1, view: 'raw', title: '', sections: 0, images: 0, imagesLoaded: 0 },
      { type: 'rendered', version: 1, view: 'post', title: 7, sections: 0, images: 0, imagesLoaded: 0 },
      { type: 'rendered', version: 1, view: 'post', title: '', sections: -1, images: 0, imagesLoaded: 0 },
      { type: 'rendered', version: 1, view: 'post', title: '', sections: 0 },
      { type: 'revealLine', line: -1 },
      { type: 'revealLine', line: Number.NaN },
      { type: 'revealLine', line: '3' },
      { type: 'revealProblem', line: 3 },
      { type: 'didScroll', line: Infinity },
      { type: 'openLink', href: { toString: () => 'x' } },
    ];
    for (const message of bad) assert.equal(parsePreviewMessage(message), undefined, JSON.stringify(message));
  });

  it('reveals whole lines', () => {
    assert.deepEqual(parsePreviewMessage({ type: 'revealLine', line: 7.8 }), { type: 'revealLine', line: 7 });
  });
});

describe('parseSavedState', () => {
  it('takes the post, the lock and the view a page kept', () => {
    assert.deepEqual(parseSavedState({ uri: 'file:///site/_posts/a.md', locked: true, view: 'summary' }), {
      uri: 'file:///site/_posts/a.md',
      locked: true,
      view: 'summary',
    });
    assert.deepEqual(parseSavedState({ uri: 'vscode-remote://host/site/a.md', view: 'post' }), {
      uri: 'vscode-remote://host/site/a.md',
      locked: false,
      view: 'post',
    });
    assert.deepEqual(parseSavedState({ uri: 'file:///a.md', locked: 'yes', view: 'other' }), {
      uri: 'file:///a.md',
      locked: false,
      view: 'post',
    });
  });

  it("gives nothing for a state that names no post: an older page's, or not ours", () => {
    for (const state of [
      undefined,
      null,
      'file:///a.md',
      { view: 'summary' },
      { uri: 42 },
      { uri: '' },
      { uri: '/site/a.md' },
      { uri: '../a.md' },
    ]) {
      assert.equal(parseSavedState(state), undefined, JSON.stringify(state));
    }
  });
});

describe('siteImageBase', () => {
  const BASE = 'https://file+.vscode-resource.vscode-cdn.net/';

  it("puts the site folder's path, encoded as a URI path, after the webview resource base", () => {
    assert.equal(siteImageBase(BASE, '/home/me/blog'), 'https://file+.vscode-resource.vscode-cdn.net/home/me/blog/');
    assert.equal(
      siteImageBase(BASE, '/home/me/my blog#1'),
      'https://file+.vscode-resource.vscode-cdn.net/home/me/my%20blog%231/',
    );
    assert.equal(
      siteImageBase('https://vscode-remote+localhost-3a8080.vscode-resource.vscode-cdn.net', '/srv/blog'),
      'https://vscode-remote+localhost-3a8080.vscode-resource.vscode-cdn.net/srv/blog/',
    );
  });

  it('takes an https base only, without query or fragment', () => {
    for (const base of [
      'http://example.org/',
      'javascript:alert(1)//',
      'file:///',
      'not a url',
      `${BASE}?x=1`,
      `${BASE}#top`,
    ]) {
      assert.equal(siteImageBase(base, '/home/me/blog'), undefined, base);
    }
  });
});
