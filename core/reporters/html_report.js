// SPDX-License-Identifier: MIT
// The HTML report's only script, embedded inline and allowed by its hash. It never parses
// report text as HTML: it moves classes, clones the escaped detail nodes the page already holds,
// and writes tooltips with textContent. The index of findings is built on first use, so a long
// report opens as fast as the browser can lay out its text.
(function () {
  'use strict';
  var index = null;  // finding anchor -> {li, pieces, related}
  var selected = null;
  var detail = document.getElementById('detail');
  var tip = document.getElementById('tip');

  function buildIndex() {
    if (index) return index;
    index = new Map();
    var entries = document.querySelectorAll('li.fi');
    for (var i = 0; i < entries.length; i++) index.set(entries[i].dataset.f, {li: entries[i], pieces: [], related: []});
    var pieces = document.querySelectorAll('mark.f');
    for (var j = 0; j < pieces.length; j++) {
      var entry = index.get(pieces[j].dataset.f);
      if (entry) entry.pieces.push(pieces[j]);
    }
    var related = document.querySelectorAll('span.r');
    for (var k = 0; k < related.length; k++) {
      var owner = index.get(related[k].dataset.r);
      if (owner) owner.related.push(related[k]);
    }
    return index;
  }

  function sectionOf(element) { return element.closest('section.file'); }

  function showSection(section) {
    if (!section || !section.hidden) return;
    var sections = document.querySelectorAll('section.file');
    for (var i = 0; i < sections.length; i++) sections[i].hidden = sections[i] !== section;
    var switcher = document.getElementById('file-switch');
    if (switcher) switcher.value = section.dataset.file;
  }

  function flash(element) {
    element.classList.remove('flash');
    void element.offsetWidth;  // restarts the animation
    element.classList.add('flash');
  }

  function setClass(elements, name, on) {
    for (var i = 0; i < elements.length; i++) elements[i].classList.toggle(name, on);
  }

  function select(anchor, scroll) {
    var entry = buildIndex().get(anchor);
    if (!entry) return false;
    if (selected) {
      setClass(selected.pieces, 'sel', false);
      setClass(selected.related, 'rsel', false);
      selected.li.classList.remove('sel');
    }
    selected = entry;
    showSection(sectionOf(entry.li));
    setClass(entry.pieces, 'sel', true);
    setClass(entry.related, 'rsel', true);
    entry.li.classList.add('sel');
    var group = entry.li.closest('details');
    if (group) group.open = true;
    var target = entry.pieces[0] || document.getElementById(anchor);
    if (target && scroll) {
      target.scrollIntoView({block: 'center', inline: 'nearest'});
      flash(target);
    }
    entry.li.scrollIntoView({block: 'nearest'});
    var body = detail.querySelector('.body');
    var copy = entry.li.querySelector('.fd').cloneNode(true);
    copy.hidden = false;
    body.replaceChildren(copy);
    detail.className = entry.li.className.replace(/\b(fi|sel|off)\b/g, '').trim();
    detail.hidden = false;
    try { history.replaceState(null, '', '#' + anchor); } catch (ignored) { /* opaque origins refuse it */ }
    return true;
  }

  function scrollToElement(id) {
    var target = document.getElementById(id);
    if (!target) return;
    showSection(sectionOf(target));
    target.scrollIntoView({block: 'center', inline: 'nearest'});
    flash(target);
  }

  document.addEventListener('click', function (event) {
    var element = event.target;
    if (!(element instanceof Element)) return;
    if (element.closest('#detail .close')) { detail.hidden = true; return; }
    var link = element.closest('a');
    if (link && link.classList.contains('fl')) {
      event.preventDefault();
      select(link.closest('li.fi').dataset.f, true);
      return;
    }
    if (link && (link.classList.contains('rl') || link.classList.contains('nr'))) {
      event.preventDefault();
      scrollToElement(link.getAttribute('href').slice(1));
      return;
    }
    if (link) return;  // the report's own http(s) links open as usual
    var piece = element.closest('mark.f');
    if (piece && !piece.classList.contains('off')) select(piece.dataset.f, false);
  });

  // Filters: a finding is shown unless its severity or its plugin is unticked.
  function applyFilters() {
    var hiddenSeverities = new Set(), hiddenPlugins = new Set();
    var boxes = document.querySelectorAll('.filters input[type=checkbox]');
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].checked) continue;
      if (boxes[i].dataset.sev) hiddenSeverities.add(boxes[i].dataset.sev);
      if (boxes[i].dataset.pl) hiddenPlugins.add(boxes[i].dataset.pl);
    }
    buildIndex().forEach(function (entry) {
      var off = hiddenSeverities.has(entry.li.dataset.sev) || hiddenPlugins.has(entry.li.dataset.pl);
      entry.li.classList.toggle('off', off);
      setClass(entry.pieces, 'off', off);
    });
    var groups = document.querySelectorAll('.sg, .grp');
    for (var j = 0; j < groups.length; j++) groups[j].classList.toggle('off', !groups[j].querySelector('li.fi:not(.off)'));
  }
  document.addEventListener('change', function (event) {
    var element = event.target;
    if (element.id === 'file-switch') {
      showSection(document.querySelector('section.file[data-file="' + element.value + '"]'));
      return;
    }
    if (element.closest && element.closest('.filters')) applyFilters();
  });

  // Tooltips: every recognised item and finding under the pointer, outermost first.
  function describe(element) {
    var lines = [];
    for (var node = element; node && node instanceof Element && !node.classList.contains('doc'); node = node.parentElement) {
      if (node.dataset.tip) lines.unshift(node.dataset.tip);
      else if (node.matches('mark.f:not(.off)')) {
        var entry = buildIndex().get(node.dataset.f);
        if (entry) lines.unshift(entry.li.dataset.sev + ' ' + entry.li.querySelector('.code').textContent + ': ' +
                                 entry.li.querySelector('.msg').textContent);
      }
    }
    return lines;
  }
  document.addEventListener('mouseover', function (event) {
    var lines = event.target instanceof Element && event.target.closest('.doc') ? describe(event.target) : [];
    if (!lines.length) { tip.hidden = true; return; }
    var rows = lines.map(function (line) { var row = document.createElement('div'); row.textContent = line; return row; });
    tip.replaceChildren.apply(tip, rows);
    tip.hidden = false;
  });
  document.addEventListener('mousemove', function (event) {
    if (tip.hidden) return;
    var x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = event.clientY + 18;
    if (y + tip.offsetHeight > window.innerHeight - 8) y = event.clientY - tip.offsetHeight - 12;
    tip.style.left = Math.max(8, x) + 'px';
    tip.style.top = Math.max(8, y) + 'px';
  });
  document.addEventListener('mouseleave', function () { tip.hidden = true; });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { detail.hidden = true; tip.hidden = true; }
  });

  // Several files: one at a time, chosen with the switcher (without script, all are shown).
  var sections = document.querySelectorAll('section.file');
  for (var s = 1; s < sections.length; s++) sections[s].hidden = true;
  if (location.hash.length > 1) {
    var wanted = decodeURIComponent(location.hash.slice(1));
    if (!select(wanted, true)) scrollToElement(wanted);
  }
})();
