// The preview page's one script (allowed by its nonce). It talks to the extension through
// `acquireVsCodeApi().postMessage`; the messages are typed in `client/src/preview/messages.ts`.
// - scroll sync: `scrollToLine` from the editor; `didScroll` when the user scrolls the preview
// - double-click on a block: `revealLine`; a problem badge: `revealProblem`
// - every link click becomes `openLink` (the extension opens http, https and mailto only); `#`
//   links scroll within the page
// - `update` patches the new content in (only the blocks that changed are replaced, so images
//   and formulas elsewhere stay as they are) and keeps the line at the top of the view
// - the Post / Quarter Summary switch (or `showView`), remembered in the webview state
// - `identity`: the post and lock, remembered in the webview state so the panel comes back after a reload
// - `rendered` after the first content, each update and each switch: what the page now shows
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const content = document.getElementById('sp-content');
  /** Where the webview serves local files from: this script's origin. */
  const resourceOrigin = new URL(document.currentScript.src).origin;
  /** Where the script last scrolled the page to: a scroll event that finds the page there is not echoed. */
  let ownScrollY = -1;
  let scrollFrame = 0;

  function post(message) {
    vscode.postMessage(message);
  }

  function setView(view) {
    document.body.dataset.view = view;
    for (const button of document.querySelectorAll('[data-view-button]')) {
      button.setAttribute('aria-pressed', String(button.dataset.viewButton === view));
    }
    vscode.setState(Object.assign({}, vscode.getState(), { view: view }));
  }

  function shownVersion() {
    const version = content.dataset.version;
    return version ? Number(version) : undefined;
  }

  /**
   * Resolves when the fonts the page uses and its images served by the webview (the extension's
   * and the workspace's files) have loaded or failed, or after a few seconds. Closing a webview
   * while it still loads such a file keeps code-server's webview service worker busy for half a
   * minute, and the next webview waits for it: so "rendered" means done. Images from the web are
   * the browser's own business and are not waited for.
   */
  function settled() {
    void content.offsetHeight; // lays the page out, which starts loading the fonts it needs
    const pending = [document.fonts.ready];
    for (const image of content.querySelectorAll('img')) {
      if (image.complete || !image.src.startsWith(resourceOrigin + '/')) continue;
      pending.push(new Promise(function (resolve) {
        image.addEventListener('load', resolve, { once: true });
        image.addEventListener('error', resolve, { once: true });
      }));
    }
    return Promise.race([Promise.all(pending), new Promise(function (resolve) { setTimeout(resolve, 3000); })]);
  }

  let reportToken = 0;

  // Updates as a patch. A keystroke changes one block of the post; replacing the whole content
  // made the browser build, lay out and decode everything again (every image a new element that
  // loads anew, every formula's spans). The page's blocks are keyed by their markup without
  // their source lines (`data-line`, which an edit above them shifts): a block whose markup is
  // unchanged stays the same element, its lines updated; containers (the article, the post's
  // content) are patched child by child; anything else comes from the new content.

  /** The markup of a block that no longer is new content, by element: computed once per block. */
  const signatures = new WeakMap();
  const LINE_ATTRIBUTE = / data-line="[^"]*"/g;

  function signatureOf(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return node.nodeType + ':' + node.nodeValue;
    let signature = signatures.get(node);
    if (signature === undefined) {
      signature = node.outerHTML.replace(LINE_ATTRIBUTE, '');
      signatures.set(node, signature);
    }
    return signature;
  }

  /** An element patched child by child rather than kept or replaced whole: one that holds blocks. */
  function isContainer(node) {
    return node.nodeType === Node.ELEMENT_NODE && !node.hasAttribute('data-line') && node.querySelector('[data-line]') !== null;
  }

  function sameShell(a, b) {
    if (a.tagName !== b.tagName || a.attributes.length !== b.attributes.length) return false;
    for (const attribute of a.attributes) {
      if (b.getAttribute(attribute.name) !== attribute.value) return false;
    }
    return true;
  }

  function lineElements(element) {
    const found = Array.from(element.querySelectorAll('[data-line]'));
    if (element.hasAttribute('data-line')) found.unshift(element);
    return found;
  }

  /** Gives `kept` the source lines of `fresh` (the same markup otherwise); false when they do not pair up. */
  function takeLines(kept, fresh) {
    if (kept.nodeType !== Node.ELEMENT_NODE) return true;
    const from = lineElements(fresh);
    const to = lineElements(kept);
    if (from.length !== to.length || from.some(function (e, i) { return e.tagName !== to[i].tagName; })) return false;
    to.forEach(function (element, i) {
      const line = from[i].getAttribute('data-line');
      if (element.getAttribute('data-line') !== line) element.setAttribute('data-line', line);
    });
    return true;
  }

  /** Makes `parent`'s children those of `fresh`, keeping every block whose markup is unchanged. */
  function patchChildren(parent, fresh) {
    const pool = new Map();
    const oldContainers = [];
    for (const node of Array.from(parent.childNodes)) {
      if (isContainer(node)) {
        oldContainers.push(node);
        continue;
      }
      const signature = signatureOf(node);
      const same = pool.get(signature);
      if (same) same.push(node);
      else pool.set(signature, [node]);
    }
    const wanted = [];
    let nextContainer = 0;
    for (const node of Array.from(fresh.childNodes)) {
      if (isContainer(node)) {
        const old = oldContainers[nextContainer];
        if (old && sameShell(old, node)) {
          nextContainer++;
          patchChildren(old, node);
          wanted.push(old);
        } else {
          wanted.push(node);
        }
        continue;
      }
      const same = pool.get(signatureOf(node));
      const old = same && same.shift();
      wanted.push(old && takeLines(old, node) ? old : node);
    }
    wanted.forEach(function (node, i) {
      const at = parent.childNodes[i];
      if (at !== node) parent.insertBefore(node, at || null);
    });
    while (parent.childNodes.length > wanted.length) parent.removeChild(parent.lastChild);
  }

  function patchContent(html) {
    const fresh = document.createElement('template');
    fresh.innerHTML = html;
    patchChildren(content, fresh.content);
  }

  /** Tells the extension what the page shows once it is painted, as read from the page itself. */
  function reportRendered() {
    const token = ++reportToken;
    settled().then(function () {
      if (token !== reportToken) return; // something newer is on its way to being shown
      const title = content.querySelector('.post-title');
      const images = Array.from(content.querySelectorAll('.post img'));
      post({
        type: 'rendered',
        version: shownVersion(),
        view: document.body.dataset.view === 'summary' ? 'summary' : 'post',
        title: title ? title.textContent : '',
        sections: content.querySelectorAll('.sp-summary-table tbody tr').length,
        images: images.length,
        imagesLoaded: images.filter(function (image) { return image.complete && image.naturalWidth > 0; }).length,
      });
    });
  }

  /** The blocks of the post that carry a source line, in document order. */
  function blocks() {
    const found = [];
    for (const element of content.querySelectorAll('.post-content [data-line]')) {
      const line = Number(element.getAttribute('data-line'));
      if (Number.isFinite(line)) found.push({ element: element, line: line });
    }
    return found;
  }

  function topOf(element) {
    return element.getBoundingClientRect().top + window.scrollY;
  }

  function stickyHeight() {
    const bar = document.querySelector('.sp-views');
    return bar ? bar.getBoundingClientRect().height : 0;
  }

  /** Scrolls so that `line` (maybe fractional) is at the top of the view. */
  function scrollToLine(line) {
    const all = blocks();
    let previous;
    let next;
    for (const block of all) {
      if (block.line <= line) previous = block;
      else {
        next = block;
        break;
      }
    }
    let y = 0;
    if (previous) {
      y = topOf(previous.element);
      const end = next && next.line > previous.line ? topOf(next.element) : y + previous.element.getBoundingClientRect().height;
      const span = next && next.line > previous.line ? next.line - previous.line : 1;
      y += Math.min(1, Math.max(0, (line - previous.line) / span)) * (end - y);
    }
    const target = Math.max(0, Math.round(y - stickyHeight()));
    if (Math.abs(window.scrollY - target) < 1) return;
    window.scrollTo(0, target);
    ownScrollY = window.scrollY;
  }

  /** The (fractional) source line at the top of the view. */
  function lineAtTop() {
    const y = window.scrollY + stickyHeight();
    const all = blocks();
    let previous;
    let next;
    for (const block of all) {
      if (topOf(block.element) <= y) previous = block;
      else {
        next = block;
        break;
      }
    }
    if (!previous) return next ? next.line : 0;
    const top = topOf(previous.element);
    const bottom = next ? topOf(next.element) : top + previous.element.getBoundingClientRect().height;
    const span = next ? Math.max(0, next.line - previous.line) : 1;
    return previous.line + (bottom > top ? Math.min(1, (y - top) / (bottom - top)) * span : 0);
  }

  window.addEventListener('scroll', function () {
    if (Math.abs(window.scrollY - ownScrollY) < 1) return;
    ownScrollY = -1;
    if (document.body.dataset.view !== 'post' || scrollFrame) return;
    scrollFrame = requestAnimationFrame(function () {
      scrollFrame = 0;
      post({ type: 'didScroll', line: lineAtTop() });
    });
  }, { passive: true });

  document.addEventListener('dblclick', function (event) {
    const block = event.target instanceof Element ? event.target.closest('.post-content [data-line]') : null;
    if (block) post({ type: 'revealLine', line: Number(block.getAttribute('data-line')) });
  });

  function onActivate(event) {
    if (!(event.target instanceof Element)) return;
    const badge = event.target.closest('.sp-badge');
    if (badge) {
      event.preventDefault();
      post({ type: 'revealProblem', line: Number(badge.dataset.problemLine), character: Number(badge.dataset.problemCharacter) });
      return;
    }
    const viewButton = event.target.closest('[data-view-button]');
    if (viewButton) {
      setView(viewButton.dataset.viewButton);
      reportRendered();
      return;
    }
    const sectionLink = event.target.closest('[data-reveal-line]');
    if (sectionLink) {
      event.preventDefault();
      setView('post');
      reportRendered();
      scrollToLine(Number(sectionLink.dataset.revealLine));
      return;
    }
    const link = event.target.closest('a[href]');
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href') || '';
    if (href.startsWith('#')) {
      const id = decodeURIComponent(href.slice(1));
      // The sanitizer prefixes the post's ids (footnotes) with `user-content-`.
      const target = document.getElementById(id) || document.getElementById('user-content-' + id);
      if (target) target.scrollIntoView();
      return;
    }
    post({ type: 'openLink', href: href });
  }
  document.addEventListener('click', onActivate, true);
  document.addEventListener('auxclick', function (event) {
    if (event.target instanceof Element && event.target.closest('a[href]')) event.preventDefault();
  }, true);

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'scrollToLine' && typeof message.line === 'number') {
      if (document.body.dataset.view === 'post') scrollToLine(message.line);
    } else if (message.type === 'update' && typeof message.html === 'string') {
      // The post view keeps the line at the top; the Quarter Summary (whose post blocks are
      // hidden, so have no position) keeps its scroll offset.
      const inPost = document.body.dataset.view === 'post';
      const line = inPost ? lineAtTop() : 0;
      const scrolled = window.scrollY;
      patchContent(message.html);
      content.dataset.version = message.version === undefined ? '' : String(message.version);
      if (!inPost) window.scrollTo(0, scrolled);
      else if (scrolled !== 0) scrollToLine(line);
      reportRendered();
    } else if (message.type === 'showView' && (message.view === 'post' || message.view === 'summary')) {
      setView(message.view);
      reportRendered();
    } else if (message.type === 'identity' && typeof message.uri === 'string' && typeof message.locked === 'boolean') {
      // Kept for VS Code to hand back when it restores the panel after a reload.
      vscode.setState(Object.assign({}, vscode.getState(), { uri: message.uri, locked: message.locked }));
    }
  });

  const state = vscode.getState();
  setView(state && state.view === 'summary' ? 'summary' : 'post');
  post({ type: 'ready', version: shownVersion() });
  reportRendered();
})();
