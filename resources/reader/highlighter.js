// Gloss reader-view script: maps DOM selections to reader-text offsets, paints highlights (marks.js), applies
// typography, reports the reading position and lets the keyboard select text.
// Offsets here are UTF-16 code units of the reader text (JavaScript string units); C++ converts them to
// code points (core/anchoring/codepointindex.h). Every block element of the reader HTML carries data-start,
// and its textContent equals readerText.slice(start, start + textContent.length) (DESIGN.md).
(function () {
  'use strict';
  var bridge = null;
  var keyboardCaret = false;
  var pendingScroll = null;

  function body() { return document.getElementById('gloss-body'); }
  function blocks() {
    var root = body();
    return root ? Array.prototype.slice.call(root.querySelectorAll('[data-start]')) : [];
  }
  function blockOf(node) {
    for (var n = node; n && n !== document; n = n.parentNode) {
      if (n.nodeType === 1 && n.hasAttribute('data-start')) return n;
    }
    return null;
  }
  function textNodesOf(el) {
    var out = [];
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, null);
    for (var t = walker.nextNode(); t; t = walker.nextNode()) {
      // Text inside a nested block belongs to that block.
      if (blockOf(t) === el) out.push(t);
    }
    return out;
  }
  // Every text node of the body with its reader-text offset, in document order (one walk).
  function segments() {
    var root = body(), out = [];
    if (!root) return out;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, null);
    var lastBlock = null, pos = 0;
    for (var t = walker.nextNode(); t; t = walker.nextNode()) {
      var b = blockOf(t);
      if (!b) continue;
      if (b !== lastBlock) {
        // Returning to an outer block after a nested one: continue after the text already seen of it.
        if (!b.__glossPos) b.__glossPos = parseInt(b.getAttribute('data-start'), 10);
        lastBlock = b;
      }
      pos = b.__glossPos;
      out.push({ node: t, start: pos });
      b.__glossPos = pos + t.data.length;
    }
    blocks().forEach(function (b) { delete b.__glossPos; });
    return out;
  }
  // Offset of (node, offset) inside `block`, in UTF-16 units of the block's text.
  function offsetInBlock(block, node, offset) {
    var nodes = textNodesOf(block);
    var total = 0;
    if (node.nodeType === 3) {
      for (var i = 0; i < nodes.length; i++) {
        if (nodes[i] === node) return total + offset;
        total += nodes[i].data.length;
      }
      return total;
    }
    // An element boundary: count the text of the child nodes before `offset`.
    var limit = node.childNodes[offset] || null;
    for (var j = 0; j < nodes.length; j++) {
      if (limit && (limit === nodes[j] || (limit.compareDocumentPosition(nodes[j]) & Node.DOCUMENT_POSITION_FOLLOWING) || limit.contains(nodes[j]))) break;
      if (!limit && !node.contains(nodes[j]) && (node.compareDocumentPosition(nodes[j]) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      total += nodes[j].data.length;
    }
    return total;
  }
  function blockLength(block) {
    return textNodesOf(block).reduce(function (n, t) { return n + t.data.length; }, 0);
  }
  // Reader-text offset of a DOM point; points outside every block snap to the nearest block edge.
  function textOffset(node, offset, isEnd) {
    var block = blockOf(node);
    if (block) return parseInt(block.getAttribute('data-start'), 10) + offsetInBlock(block, node, offset);
    var all = blocks();
    var point = document.createRange();
    point.setStart(node, offset);
    if (isEnd) {
      for (var i = all.length - 1; i >= 0; i--) {
        if (point.comparePoint(all[i], 0) >= 0 && !all[i].contains(node)) continue;
        var r = document.createRange(); r.selectNodeContents(all[i]);
        if (r.compareBoundaryPoints(Range.END_TO_START, point) <= 0)
          return parseInt(all[i].getAttribute('data-start'), 10) + blockLength(all[i]);
      }
      return 0;
    }
    for (var k = 0; k < all.length; k++) {
      var rr = document.createRange(); rr.selectNodeContents(all[k]);
      if (rr.compareBoundaryPoints(Range.START_TO_START, point) >= 0)
        return parseInt(all[k].getAttribute('data-start'), 10);
    }
    return -1;
  }
  function currentSelection() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return { start: -1, end: -1 };
    var range = sel.getRangeAt(0);
    var start = textOffset(range.startContainer, range.startOffset, false);
    var end = textOffset(range.endContainer, range.endOffset, true);
    if (start < 0 || end <= start) return { start: -1, end: -1 };
    return { start: start, end: end };
  }
  // DOM point for a reader-text offset (UTF-16). `preferNext` puts a boundary offset at the start of the
  // following block rather than the end of the previous one.
  function domPoint(offset, preferNext) {
    var all = blocks();
    for (var i = 0; i < all.length; i++) {
      var start = parseInt(all[i].getAttribute('data-start'), 10);
      var len = blockLength(all[i]);
      if (offset < start) return null;
      if (offset < start + len || (offset === start + len && !preferNext)) {
        var rest = offset - start;
        var nodes = textNodesOf(all[i]);
        for (var j = 0; j < nodes.length; j++) {
          if (rest <= nodes[j].data.length && !(preferNext && rest === nodes[j].data.length && j + 1 < nodes.length))
            return { node: nodes[j], offset: rest };
          rest -= nodes[j].data.length;
        }
        return { node: all[i], offset: all[i].childNodes.length };
      }
    }
    return null;
  }
  function scrollFraction() {
    var max = document.documentElement.scrollHeight - window.innerHeight;
    return max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 0;
  }
  function restoreScroll(fraction) {
    var max = document.documentElement.scrollHeight - window.innerHeight;
    if (max > 0) window.scrollTo(0, Math.round(fraction * max));
  }
  // The first text node whose line is visible: where keyboard selection starts.
  function firstVisibleText() {
    var segs = segments();
    for (var i = 0; i < segs.length; i++) {
      var r = document.createRange();
      r.selectNodeContents(segs[i].node);
      var rect = r.getBoundingClientRect();
      if (rect.bottom > 0 && rect.height > 0 && segs[i].node.data.trim().length) return segs[i].node;
    }
    return segs.length ? segs[0].node : null;
  }
  var keyMap = {
    ArrowRight: ['forward', 'character'], ArrowLeft: ['backward', 'character'],
    ArrowDown: ['forward', 'line'], ArrowUp: ['backward', 'line'],
    End: ['forward', 'lineboundary'], Home: ['backward', 'lineboundary']
  };
  // Keyboard selection without a mouse: Shift+arrows extend the selection from a caret placed at the first
  // visible line (Ctrl+Shift+arrows by word, Alt+Shift+arrows by sentence); once a keyboard caret exists,
  // arrows move it; Escape clears it.
  function onKey(e) {
    if (e.key === 'Escape') {
      if (keyboardCaret || !window.getSelection().isCollapsed) {
        window.getSelection().removeAllRanges();
        keyboardCaret = false;
        e.preventDefault();
      }
      return;
    }
    var m = keyMap[e.key];
    if (!m || (!e.shiftKey && !keyboardCaret)) return;
    var sel = window.getSelection();
    var root = body();
    if (!root) return;
    if (!sel.rangeCount || !root.contains(sel.anchorNode)) {
      var t = firstVisibleText();
      if (!t) return;
      sel.collapse(t, 0);
      keyboardCaret = true;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
        // The first press already selects one unit from the caret.
      }
    }
    keyboardCaret = true;
    var granularity = m[1];
    if (e.ctrlKey && m[1] === 'character') granularity = 'word';
    if (e.altKey && m[1] === 'character') granularity = 'sentence';
    sel.modify(e.shiftKey ? 'extend' : 'move', m[0], granularity);
    e.preventDefault();
  }
  function titleOf(h) { return h.title || ''; }

  var gloss = {
    selection: currentSelection,
    // highlights: [{id, start, end, cls, title, color?}] with UTF-16 offsets; color: a schema colour for an
    // entity type reader.css has no class for.
    setHighlights: function (list) {
      var t0 = performance.now();
      glossMarks.clear(body() || document);
      var n = glossMarks.paint(segments(), list.map(function (h) { h.title = titleOf(h); return h; }),
        function (mark, h) {
          // reader.css's gloss-entity-other paints --entity-color: set here, or reset so that a mark nested in
          // another of the kind does not inherit its colour.
          if (h.color) mark.style.setProperty('--entity-color', h.color);
          else if (/\bgloss-entity-other\b/.test(h.cls || '')) mark.style.setProperty('--entity-color', 'initial');
        });
      gloss.lastPaintMs = performance.now() - t0; // in-page time of the last pass (the benchmark reads it)
      return n;
    },
    lastPaintMs: 0,
    selectRange: function (start, end) {
      var a = domPoint(start, true), b = domPoint(end, false);
      if (!a || !b) return false;
      var range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      return true;
    },
    clearSelection: function () { window.getSelection().removeAllRanges(); keyboardCaret = false; },
    scrollToAnnotation: function (id) { return glossMarks.focus(id); },
    setTheme: function (theme) { document.documentElement.setAttribute('data-theme', theme); },
    // {family: 'serif'|'sans', size: px, measure: em, lineHeight: number}
    setTypography: function (t) {
      var s = document.documentElement.style;
      s.setProperty('--font-size', t.size + 'px');
      s.setProperty('--measure', t.measure + 'em');
      s.setProperty('--line-height', String(t.lineHeight));
      document.documentElement.setAttribute('data-family', t.family);
    },
    scrollFraction: scrollFraction,
    restoreScroll: function (fraction) {
      if (document.readyState === 'complete') restoreScroll(fraction);
      else pendingScroll = fraction;
    }
  };
  window.gloss = gloss;

  function connect() {
    if (typeof QWebChannel === 'undefined' || typeof qt === 'undefined' || !qt.webChannelTransport) return;
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.glossBridge;
      document.addEventListener('selectionchange', function () {
        var s = currentSelection();
        bridge.reportSelection(s.start, s.end);
      });
      document.addEventListener('click', function (e) {
        var m = e.target.closest ? e.target.closest('mark.gloss-hl') : null;
        if (m) bridge.reportClick(m.getAttribute('data-id'));
      });
      document.addEventListener('mousedown', function () { keyboardCaret = false; });
      document.addEventListener('keydown', onKey, true);
      var timer = null;
      window.addEventListener('scroll', function () {
        if (timer) clearTimeout(timer);
        timer = setTimeout(function () { timer = null; bridge.reportScroll(scrollFraction()); }, 250);
      }, { passive: true });
      window.addEventListener('load', function () {
        if (pendingScroll !== null) { restoreScroll(pendingScroll); pendingScroll = null; }
      });
      // The highlights known when the document was made come with it (C++ puts them in a data attribute), so
      // they are painted before the first frame, without a round trip.
      var marks = 0, initial = document.getElementById('gloss-initial');
      if (initial) {
        try { marks = gloss.setHighlights(JSON.parse(initial.getAttribute('data-highlights') || '[]')); } catch (err) { marks = 0; }
        initial.parentNode.removeChild(initial);
      }
      bridge.reportReady(marks);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', connect);
  else connect();
})();
