// Gloss: shared highlight painter for the reader and the original view. Wraps runs of text nodes in
// <mark class="gloss-hl"> elements in one pass over the document (linear in text length + highlights), so that
// a page with thousands of annotations paints in a few milliseconds. Overlapping highlights nest: the longer
// span is the outer mark. Used by highlighter.js (main world of the reader page) and original.js (isolated
// world of the original page, where the page's own scripts are off).
var glossMarks = (function () {
  'use strict';
  // segments: [{node: Text, start: int}] in document order, `start` in the same units as the highlights'.
  // highlights: [{id, start, end, cls, title}] (end exclusive). Returns the number of marks made.
  // Each text node that a highlight touches is rebuilt once as a fragment (pieces between consecutive
  // highlight boundaries, each wrapped in the marks that cover it) and swapped in with one replaceChild:
  // repeated splitText on a long node would copy its text once per cut.
  function paint(segments, highlights, decorate) {
    var hs = highlights.filter(function (h) { return h.end > h.start; })
      .sort(function (a, b) { return a.start - b.start || (b.end - b.start) - (a.end - a.start); });
    var active = [], next = 0, made = 0;
    for (var i = 0; i < segments.length; i++) {
      var seg = segments[i], node = seg.node, segStart = seg.start, segEnd = segStart + node.data.length;
      while (next < hs.length && hs[next].start < segEnd) active.push(hs[next++]);
      if (!active.length) continue;
      active = active.filter(function (h) { return h.end > segStart; });
      if (!active.length || !node.parentNode) continue;
      // Boundaries inside this node, sorted and unique.
      var cuts = [segStart, segEnd];
      for (var k = 0; k < active.length; k++) {
        var h0 = active[k];
        if (h0.start > segStart && h0.start < segEnd) cuts.push(h0.start);
        if (h0.end > segStart && h0.end < segEnd) cuts.push(h0.end);
      }
      cuts.sort(function (a, b) { return a - b; });
      var data = node.data, frag = document.createDocumentFragment();
      // `active` is sorted by start: sweep it alongside the pieces.
      var open = [], ai = 0;
      for (var c = 0; c + 1 < cuts.length; c++) {
        var a = cuts[c], b = cuts[c + 1];
        if (a === b) continue;
        while (ai < active.length && active[ai].start <= a) open.push(active[ai++]);
        open = open.filter(function (h) { return h.end > a; });
        var piece = document.createTextNode(data.substring(a - segStart, b - segStart));
        if (!open.length) { frag.appendChild(piece); continue; }
        var covering = open.slice().sort(function (x, y) { return (y.end - y.start) - (x.end - x.start); });
        var outer = null, inner = null;
        for (var m = 0; m < covering.length; m++) {
          var h = covering[m];
          var mark = document.createElement('mark');
          mark.className = 'gloss-hl ' + (h.cls || '');
          mark.setAttribute('data-id', h.id);
          if (h.title) mark.title = h.title;
          if (decorate) decorate(mark, h);
          if (inner) inner.appendChild(mark); else outer = mark;
          inner = mark;
          made++;
        }
        inner.appendChild(piece);
        frag.appendChild(outer);
      }
      node.parentNode.replaceChild(frag, node);
    }
    return made;
  }
  function clear(root) {
    var marks = (root || document).querySelectorAll('mark.gloss-hl');
    var parents = new Set();
    for (var i = marks.length - 1; i >= 0; i--) {
      var m = marks[i], parent = m.parentNode;
      if (!parent) continue;
      while (m.firstChild) parent.insertBefore(m.firstChild, m);
      parent.removeChild(m);
      parents.add(parent);
    }
    parents.forEach(function (p) { if (p.isConnected) p.normalize(); });
  }
  function focus(id) {
    var old = document.querySelectorAll('mark.gloss-focus');
    for (var i = 0; i < old.length; i++) old[i].classList.remove('gloss-focus');
    var marks = document.querySelectorAll('mark.gloss-hl[data-id="' + (window.CSS && CSS.escape ? CSS.escape(id) : id) + '"]');
    if (!marks.length) return false;
    for (var j = 0; j < marks.length; j++) marks[j].classList.add('gloss-focus');
    marks[0].scrollIntoView({ block: 'center' });
    return true;
  }
  return { paint: paint, clear: clear, focus: focus };
})();
