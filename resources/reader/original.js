// Gloss original-view script. Runs in an isolated world (QWebEngineScript::ApplicationWorld) of the stored
// original page, whose own scripts are off. Places highlights by quote: the page's text is flattened to a
// whitespace-normalised string (every run of white space -> one space, a space at block boundaries) with a
// map back to (text node, offset); an annotation's `exact` quote (normalised the same way) is searched for
// and, of several occurrences, the one whose prefix/suffix match best wins (W3C Web Annotation
// TextQuoteSelector, §4.2.4). Also reads the page's selection back as a quote with 32 characters of context.
var glossOriginal = (function () {
  'use strict';
  var SKIP = { SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEMPLATE: 1, HEAD: 1, TITLE: 1, IFRAME: 1, OBJECT: 1, SVG: 1 };
  var BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TD|TH|TR|UL)$/;
  var index = null;

  function isSpace(c) { return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\u00a0'; }
  function normalise(s) { return s.replace(/[\s\u00a0]+/g, ' ').trim(); }

  // text: normalised string; nodes[i], offs[i]: where normalised character i comes from (for a block
  // boundary space: the end of the previous text). segs: [{node, start}] (start in normalised units), used to
  // map a DOM point back to the string.
  function build() {
    var text = [], nodes = [], offs = [], segs = [];
    var lastSpace = true, lastNode = null;
    function pushSpace() {
      if (lastSpace || !lastNode) return;
      text.push(' '); nodes.push(lastNode); offs.push(lastNode.data.length); lastSpace = true;
    }
    function walk(el) {
      for (var c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) {
          var d = c.data;
          segs.push({ node: c, start: text.length });
          for (var i = 0; i < d.length; i++) {
            var ch = d.charAt(i);
            if (isSpace(ch)) {
              if (lastSpace) continue;
              text.push(' '); nodes.push(c); offs.push(i); lastSpace = true;
            } else {
              text.push(ch); nodes.push(c); offs.push(i); lastSpace = false;
            }
          }
          lastNode = c;
        } else if (c.nodeType === 1 && !SKIP[c.tagName.toUpperCase()]) {
          var block = BLOCK.test(c.tagName.toUpperCase());
          if (block) pushSpace();
          walk(c);
          if (block) pushSpace();
        }
      }
    }
    if (document.body) walk(document.body);
    index = { text: text.join(''), nodes: nodes, offs: offs, segs: segs };
    return index;
  }
  // Agreement of two strings aligned at their start (forward) or at their end (backward), as a fraction
  // of the shorter one: cheap, and enough to tell occurrences of a quote apart by their context.
  function similarity(a, b, backward) {
    if (!a.length || !b.length) return 0;
    var n = Math.min(a.length, b.length), same = 0;
    for (var i = 0; i < n; i++) {
      var x = backward ? a.charCodeAt(a.length - 1 - i) : a.charCodeAt(i);
      var y = backward ? b.charCodeAt(b.length - 1 - i) : b.charCodeAt(i);
      if (x === y) same++;
    }
    return same / n;
  }
  // [start, end) in normalised units, or null.
  function find(idx, quote) {
    var exact = normalise(quote.exact || '');
    if (!exact) return null;
    var prefix = normalise(quote.prefix || ''), suffix = normalise(quote.suffix || '');
    var best = null, bestScore = -1;
    var hay = idx.text, lower = null;
    var at = hay.indexOf(exact);
    if (at < 0) {
      lower = hay.toLowerCase();
      exact = exact.toLowerCase();
      at = lower.indexOf(exact);
      hay = lower;
    }
    var guard = 0;
    // At most 200 occurrences are weighed (a very common word in a long page: the first 200 by context).
    while (at >= 0 && guard++ < 200) {
      var before = idx.text.slice(Math.max(0, at - prefix.length - 1), at).trim();
      var after = idx.text.slice(at + exact.length, at + exact.length + suffix.length + 1).trim();
      var score = similarity(before, prefix, true) + similarity(after, suffix, false);
      if (score > bestScore) { bestScore = score; best = [at, at + exact.length]; }
      at = hay.indexOf(exact, at + 1);
    }
    return best;
  }
  function style(mark, h) {
    mark.style.backgroundColor = h.color || 'rgba(255, 196, 0, 0.45)';
    mark.style.color = 'inherit';
    mark.style.borderRadius = '2px';
    if (h.underline) mark.style.boxShadow = 'inset 0 -2px 0 ' + h.underline;
  }
  // Per text node: the DOM intervals covered by normalised range [s, e).
  function toNodeHighlights(idx, s, e, h, out) {
    var i = s;
    while (i < e) {
      var node = idx.nodes[i], first = idx.offs[i], last = first;
      var j = i;
      while (j < e && idx.nodes[j] === node) { last = idx.offs[j]; j++; }
      var endOff = Math.min(node.data.length, last + 1);
      if (endOff > first) out.push({ node: node, start: first, end: endOff, h: h });
      i = j;
    }
  }
  // highlights: [{id, exact, prefix, suffix, color, underline, title}]. Returns {painted: n, anchored: [ids]}.
  // The snapshot is a read-only reference: its form fields are switched off (and an autofocused one blurred),
  // so that typing C or E over the original page reaches Gloss's shortcuts instead of a search box.
  function quiet() {
    var fields = document.querySelectorAll('input, textarea, select, button, [contenteditable]');
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].hasAttribute('contenteditable')) fields[i].setAttribute('contenteditable', 'false');
      else fields[i].disabled = true;
    }
    if (document.activeElement && document.activeElement !== document.body && document.activeElement.blur)
      document.activeElement.blur();
  }
  function setHighlights(list) {
    var t0 = performance.now();
    quiet();
    clear();
    var idx = build();
    var pieces = [], anchored = [];
    list.forEach(function (h) {
      var r = find(idx, h);
      if (!r) return;
      anchored.push(h.id);
      toNodeHighlights(idx, r[0], r[1], h, pieces);
    });
    // Group by node; each node's intervals become highlights over a one-node segment list.
    var byNode = new Map();
    pieces.forEach(function (p) {
      if (!byNode.has(p.node)) byNode.set(p.node, []);
      byNode.get(p.node).push({ id: p.h.id, start: p.start, end: p.end, cls: 'gloss-original',
                                title: p.h.title, color: p.h.color, underline: p.h.underline });
    });
    var painted = 0;
    byNode.forEach(function (hs, node) {
      painted += glossMarks.paint([{ node: node, start: 0 }], hs, style);
    });
    index = null;
    return { painted: painted, anchored: anchored, ms: performance.now() - t0 };
  }
  function clear() { glossMarks.clear(document); index = null; }
  // Normalised offset of a DOM point.
  function pointOffset(idx, node, offset) {
    if (node.nodeType !== 3) {
      var child = node.childNodes[offset];
      var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, null);
      if (child) {
        walker.currentNode = child;
        var t = child.nodeType === 3 ? child : walker.nextNode();
        if (!t) return idx.text.length;
        node = t; offset = 0;
      } else {
        walker.currentNode = node;
        // After the last child: the next text node after this subtree.
        var last = node;
        while (last.lastChild) last = last.lastChild;
        walker.currentNode = last;
        var n = walker.nextNode();
        if (!n) return idx.text.length;
        node = n; offset = 0;
      }
    }
    for (var i = 0; i < idx.segs.length; i++) {
      if (idx.segs[i].node === node) {
        var k = idx.segs[i].start;
        while (k < idx.text.length && idx.nodes[k] === node && idx.offs[k] < offset) k++;
        return k;
      }
    }
    return -1;
  }
  // The selection as {exact, prefix, suffix} over the normalised text, or null.
  function selection() {
    var sel = window.getSelection();
    if (!sel || !sel.rangeCount || sel.isCollapsed) return null;
    var r = sel.getRangeAt(0);
    var idx = build();
    var s = pointOffset(idx, r.startContainer, r.startOffset);
    var e = pointOffset(idx, r.endContainer, r.endOffset);
    if (s < 0 || e <= s) return null;
    while (s < e && idx.text.charAt(s) === ' ') s++;
    while (e > s && idx.text.charAt(e - 1) === ' ') e--;
    if (e <= s) return null;
    return { exact: idx.text.slice(s, e), prefix: idx.text.slice(Math.max(0, s - 32), s),
             suffix: idx.text.slice(e, e + 32) };
  }
  // The serial of the last highlight pass known to be drawn: afterFrame(n) notes n two animation frames on, when
  // the frame holding the pass has been produced (the C++ side asks framed() before it grabs the view).
  var framedSerial = 0;
  function afterFrame(serial) {
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { framedSerial = Math.max(framedSerial, serial); });
    });
  }
  function markAt(x, y) {
    var el = document.elementFromPoint(x, y);
    var m = el && el.closest ? el.closest('mark.gloss-hl') : null;
    return m ? m.getAttribute('data-id') : '';
  }
  return {
    setHighlights: setHighlights, clear: clear, selection: selection, markAt: markAt, afterFrame: afterFrame,
    framed: function () { return framedSerial; },
    focus: function (id) {
      var ok = glossMarks.focus(id);
      var marks = document.querySelectorAll('mark.gloss-hl');
      for (var i = 0; i < marks.length; i++)
        marks[i].style.outline = marks[i].classList.contains('gloss-focus') ? '2px solid #1f5fa8' : '';
      return ok;
    },
    marks: function () { return document.querySelectorAll('mark.gloss-hl').length; },
    text: function () { return build().text; }
  };
})();
