// Applies the saved colour theme before the page paints (a classic script so it blocks first paint briefly).
try {
  const saved = localStorage.getItem('articlescope-theme');
  if (saved === 'light' || saved === 'dark') document.documentElement.dataset.theme = saved;
} catch {
  // Storage can be unavailable (privacy mode, file URLs): the system theme applies.
}
