// Gloss reader-view script: maps DOM selections to reader-text offsets and paints highlights.
// Offsets here are UTF-16 code units of the reader text (JavaScript string units); C++ converts them to
// code points (core/anchoring/codepointindex.h). Every block element of the reader HTML carries data-start,
// and its textContent equals readerText.slice(start, start + textContent.length) (DESIGN.md).
(function () {
  'use strict';
  var bridge = null;

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
  function clearHighlights() {
    var marks = document.querySelectorAll('mark.gloss-hl');
    for (var i = marks.length - 1; i >= 0; i--) {
      var m = marks[i], parent = m.parentNode;
      while (m.firstChild) parent.insertBefore(m.firstChild, m);
      parent.removeChild(m);
      parent.normalize();
    }
  }
  function wrapRange(h) {
    var all = blocks();
    for (var i = 0; i < all.length; i++) {
      var bStart = parseInt(all[i].getAttribute('data-start'), 10);
      var nodes = textNodesOf(all[i]);
      var pos = bStart;
      for (var j = 0; j < nodes.length; j++) {
        var t = nodes[j], tStart = pos, tEnd = pos + t.data.length;
        pos = tEnd;
        var a = Math.max(h.start, tStart), b = Math.min(h.end, tEnd);
        if (a >= b) continue;
        var node = t;
        if (a > tStart) node = node.splitText(a - tStart);
        if (b < tEnd) node.splitText(b - a);
        var mark = document.createElement('mark');
        mark.className = 'gloss-hl ' + h.cls;
        mark.setAttribute('data-id', h.id);
        if (h.title) mark.title = h.title;
        node.parentNode.insertBefore(mark, node);
        mark.appendChild(node);
      }
    }
  }
  var gloss = {
    selection: currentSelection,
    // highlights: [{id, start, end, cls, title}] with UTF-16 offsets; longer spans first so nested ones sit inside.
    setHighlights: function (list) {
      clearHighlights();
      list.slice().sort(function (x, y) { return (y.end - y.start) - (x.end - x.start); }).forEach(wrapRange);
      return document.querySelectorAll('mark.gloss-hl').length;
    },
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
    scrollToAnnotation: function (id) {
      var old = document.querySelectorAll('mark.gloss-focus');
      for (var i = 0; i < old.length; i++) old[i].classList.remove('gloss-focus');
      var marks = document.querySelectorAll('mark.gloss-hl[data-id="' + id + '"]');
      if (!marks.length) return false;
      for (var j = 0; j < marks.length; j++) marks[j].classList.add('gloss-focus');
      marks[0].scrollIntoView({ block: 'center' });
      return true;
    },
    setTheme: function (theme) { document.documentElement.setAttribute('data-theme', theme); }
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
      bridge.reportReady();
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', connect);
  else connect();
})();
