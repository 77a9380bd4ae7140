// Progressive enhancement only: every page works without this file.
// - ← / j go to the previous article, → / k to the next (the page's <link rel=prev/next>).
// - Following a summary sentence highlights every piece of its source sentence, not only the anchor.
// - Choosing a summary length in one summary box chooses it in the other as well.

function typingInto(target) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || typingInto(event.target)) return;
  const rel = { ArrowLeft: 'prev', j: 'prev', ArrowRight: 'next', k: 'next' }[event.key];
  const link = rel && document.querySelector(`link[rel="${rel}"]`);
  if (!link) return;
  event.preventDefault();
  window.location.href = link.href;
});

function highlightSource() {
  for (const piece of document.querySelectorAll('.src.is-source')) piece.classList.remove('is-source');
  const match = /^#s-(\d+)$/.exec(window.location.hash);
  if (!match) return;
  for (const piece of document.querySelectorAll(`.src[data-s="${match[1]}"]`)) piece.classList.add('is-source');
}
window.addEventListener('hashchange', highlightSource);
highlightSource();

document.addEventListener('change', (event) => {
  const choice = event.target;
  if (!(choice instanceof HTMLInputElement) || !choice.classList.contains('length-choice')) return;
  for (const other of document.querySelectorAll(`.length-choice[value="${choice.value}"]`)) other.checked = true;
});
