// The web app's page script: links a Hindi sentence with its translation and makes the
// source chips of the merged summary jump to their sentence.  Event delegation on the
// document, so it works for fragments rendered after page load.  Hovering or focusing a
// sentence highlights it and its pair (data-pair); clicking selects the pair; a source chip
// scrolls to its sentence, selects it and flashes it.
(function () {
  if (window.__smInit) { return; }
  window.__smInit = true;
  function pairs(key) {
    if (!key) { return []; }
    return document.querySelectorAll('[data-pair="' + CSS.escape(key) + '"]');
  }
  function mark(key, cls, on) {
    pairs(key).forEach(function (el) { el.classList.toggle(cls, on); });
  }
  function select(key) {
    document.querySelectorAll('.sm-sel').forEach(function (el) { el.classList.remove('sm-sel'); });
    mark(key, 'sm-sel', true);
  }
  function sentOf(e) { return e.target && e.target.closest ? e.target.closest('.sm-sent') : null; }
  document.addEventListener('mouseover', function (e) { var s = sentOf(e); if (s) { mark(s.dataset.pair, 'sm-hl', true); } });
  document.addEventListener('mouseout', function (e) { var s = sentOf(e); if (s) { mark(s.dataset.pair, 'sm-hl', false); } });
  document.addEventListener('focusin', function (e) { var s = sentOf(e); if (s) { select(s.dataset.pair); } });
  document.addEventListener('click', function (e) {
    var chip = e.target && e.target.closest ? e.target.closest('a.sm-chip[data-target]') : null;
    if (chip) {
      e.preventDefault();
      var el = document.getElementById(chip.dataset.target);
      if (!el) { return; }
      var box = el.closest('details');
      while (box) { box.open = true; box = box.parentElement ? box.parentElement.closest('details') : null; }
      el.scrollIntoView({behavior: 'smooth', block: 'center'});
      if (el.dataset.pair) { select(el.dataset.pair); }
      el.classList.remove('sm-flash'); void el.offsetWidth; el.classList.add('sm-flash');
      return;
    }
    var s = sentOf(e);
    if (s) { select(s.dataset.pair); }
  });
})();
