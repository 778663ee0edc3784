// What the page does before it paints, in a classic script in <head> (it blocks the parser briefly):
// - applies the saved colour theme, so that the page never flashes the other one;
// - starts the analyser's worker, which boot.js takes (getAnalyzer()). The browser starts a worker's thread only
//   when the page's main thread is free: started from boot.js, the worker waited behind the page's first layout,
//   the module's compilation and DOMContentLoaded. The worker only answers messages: nothing it says is lost
//   before boot.js listens. boot.js, an async module, may also run first: it then starts its own worker and
//   leaves window.articlescopeWorker null, and none is started here. One that fails before boot.js takes it is
//   dropped, and boot.js starts its own (and reports why, if that one fails too).
try {
  const saved = localStorage.getItem('articlescope-theme');
  if (saved === 'light' || saved === 'dark') document.documentElement.dataset.theme = saved;
} catch {
  // Storage can be unavailable (privacy mode, file URLs): the system theme applies.
}
try {
  if (!('articlescopeWorker' in window)) {
    const worker = new Worker('dist/analyser-worker.js', { type: 'module' });
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (window.articlescopeWorker === worker) delete window.articlescopeWorker;
    };
    window.articlescopeWorker = worker;
  }
} catch {
  // No module workers here: boot.js starts the worker itself.
}
