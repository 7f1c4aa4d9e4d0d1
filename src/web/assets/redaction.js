// Progressive enhancement of the marking view (issue 14): drag on a page image to draw an
// area; the area form is filled in (page and position in percent) and focused. Without this
// script the same form is filled in by hand.
(function () {
  const form = document.getElementById('redaction-area-form');
  if (!form) return;
  const set = (name, value) => {
    const input = form.elements.namedItem(name);
    if (input) input.value = String(value);
  };
  document.querySelectorAll('.redaction-page').forEach((figure) => {
    const canvas = figure.querySelector('.redaction-canvas');
    const img = canvas && canvas.querySelector('img');
    if (!img) return;
    let start = null;
    let box = null;
    const pos = (e) => {
      const r = img.getBoundingClientRect();
      return {
        x: Math.min(100, Math.max(0, ((e.clientX - r.left) / r.width) * 100)),
        y: Math.min(100, Math.max(0, ((e.clientY - r.top) / r.height) * 100)),
      };
    };
    const draw = (a, b) => {
      box.style.left = Math.min(a.x, b.x) + '%';
      box.style.top = Math.min(a.y, b.y) + '%';
      box.style.width = Math.abs(a.x - b.x) + '%';
      box.style.height = Math.abs(a.y - b.y) + '%';
    };
    canvas.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      start = pos(e);
      box = document.createElement('span');
      box.className = 'redaction-box redaction-drawing';
      canvas.appendChild(box);
      draw(start, start);
      canvas.setPointerCapture(e.pointerId);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (start) draw(start, pos(e));
    });
    canvas.addEventListener('pointerup', (e) => {
      if (!start) return;
      const end = pos(e);
      const round = (v) => Math.round(v * 10) / 10;
      set('page', figure.dataset.page);
      set('left', round(Math.min(start.x, end.x)));
      set('top', round(Math.min(start.y, end.y)));
      set('right', round(Math.max(start.x, end.x)));
      set('bottom', round(Math.max(start.y, end.y)));
      start = null;
      const reason = form.elements.namedItem('reason');
      form.scrollIntoView({ behavior: 'smooth', block: 'center' });
      if (reason) reason.focus({ preventScroll: true });
    });
  });
})();
