// The portal's one script, loaded by every page (src/layouts/Portal.astro) from the site's root:
// one file the browser caches instead of 4 KB repeated in each of thousands of pages. A classic
// script, not a module, so it also runs when the portal is opened from disk (file://), where
// browsers refuse module scripts.
'use strict';

// Light/dark switch: remembered in localStorage; the button only appears when this runs.
(() => {
  const button = document.getElementById('theme-toggle');
  if (!button) return;
  const root = document.documentElement;
  const dark = () => (root.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) === 'dark';
  const label = () => { button.textContent = dark() ? 'Light theme' : 'Dark theme'; button.setAttribute('aria-pressed', String(dark())); };
  button.hidden = false;
  label();
  button.addEventListener('click', () => {
    root.dataset.theme = dark() ? 'light' : 'dark';
    try { localStorage.setItem('proofbook-theme', root.dataset.theme); } catch {}
    label();
  });
})();

// Search in the header (press "/" to focus) over this audience's own pagefind index, or on the
// search page in its own list (src/components/SiteSearch.astro has the markup).
(() => {
  const form = document.getElementById('site-search');
  if (!form) return;
  const input = document.getElementById('site-search-q');
  const panel = document.getElementById('site-search-panel');
  const root = new URL('.', new URL(form.getAttribute('data-href'), location.href));
  const fromDisk = location.protocol === 'file:';
  // The search page shows results in its own list; elsewhere they open below the field.
  const page = document.getElementById('search-results');
  const out = page ? { list: page, status: document.getElementById('search-status') } : { list: document.getElementById('site-search-results'), status: document.getElementById('site-search-status') };
  let pagefind;
  let latest = 0;
  const link = (url) => {
    const u = new URL(url.replace(/^\//, ''), root);
    if (fromDisk && u.pathname.endsWith('/')) u.pathname += 'index.html';
    return u.href;
  };
  async function run(query) {
    const id = ++latest;
    out.list.replaceChildren();
    if (!page) panel.hidden = !query.trim();
    if (!query.trim()) return void (out.status.textContent = '');
    out.status.textContent = 'Searching…';
    try {
      pagefind ??= await import(new URL('pagefind/pagefind.js', root).href);
      const search = await pagefind.search(query);
      const results = await Promise.all(search.results.map((r) => r.data()));
      if (id !== latest) return;
      for (const r of results) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = link(r.url);
        a.textContent = r.meta.title || r.url;
        const p = document.createElement('p');
        p.innerHTML = r.excerpt; // pagefind escapes the text and only adds <mark>
        li.append(a, p);
        out.list.append(li);
      }
      out.status.textContent = results.length ? `${results.length} result${results.length === 1 ? '' : 's'} for “${query}”.` : `No results for “${query}”.`;
    } catch {
      out.status.textContent = fromDisk ? 'Search needs the site to be served (it cannot run from a file on disk). Every page is reachable from the menu.' : 'Search is not available on this copy of the site.';
    }
  }
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value), 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(input.value);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      panel.hidden = true;
      input.blur();
    }
  });
  document.addEventListener('keydown', (event) => {
    const t = event.target;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    event.preventDefault();
    input.focus();
  });
  const initial = page ? new URLSearchParams(location.search).get('q') ?? '' : '';
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
