// search.js: the notes' search page (search.html), offline and from file://.
//
// search-index.js, written by scripts/build-docs.sh, sets SEARCH_INDEX: one
// entry per section of every page ({page, href, section, text}). A section
// matches when it holds every word of the query (case ignored, anywhere in
// a word, so "flip" finds flip_y); sections whose heading holds the words
// come first, then those that hold them most often. The query is the
// address's ?q=, and the page searches again as you type.
(function () {
  "use strict";
  var index = window.SEARCH_INDEX || [];
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");

  function words(query) {
    return query.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
  }

  function count(haystack, word) {
    var n = 0;
    for (var at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + word.length)) n++;
    return n;
  }

  // A piece of the text around the first word, with the words marked.
  function snippet(text, list) {
    var lower = text.toLowerCase();
    var at = lower.indexOf(list[0]);
    var start = Math.max(0, at - 80);
    var piece = (start > 0 ? "…" : "") + text.slice(start, start + 240) + (start + 240 < text.length ? "…" : "");
    var p = document.createElement("p");
    var lowerPiece = piece.toLowerCase();
    var pos = 0;
    while (pos < piece.length) {
      var next = -1, which = "";
      list.forEach(function (w) {
        var i = lowerPiece.indexOf(w, pos);
        if (i >= 0 && (next < 0 || i < next)) { next = i; which = w; }
      });
      if (next < 0) { p.appendChild(document.createTextNode(piece.slice(pos))); break; }
      p.appendChild(document.createTextNode(piece.slice(pos, next)));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(next, next + which.length);
      p.appendChild(mark);
      pos = next + which.length;
    }
    return p;
  }

  function search(query) {
    var list = words(query);
    results.textContent = "";
    if (list.length === 0) { status.textContent = "Type a word to search every page of the notes."; return; }
    var found = [];
    index.forEach(function (entry) {
      var head = (entry.page + " " + entry.section).toLowerCase();
      var body = entry.text.toLowerCase();
      var score = 0;
      for (var i = 0; i < list.length; i++) {
        var inHead = count(head, list[i]), inBody = count(body, list[i]);
        if (inHead + inBody === 0) return;
        score += 10 * inHead + inBody;
      }
      found.push({ entry: entry, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score; });
    status.textContent = found.length === 0 ? "Nothing found for “" + query + "”." :
      found.length + (found.length === 1 ? " section" : " sections") + " found for “" + query + "”.";
    found.slice(0, 60).forEach(function (f) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = f.entry.href;
      a.textContent = f.entry.section ? f.entry.page + " › " + f.entry.section : f.entry.page;
      li.appendChild(a);
      li.appendChild(snippet(f.entry.text || f.entry.section, list));
      results.appendChild(li);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  search(query);
  input.addEventListener("input", function () {
    search(input.value);
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
  });
})();
