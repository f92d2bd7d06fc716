// liclint review page. Every piece of text that comes from a copy is put into the page with
// textContent or as a Text node, never parsed as markup; copies are built when opened.
(function () {
  "use strict";
  var HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/u;
  var NAMES = {
    0x200B: "ZERO WIDTH SPACE", 0x200C: "ZERO WIDTH NON-JOINER", 0x200D: "ZERO WIDTH JOINER",
    0x200E: "LEFT-TO-RIGHT MARK", 0x200F: "RIGHT-TO-LEFT MARK", 0x061C: "ARABIC LETTER MARK",
    0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING",
    0x202C: "POP DIRECTIONAL FORMATTING", 0x202D: "LEFT-TO-RIGHT OVERRIDE",
    0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x2066: "LEFT-TO-RIGHT ISOLATE",
    0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE",
    0x2069: "POP DIRECTIONAL ISOLATE", 0x2060: "WORD JOINER", 0xFEFF: "ZERO WIDTH NO-BREAK SPACE",
    0x00AD: "SOFT HYPHEN", 0x3164: "HANGUL FILLER"
  };
  var RANK = { error: 2, warning: 1, info: 0 };
  var table = document.getElementById("copies");
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var byIndex = {};
  var search = document.getElementById("q");
  var fVerdict = document.getElementById("f-verdict");
  var fSeverity = document.getElementById("f-severity");
  var fCode = document.getElementById("f-code");
  var shown = document.getElementById("shown");
  var none = document.getElementById("none");
  var batch = document.getElementById("batch");
  var view = document.getElementById("copy");
  var collator = new Intl.Collator("zh-Hans-CN", { numeric: true });
  var state = { copy: -1, findings: [], current: -1, cursor: -1, lastCopy: -1 };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function hex(cp) {
    return "U+" + cp.toString(16).toUpperCase().padStart(4, "0");
  }

  // text as Text nodes, each hidden or bidi character as a visible U+XXXX mark
  function addText(parent, text) {
    text = String(text);
    if (!HIDDEN.test(text)) {
      if (text) parent.appendChild(document.createTextNode(text));
      return;
    }
    var run = "";
    for (var ch of text) {
      if (ch !== "\t" && HIDDEN.test(ch)) {
        if (run) parent.appendChild(document.createTextNode(run));
        run = "";
        var cp = ch.codePointAt(0);
        var mark = el("span", "ctl", hex(cp));
        mark.title = hex(cp) + (NAMES[cp] ? " " + NAMES[cp] : "");
        parent.appendChild(mark);
      } else {
        run += ch;
      }
    }
    if (run) parent.appendChild(document.createTextNode(run));
  }

  function fold(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  }

  // --- the table: filters, search, sorting ---------------------------------------------------
  rows.forEach(function (row) {
    var d = row.dataset;
    byIndex[d.i] = row;
    row._key = fold(d.company + "\n" + d.number + "\n" + d.path);
    row._codes = d.codes ? d.codes.split(" ") : [];
    row._sev = d.sev ? d.sev.split(" ") : [];
  });

  function matches(row) {
    var verdict = fVerdict.value, severity = fSeverity.value, code = fCode.value;
    if (verdict && row.dataset.verdict !== verdict) return false;
    if (severity && row._sev.indexOf(severity) < 0) return false;
    if (code) {
      var hit = row._codes.some(function (c) {
        return c === code || (/^[A-Z]+$/.test(code) && c.replace(/[^A-Za-z]+.*$/, "") === code);
      });
      if (!hit) return false;
    }
    var q = fold(search.value);
    return !q || row._key.indexOf(q) >= 0;
  }

  function applyFilters() {
    var n = 0;
    rows.forEach(function (row) {
      var ok = matches(row);
      row.hidden = !ok;
      if (ok) n += 1;
    });
    shown.textContent = n + " of " + rows.length;
    none.hidden = n > 0;
    document.querySelectorAll(".tile").forEach(function (tile) {
      tile.setAttribute("aria-pressed", String(tile.dataset.verdict === fVerdict.value));
    });
    setCursor(-1);
  }

  var sortKey = "", sortDir = 0;
  function sortBy(key) {
    sortDir = key === sortKey ? -sortDir : (key === "rank" ? -1 : 1);
    sortKey = key;
    var sorted = rows.slice().sort(function (a, b) {
      var x = a.dataset[key], y = b.dataset[key];
      if ((x === "") !== (y === "")) return x === "" ? 1 : -1;  // rows without a value last
      var c = key === "rank" ? x - y : (key === "expiry" ? (x < y ? -1 : (x > y ? 1 : 0)) : collator.compare(x, y));
      return c * sortDir || a.dataset.i - b.dataset.i;
    });
    var fragment = document.createDocumentFragment();
    sorted.forEach(function (row) { fragment.appendChild(row); });
    tbody.appendChild(fragment);
    rows = sorted;
    table.querySelectorAll("th").forEach(function (th) {
      var b = th.querySelector("button");
      if (b) th.setAttribute("aria-sort", b.dataset.sort === key ? (sortDir > 0 ? "ascending" : "descending") : "none");
    });
    setCursor(-1);
  }

  table.querySelectorAll("th button").forEach(function (b) {
    b.addEventListener("click", function () { sortBy(b.dataset.sort); });
  });
  [fVerdict, fSeverity, fCode].forEach(function (s) { s.addEventListener("change", applyFilters); });
  search.addEventListener("input", function () {
    if (!view.hidden) location.hash = "";
    applyFilters();
  });
  document.getElementById("f-clear").addEventListener("click", function () {
    fVerdict.value = fSeverity.value = fCode.value = search.value = "";
    applyFilters();
  });
  document.querySelectorAll(".tile").forEach(function (tile) {
    tile.addEventListener("click", function () {
      fVerdict.value = fVerdict.value === tile.dataset.verdict ? "" : tile.dataset.verdict;
      applyFilters();
    });
  });
  var families = document.getElementById("families");
  if (families) {
    families.addEventListener("click", function (event) {
      var seg = event.target.closest("rect.seg");
      if (!seg) return;
      fCode.value = seg.dataset.family;
      fSeverity.value = seg.dataset.severity;
      applyFilters();
      table.scrollIntoView({ block: "start" });
    });
  }

  function visibleRows() {
    return rows.filter(function (row) { return !row.hidden; });
  }

  function setCursor(n) {
    var list = visibleRows();
    rows.forEach(function (row) { row.classList.remove("cursor"); });
    state.cursor = n;
    if (n < 0 || !list.length) return;
    state.cursor = Math.max(0, Math.min(n, list.length - 1));
    var row = list[state.cursor];
    row.classList.add("cursor");
    row.querySelector("a").focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  // --- a copy ----------------------------------------------------------------------------------
  // a copy's data: JSON, gzip-compressed and base64-encoded (unpacked by the browser itself)
  function load(i) {
    var node = document.getElementById("data-" + i);
    if (!node) return Promise.resolve(null);
    var binary = atob(node.textContent.trim());
    var bytes = new Uint8Array(binary.length);
    for (var n = 0; n < binary.length; n++) bytes[n] = binary.charCodeAt(n);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function where(extra) {
    if (!extra) return "";
    var parts = [];
    if (extra.page !== undefined) parts.push("page " + extra.page);
    if (extra.box) parts.push("box " + extra.box.join(", "));
    if (extra.ocr_confidence !== undefined) parts.push("OCR confidence " + extra.ocr_confidence);
    Object.keys(extra).forEach(function (k) {
      if (["page", "box", "ocr_confidence", "picture"].indexOf(k) < 0) parts.push(k + " " + JSON.stringify(extra[k]));
    });
    return parts.join(" · ");
  }

  // the pieces of one line: [start, end) in code points, with the findings covering each
  function pieces(length, spans) {
    var cuts = [0, length];
    spans.forEach(function (s) { cuts.push(s.s, s.e); });
    cuts = Array.from(new Set(cuts)).sort(function (a, b) { return a - b; });
    var out = [];
    for (var n = 0; n + 1 < cuts.length; n++) {
      var a = cuts[n], b = cuts[n + 1];
      if (b <= a) continue;
      out.push({ s: a, e: b, on: spans.filter(function (s) { return s.s < b && s.e > a && s.e > s.s; }) });
    }
    return out;
  }

  function markFor(spans, i) {
    var worst = spans.reduce(function (w, s) { return RANK[s.f.sev] > RANK[w] ? s.f.sev : w; }, "info");
    var m = el("mark", "m-" + worst);
    m.title = spans.map(function (s) { return s.f.code + " " + s.f.message; }).join("\n");
    m.dataset.f = spans.map(function (s) { return s.k; }).join(" ");
    spans.forEach(function (s) {
      if (!s.anchored) {
        s.anchored = true;
        if (!document.getElementById("m" + i + "-" + s.k)) m.id = "m" + i + "-" + s.k;
      }
    });
    return m;
  }

  function renderLine(i, number, text, spans, media) {
    var row = el("div", "ln");
    row.id = "c" + i + "-L" + number;
    var no = el("span", "no");
    if (media) {
      var info = media[number - 1];
      if (info && info[0]) {
        var prev = media[number - 2];
        if (!prev || prev[0] !== info[0]) no.appendChild(el("span", "pg", "p" + info[0]));
        var tip = "page " + info[0];
        if (info[1]) tip += " · box " + info[1].join(", ");
        if (info[2] !== null && info[2] !== undefined) {
          tip += " · OCR confidence " + info[2].toFixed(2);
          if (info[2] < 0.8) no.classList.add("lowconf");
        }
        no.title = tip;
      }
    }
    no.appendChild(document.createTextNode(String(number)));
    row.appendChild(no);
    var tx = el("span", "tx");
    var chars = Array.from(text);
    var points = spans.filter(function (s) { return s.e <= s.s; });
    var ranged = spans.filter(function (s) { return s.e > s.s; });
    pieces(chars.length, ranged).forEach(function (p) {
      points.forEach(function (s) {
        if (s.s === p.s && !s.placed) { s.placed = true; var m = markFor([s], i); m.classList.add("pt"); tx.appendChild(m); }
      });
      var part = chars.slice(p.s, p.e).join("");
      if (!p.on.length) { addText(tx, part); return; }
      var m = markFor(p.on, i);
      addText(m, part);
      tx.appendChild(m);
    });
    points.forEach(function (s) {
      if (!s.placed) { s.placed = true; var m = markFor([s], i); m.classList.add("pt"); tx.appendChild(m); }
    });
    row.appendChild(tx);
    return row;
  }

  // a sketch of the page a finding on an image is on: every line read as a gray box, the
  // finding's box in its severity's colour, so a reviewer knows where to look on the original
  function pageMap(media, f) {
    var page = f.extra && f.extra.page, at = f.extra && f.extra.box;
    if (!media || !at || page === undefined) return null;
    var boxes = media.filter(function (m) { return m[0] === page && m[1]; }).map(function (m) { return m[1]; });
    var w = Math.max.apply(null, boxes.map(function (b) { return b[2]; }).concat([at[2]])) * 1.05;
    var h = Math.max.apply(null, boxes.map(function (b) { return b[3]; }).concat([at[3]])) * 1.05;
    // the SVG namespace, taken from the page's own charts (the page names no address at all)
    var ns = document.querySelector("svg").namespaceURI;
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + w.toFixed(0) + " " + h.toFixed(0));
    svg.setAttribute("class", "pagemap");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "where on page " + page + ": box " + at.join(", "));
    function rect(b, cls) {
      var r = document.createElementNS(ns, "rect");
      r.setAttribute("x", b[0]); r.setAttribute("y", b[1]);
      r.setAttribute("width", Math.max(b[2] - b[0], 1)); r.setAttribute("height", Math.max(b[3] - b[1], 1));
      r.setAttribute("class", cls);
      svg.appendChild(r);
    }
    rect([0, 0, w, h], "pm-page");
    boxes.forEach(function (b) { rect(b, "pm-line"); });
    rect(at, "pm-at sev-" + f.sev);
    return svg;
  }

  function findingMessage(i, f, k, media) {
    var box = el("div", "msg sev-" + f.sev);
    box.id = "msg" + i + "-" + k;
    box.appendChild(el("span", "sevtag sev-" + f.sev, f.sev));
    box.appendChild(el("span", "code", f.code));
    box.appendChild(document.createTextNode(" "));
    addText(box, f.message);
    var w = where(f.extra);
    if (w) box.appendChild(el("div", "where", w));
    var picture = f.extra && f.extra.picture;
    if (picture) {  // the print itself around the box, cut from the original by the report
      var img = el("img", "picture");
      img.src = picture;
      img.alt = "page " + f.extra.page + ", box " + f.extra.box.join(", ") + ", as printed";
      box.appendChild(img);
    }
    var map = pageMap(media, f);
    if (map) box.appendChild(map);
    return box;
  }

  function lineRange(d) {
    return d.line === d.end_line ? "line " + d.line : "lines " + d.line + "–" + d.end_line;
  }

  function diffBlock(i, d, n) {
    var box = el("div", "diff");
    box.id = "c" + i + "-d" + n;
    box.appendChild(el("div", "dh", d.label + " differs from the template (" + lineRange(d) + "): the closest template version beside it, differences marked"));
    var cols = el("div", "dcols");
    [["this copy", d.copy, "mine"], ["template", d.template, "theirs"]].forEach(function (side) {
      var col = el("div");
      col.appendChild(el("h4", null, side[0]));
      var p = el("p", "tx");
      side[1].forEach(function (run) {
        if (run[1] === 2) {
          var gap = el("span", "gap", "⁁");
          gap.title = "the other side has words here";
          p.appendChild(gap);
        } else if (run[1] === 1) {
          var m = el("mark", "chg " + side[2]);
          addText(m, run[0]);
          p.appendChild(m);
        } else {
          addText(p, run[0]);
        }
      });
      col.appendChild(p);
      cols.appendChild(col);
    });
    box.appendChild(cols);
    return box;
  }

  function buildCopy(i, data) {
    var root = document.createDocumentFragment();
    if (!data) return root;
    var total = rows.length;
    var nav = el("nav", "copynav");
    var back = el("a", null, "← all copies");
    back.href = "#";
    nav.appendChild(back);
    if (i > 0) { var prev = el("a", null, "‹ previous copy"); prev.href = "#copy-" + (i - 1); nav.appendChild(prev); }
    if (i + 1 < total) { var next = el("a", null, "next copy ›"); next.href = "#copy-" + (i + 1); nav.appendChild(next); }
    nav.appendChild(el("span", "pos", "copy " + (i + 1) + " of " + total));
    root.appendChild(nav);

    var head = el("header", "copyhead");
    var h = el("h2", "tx");
    addText(h, data.path);
    head.appendChild(h);
    var facts = el("div", "facts");
    var verdict = el("span", "verdict v-" + data.verdict, data.verdict);
    facts.appendChild(verdict);
    [["company", data.company], ["number", data.number], ["expires", data.expiry]].forEach(function (pair) {
      if (!pair[1]) return;
      var span = el("span");
      span.appendChild(document.createTextNode(pair[0] + " "));
      var b = el("b", "tx");
      addText(b, pair[1]);
      span.appendChild(b);
      facts.appendChild(span);
    });
    if (data.media && data.media.length) facts.appendChild(el("span", null, data.media[data.media.length - 1][0] + " page(s) read from a PDF or an image"));
    if (data.license === false) facts.appendChild(el("span", null, "not read as a license copy"));
    head.appendChild(facts);
    root.appendChild(head);

    var findings = data.findings.map(function (r, k) {
      return { line: r[0], col: r[1], endLine: r[2], endCol: r[3], code: r[4], sev: r[5], message: r[6], name: r[7], extra: r[8], k: k };
    });
    state.findings = findings;
    var cols = el("div", "cols");
    var text = el("div", "text");
    text.setAttribute("role", "region");
    text.setAttribute("aria-label", "the text of the copy");
    var lines = data.lines;
    var spansByLine = {}, messagesByLine = {}, unplaced = [];
    findings.forEach(function (f) {
      if (!lines || !lines.length || f.line < 1 || f.line > lines.length) { unplaced.push(f); return; }
      messagesByLine[f.line] = (messagesByLine[f.line] || []).concat([f]);
      var last = Math.min(Math.max(f.endLine, f.line), lines.length);
      for (var L = f.line; L <= last; L++) {
        var len = Array.from(lines[L - 1]).length;
        var s = L === f.line ? Math.min(Math.max(f.col, 1), len + 1) - 1 : 0;
        var e = L === f.endLine ? Math.min(Math.max(f.endCol, 1), len + 1) - 1 : len;
        if (L === f.line && e <= s && s < len && f.endLine <= f.line) e = s + 1;  // a point on a character: mark it
        (spansByLine[L] = spansByLine[L] || []).push({ s: s, e: Math.max(e, s), f: f, k: f.k });
      }
    });
    if (data.note) text.appendChild(el("div", "notice", data.note));
    unplaced.forEach(function (f) {
      var m = findingMessage(i, f, f.k);
      m.id = "m" + i + "-" + f.k;
      text.appendChild(m);
    });
    var diffsAt = {};
    (data.diffs || []).forEach(function (d, n) { (diffsAt[d.end_line] = diffsAt[d.end_line] || []).push([d, n]); });
    (lines || []).forEach(function (line, n) {
      var number = n + 1;
      text.appendChild(renderLine(i, number, line, spansByLine[number] || [], data.media));
      (messagesByLine[number] || []).forEach(function (f) { text.appendChild(findingMessage(i, f, f.k, data.media)); });
      (diffsAt[number] || []).forEach(function (pair) { text.appendChild(diffBlock(i, pair[0], pair[1])); });
    });
    cols.appendChild(text);

    var side = el("aside", "side");
    var fs = el("section");
    fs.appendChild(el("h3", null, "Findings (" + findings.length + ")"));
    var list = el("ol", "flist");
    findings.forEach(function (f) {
      var li = el("li", "sev-" + f.sev);
      li.id = "f" + i + "-" + f.k;
      var a = el("a", "flink");
      a.href = "#copy-" + i + "-f" + f.k;
      a.dataset.k = f.k;
      a.appendChild(el("span", "sevtag sev-" + f.sev, f.sev));
      a.appendChild(el("span", "code", f.code));
      a.appendChild(el("span", "pos", f.line + ":" + f.col));
      var msg = el("div", "fmsg");
      addText(msg, f.message);
      a.appendChild(msg);
      var w = where(f.extra);
      if (w) a.appendChild(el("div", "where", w));
      li.appendChild(a);
      list.appendChild(li);
    });
    if (!findings.length) list.appendChild(el("li", null, "No findings."));
    fs.appendChild(list);
    side.appendChild(fs);

    if (data.diffs && data.diffs.length) {
      var ds = el("section");
      ds.appendChild(el("h3", null, "Wording that differs from the template (" + data.diffs.length + ")"));
      var dl = el("ul", "flist");
      data.diffs.forEach(function (d, n) {
        var li = el("li");
        var a = el("a", "dlink", d.label + " · " + lineRange(d));
        a.href = "#copy-" + i + "-d" + n;
        li.appendChild(a);
        dl.appendChild(li);
      });
      ds.appendChild(dl);
      side.appendChild(ds);
    }
    if (data.fields && data.fields.length) {
      var ps = el("section");
      ps.appendChild(el("h3", null, "Parsed fields"));
      var t = el("table", "fields");
      data.fields.forEach(function (r) {
        var tr = el("tr");
        tr.appendChild(el("td", null, r[0]));
        var value = el("td", "tx");
        addText(value, r[1]);
        if (r[6]) { value.appendChild(el("br")); var note = el("span", "note"); addText(note, r[6]); value.appendChild(note); }
        tr.appendChild(value);
        var at = el("td");
        var a = el("a", "llink", r[2] + ":" + r[3]);
        a.href = "#copy-" + i + "-L" + r[2];
        at.appendChild(a);
        tr.appendChild(at);
        t.appendChild(tr);
      });
      ps.appendChild(t);
      side.appendChild(ps);
    }
    cols.appendChild(side);
    root.appendChild(cols);
    return root;
  }

  function showBatch() {
    opening += 1;
    view.hidden = true;
    delete view.dataset.shown;
    batch.hidden = false;
    if (state.copy >= 0) {
      state.lastCopy = state.copy;
      var row = byIndex[state.copy];
      state.copy = -1;
      if (row && !row.hidden) {
        var list = visibleRows();
        setCursor(list.indexOf(row));
        return;
      }
    }
  }

  var opening = 0;
  function showCopy(i, target) {
    var ticket = ++opening;
    var ready = state.copy === i ? Promise.resolve() : load(i).then(function (data) {
      if (ticket !== opening) return;
      view.textContent = "";
      view.appendChild(buildCopy(i, data));
      state.copy = i;
      state.current = -1;
    });
    return ready.then(function () {
      if (ticket !== opening) return;
      batch.hidden = true;
      view.hidden = false;
      if (!target) window.scrollTo(0, 0);
      else if (target[0] === "f") focusFinding(Number(target.slice(1)));
      else if (target[0] === "L") flash(document.getElementById("c" + i + "-L" + target.slice(1)));
      else if (target[0] === "d") flash(document.getElementById("c" + i + "-d" + target.slice(1)));
      view.dataset.shown = String(i);
    }).catch(function (error) {
      console.error("liclint: copy " + i + " could not be shown: " + error);
      view.textContent = "";
      view.appendChild(el("p", "notice", "This copy could not be shown: " + error));
      batch.hidden = true;
      view.hidden = false;
      view.dataset.shown = String(i);
      state.copy = -1;
    });
  }

  function flash(node) {
    if (!node) return;
    node.scrollIntoView({ block: "center" });
    node.classList.add("flash");
    setTimeout(function () { node.classList.remove("flash"); }, 1200);
  }

  function focusFinding(k) {
    var n = state.findings.length;
    if (!n) return;
    k = Math.max(0, Math.min(k, n - 1));
    view.querySelectorAll(".current").forEach(function (x) { x.classList.remove("current"); });
    state.current = k;
    var i = state.copy;
    var mark = document.getElementById("m" + i + "-" + k);
    var item = document.getElementById("f" + i + "-" + k);
    var msg = document.getElementById("msg" + i + "-" + k);
    if (item) {
      item.classList.add("current");
      item.scrollIntoView({ block: "nearest" });
    }
    if (msg) msg.classList.add("current");
    if (mark) {
      view.querySelectorAll('mark[data-f~="' + k + '"]').forEach(function (m) { m.classList.add("current"); });
      mark.scrollIntoView({ block: "center" });
    }
  }

  function route() {
    var m = /^#copy-(\d+)(?:-([fLd]\d+))?$/.exec(location.hash);
    if (m && document.getElementById("data-" + m[1])) showCopy(Number(m[1]), m[2]);
    else showBatch();
  }

  view.addEventListener("click", function (event) {
    var a = event.target.closest("a.flink");
    if (a) {
      event.preventDefault();
      focusFinding(Number(a.dataset.k));
      history.replaceState(null, "", "#copy-" + state.copy + "-f" + a.dataset.k);
      return;
    }
    a = event.target.closest("a.llink, a.dlink");
    if (a) {
      event.preventDefault();
      history.replaceState(null, "", a.getAttribute("href"));
      route();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var t = event.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");
    if (event.key === "Escape") {
      if (typing) t.blur();
      else if (!view.hidden) location.hash = "";
      return;
    }
    if (typing) return;
    if (event.key === "/") {
      event.preventDefault();
      search.focus();
      search.select();
    } else if (event.key === "j" || event.key === "k") {
      var step = event.key === "j" ? 1 : -1;
      event.preventDefault();
      if (!view.hidden) {
        var next = state.current < 0 ? (step > 0 ? 0 : state.findings.length - 1) : state.current + step;
        if (next >= 0 && next < state.findings.length) {
          focusFinding(next);
          history.replaceState(null, "", "#copy-" + state.copy + "-f" + next);
        }
      } else {
        setCursor(state.cursor < 0 ? 0 : state.cursor + step);
      }
    }
  });

  window.addEventListener("hashchange", route);
  route();
  document.documentElement.dataset.ready = "1";
  window.liclintReady = performance.now();
})();
