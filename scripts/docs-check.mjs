#!/usr/bin/env node
// docs-check.mjs [--selftest DIR] SITE SHOTS: open every page of the built
// notes in headless Chromium from file:// and fail if a reader would trip on
// it. With --selftest DIR it also checks DIR/site, the self-test's site of
// scripts/docs-check-selftest.sh (one mistake of each kind), in the same
// browser, and leaves that report in DIR/report.txt and its exit status in
// DIR/status for the self-test to judge (scripts/docs-check.sh).
//
// For each *.html under SITE (index first), at 1280 px and at 390 px wide:
//   - every <img> must load, have alt text, and (in the text) a caption;
//   - every <math> must render with a non-zero width and height, and none
//     may contain an <merror> (TeX that pandoc could not convert);
//   - the page must not be wider than the window (no sideways scrolling of
//     the whole page; code, tables and wide formulas scroll on their own);
//   - the console must show no error, nothing may fail to load, and nothing
//     may be fetched from the network (the notes must work offline);
//   - ids must be unique, and no TeX may be left unconverted in the text;
//   - a box of code (<pre>) wider than it shows must scroll, with a scroll
//     cue (shadows on its edges: a gradient background that scrolls with
//     the content, as docs/style.css draws them);
//   - a figure's lettering must be at least 13 px at 1280 and 11 px at 390:
//     the SVG's smallest font size times the scale it is shown at;
//   - no text of a figure may reach outside the SVG's viewBox (a title, key
//     or label cut off at its edge): each SVG under SITE is opened on its
//     own first, and the rendered box of each <text> measured;
//   - no formula may be clipped by a box around it (its accents, limits or
//     content cut off), and no accent may render with no size;
//   - no line may begin with the punctuation that follows a formula;
//   - inline code may break only at a space (or after a "/" of a path; a
//     "long" token of typeset.lua may break anywhere), never inside a token;
//   - no table column narrower than 15 % of its table may wrap a cell over
//     more than 6 lines;
//   - program output shown in the notes (<pre data-program="./chapter-NN
//     ...">, from a ```{.output program="..."} block) must be lines that the
//     program prints, in order (a line "..." stands for any number of
//     lines): scripts/docs.sh saves what each such command prints in
//     SITE/output/, named by output_name() below.
// Every figure in SITE/fig must be shown on some page. With a search page
// (SITE/search.html), searching it for "Hessian" and "flip_y" must find
// pages.
// Then every link is followed on disk: a file:// link must name an existing
// file, and its #anchor an id on the target page. Web links are listed, not
// followed. Closed <details> are opened for the checks, after the screenshot.
// Full-page screenshots go to SHOTS/NAME-1280.png and SHOTS/NAME-390.png
// (hints/NN-x.html becomes hints-NN-x-*.png); with DOCS_CHECK_DARK=1 also
// NAME-390-dark.png, in the dark colour scheme. DOCS_CHECK_SHOTS=0 saves
// none (make test; the self-test's pages are never photographed): the
// checks are the same. Two tabs check pages at the same time, each taking
// the next page when it is done (DOCS_CHECK_TABS=1: one; one on a single
// processor); every SVG is measured in one blank page.
//
// Needs only Node (18 or later) and Chromium: it speaks the DevTools protocol
// over --remote-debugging-pipe, so there is nothing to install from npm and
// no browser to download. CHROMIUM names the browser (default: chromium on
// PATH). Exit status: 0 all good, 1 a page failed a check, 2 usage or the
// browser would not start.

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const WIDTHS = [
  { name: "1280", width: 1280, height: 800, mobile: false },
  { name: "390", width: 390, height: 844, mobile: true },
];
const PAGE_TIMEOUT_MS = 20000;
// Smallest figure lettering, in CSS px, at each width.
const MIN_FIGURE_PX = { 1280: 13, 390: 11 };
// Words the search page must find.
const SEARCH_WORDS = ["Hessian", "flip_y"];

// The file in SITE/output/ that holds what a command printed (docs.sh
// names it the same way).
function output_name(command) {
  return command.replace(/[^A-Za-z0-9.-]+/g, "_").replace(/^[._]+/, "") + ".txt";
}

function usage(msg) {
  if (msg) console.error(`docs-check: ${msg}`);
  console.error("usage: node scripts/docs-check.mjs SITE-DIR SCREENSHOT-DIR");
  process.exit(2);
}

// ---- The pages -------------------------------------------------------------

function htmlFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(p));
    else if (entry.name.endsWith(".html")) out.push(p);
  }
  return out;
}

// index.html, then the pages in name order, then the hints.
function pagesOf(site) {
  const rel = htmlFiles(site).map((p) => path.relative(site, p));
  const rank = (r) => (r === "index.html" ? 0 : r.includes(path.sep) ? 2 : 1);
  return rel.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

// (not counting hidden files, such as make test's .book/ of the EPUB's
// chapters; a file that goes meanwhile, the EPUB's temporary one, counts 0)
function dirSize(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    try {
      total += entry.isDirectory() ? dirSize(p) : fs.statSync(p).size;
    } catch (err) {
      if (err.code !== "ENOENT") throw err;
    }
  }
  return total;
}

// ---- A minimal DevTools protocol client over the pipe -----------------------

class Browser {
  constructor(proc) {
    this.proc = proc;
    this.out = proc.stdio[3]; // Chromium reads commands from its fd 3
    this.next = 1;
    this.pending = new Map();
    this.listeners = new Set();
    let buffered = Buffer.alloc(0);
    proc.stdio[4].on("data", (chunk) => { // and writes replies to its fd 4
      buffered = Buffer.concat([buffered, chunk]);
      let end;
      while ((end = buffered.indexOf(0)) >= 0) {
        const msg = JSON.parse(buffered.subarray(0, end).toString("utf8"));
        buffered = buffered.subarray(end + 1);
        this.dispatch(msg);
      }
    });
    proc.on("exit", (code, signal) => {
      for (const { reject } of this.pending.values()) {
        reject(new Error(`Chromium exited (${signal || code})`));
      }
      this.pending.clear();
    });
  }

  dispatch(msg) {
    if (msg.id !== undefined) {
      const waiting = this.pending.get(msg.id);
      if (!waiting) return;
      this.pending.delete(msg.id);
      if (msg.error) waiting.reject(new Error(`${waiting.method}: ${msg.error.message}`));
      else waiting.resolve(msg.result);
    } else {
      for (const listener of this.listeners) listener(msg);
    }
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.next++;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.out.write(JSON.stringify(msg) + "\0");
    });
  }

  // Resolve with the first event `method` of `sessionId` (after this call).
  event(method, sessionId, timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no ${method} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const listener = (msg) => {
        if (msg.method === method && msg.sessionId === sessionId) {
          clearTimeout(timer);
          this.listeners.delete(listener);
          resolve(msg.params);
        }
      };
      this.listeners.add(listener);
    });
  }
}

function launch(profile, log) {
  const chromium = process.env.CHROMIUM || "chromium";
  const args = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    `--user-data-dir=${profile}`,
    "--remote-debugging-pipe",
    "--hide-scrollbars", "--mute-audio", "--disable-extensions",
    "--disable-dev-shm-usage", // containers often have a tiny /dev/shm
    "--no-default-browser-check", "--force-color-profile=srgb",
    // No name resolves: a page that reaches for the network fails to load it.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "about:blank",
  ];
  const logFd = fs.openSync(log, "w");
  const proc = spawn(chromium, args, { stdio: ["ignore", logFd, logFd, "pipe", "pipe"] });
  fs.closeSync(logFd);
  return new Promise((resolve, reject) => {
    proc.on("error", (err) => reject(new Error(`cannot run ${chromium}: ${err.message}`)));
    proc.on("spawn", () => resolve(new Browser(proc)));
  });
}

// ---- What runs inside each page --------------------------------------------

// Returns {problems, ids, links, images (their URLs), maths}. Runs with the <details> open.
const CHECK_PAGE = `(() => {
  const problems = [];
  const where = (el) => {
    const text = (el.getAttribute("alt") || el.textContent || "").trim().replace(/\\s+/g, " ");
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "") +
      (text ? ' "' + text.slice(0, 50) + (text.length > 50 ? "…" : "") + '"' : "");
  };
  const images = [];
  for (const img of document.images) {
    images.push(img.src);
    const src = img.getAttribute("src");
    if (!img.complete || img.naturalWidth === 0) problems.push("image did not load: " + src);
    else if (img.getBoundingClientRect().width === 0) problems.push("image has no width: " + src);
    if (!(img.getAttribute("alt") || "").trim()) problems.push("image without alt text: " + src);
    const fig = img.closest("figure");
    if (img.closest("main") && !(fig && fig.querySelector("figcaption")))
      problems.push("image without a caption: " + src);
  }
  let maths = 0;
  for (const m of document.querySelectorAll("math")) {
    maths++;
    const r = m.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0))
      problems.push("formula renders " + r.width + " x " + r.height + " px: " + where(m));
  }
  for (const e of document.querySelectorAll("merror"))
    problems.push("formula with an error: " + where(e));
  // TeX that never became MathML: a $...$ pandoc did not take for math, or
  // a TeX command in the running text.
  const tex = /\\$[^$\\s][^$]*\\$|\\\\(frac|hat|sum|sigma|lambda|mathbf|lVert|cdot|dots|ldots|left|right|begin|end|tfrac|partial|nabla|theta|eta|alpha|beta|mu|le|ge)\\b/;
  const text = document.createTreeWalker(document.querySelector("main") || document.body, NodeFilter.SHOW_TEXT);
  for (let node = text.nextNode(); node; node = text.nextNode()) {
    if (node.parentElement.closest("code, pre, math, script, style")) continue;
    const m = node.textContent.match(tex);
    if (m) problems.push("TeX left in the text: " + m[0].slice(0, 40));
  }
  // A listing that answers an exercise (data-answers="04") must be folded
  // behind a summary that says "try exercise 04 first".
  for (const l of document.querySelectorAll(".listing[data-answers]")) {
    const summary = l.closest("details")?.querySelector("summary")?.textContent || "";
    for (const nn of l.dataset.answers.split(" ")) {
      if (!/try exercises?\\s+/.test(summary) || !summary.includes(nn))
        problems.push("answer to exercise " + nn + " shown unfolded (fold it behind 'try exercise " + nn +
          " first'): " + (l.querySelector(".listing-source")?.textContent || "").trim());
    }
  }
  // Boxes of code wider than they show: they must scroll, with a cue.
  for (const pre of document.querySelectorAll("main pre")) {
    if (pre.scrollWidth <= pre.clientWidth + 1) continue;
    const st = getComputedStyle(pre);
    const scrolls = /(auto|scroll)/.test(st.overflowX);
    const cue = /gradient/.test(st.backgroundImage) && /local/.test(st.backgroundAttachment);
    if (!(scrolls && cue)) problems.push("code wider than its box (" + pre.scrollWidth + " px in " +
      pre.clientWidth + ") " + (scrolls ? "with no scroll cue" : "and cut off") + ": " + where(pre));
  }
  // Figures: the width each SVG is shown at (its lettering is read from the file).
  const figures = [...document.querySelectorAll("main img")]
    .filter((img) => /\\.svg$/i.test(img.getAttribute("src") || ""))
    .map((img) => ({ src: img.src, raw: img.getAttribute("src"), width: img.getBoundingClientRect().width }));
  // Formulas clipped by a box around them, and accents of no size.
  for (const m of document.querySelectorAll("math")) {
    let top = Infinity, bottom = -Infinity;
    for (const e of [m, ...m.querySelectorAll("*")]) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom);
    }
    for (const mo of m.querySelectorAll("mover > mo:last-child, munderover > mo:last-child")) {
      const r = mo.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) problems.push("formula accent renders with no size: " + where(m));
    }
    for (let box = m.parentElement; box && box !== document.body; box = box.parentElement) {
      const st = getComputedStyle(box);
      if (st.overflowY === "visible" && st.overflowX === "visible") continue;
      const r = box.getBoundingClientRect();
      const inner = r.top + box.clientTop, innerBottom = inner + box.clientHeight;
      if (top < inner - 0.5 || bottom > innerBottom + 0.5)
        problems.push("formula clipped by its box (" + Math.round(Math.max(inner - top, bottom - innerBottom)) +
          " px cut off): " + where(m));
      break;
    }
  }
  // A line that begins with the punctuation after an inline formula.
  for (const m of document.querySelectorAll("main math:not([display=block])")) {
    let n = m;
    while (!n.nextSibling && n.parentElement && getComputedStyle(n.parentElement).display === "inline") n = n.parentElement;
    const t = n.nextSibling;
    if (!t || t.nodeType !== Node.TEXT_NODE) continue;
    const lead = t.textContent.match(/^[.,;:!?)\\]”’…]/);
    if (!lead) continue;
    const range = document.createRange();
    range.setStart(t, 0); range.setEnd(t, 1);
    const c = range.getClientRects()[0], r = m.getBoundingClientRect();
    if (c && r.height > 0 && c.top >= r.bottom - 2)
      problems.push('a line begins with "' + lead[0] + '" after a formula: ' + where(m));
  }
  // Inline code broken inside a token.
  for (const code of document.querySelectorAll("code")) {
    if (code.closest("pre") || code.getClientRects().length < 2) continue;
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let prevTop = null, prevChar = "", prevLong = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const isLong = !!node.parentElement.closest(".long");
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        const ch = node.data[i];
        if (!rect) { prevChar = ch; continue; }
        if (prevTop !== null && rect.top > prevTop + 2 && !/\\s/.test(ch) && !/[\\s/]/.test(prevChar) &&
            !(isLong && prevLong)) {
          problems.push("inline code broken inside a token: " + where(code) + ' at "' + prevChar + "|" + ch + '"');
        }
        if (!/\\s/.test(ch)) prevTop = rect.top;
        prevChar = ch; prevLong = isLong;
      }
    }
  }
  // Squeezed table columns.
  for (const table of document.querySelectorAll("main table")) {
    if (getComputedStyle(table).display !== "table") continue;
    const tw = table.getBoundingClientRect().width;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const w = cell.getBoundingClientRect().width;
        if (w >= 0.15 * tw) continue;
        const st = getComputedStyle(cell);
        const lh = parseFloat(st.lineHeight) || 1.2 * parseFloat(st.fontSize);
        const lines = Math.round((cell.clientHeight - parseFloat(st.paddingTop) - parseFloat(st.paddingBottom)) / lh);
        if (lines > 6) {
          problems.push("table column squeezed to " + Math.round(100 * w / tw) + " % of its table, a cell wraps over " +
            lines + " lines: " + where(cell));
          break;
        }
      }
    }
  }
  // Program output shown in the notes.
  const outputs = [...document.querySelectorAll("pre[data-program]")].map((pre) =>
    ({ program: pre.dataset.program, text: pre.textContent }));
  const ids = [];
  const seen = new Set();
  for (const e of document.querySelectorAll("[id], a[name]")) {
    const id = e.id || e.getAttribute("name");
    if (seen.has(id)) problems.push("id used twice: " + id);
    seen.add(id);
    ids.push(id);
  }
  const links = [...document.querySelectorAll("a[href], link[href]")].map((a) =>
    ({ href: a.href, raw: a.getAttribute("href"), what: where(a) }));
  // Whole-page sideways overflow, and the outermost elements that stick out
  // without being inside something that scrolls.
  const width = document.documentElement.clientWidth;
  const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (scrollWidth > width + 1) {
    const culprits = [];
    const scrolls = (el) => /(auto|scroll|hidden|clip)/.test(getComputedStyle(el).overflowX);
    const walk = (el) => {
      for (const child of el.children) {
        const r = child.getBoundingClientRect();
        if (r.right > width + 1 || r.left < -1) { culprits.push(where(child) + " reaches " + Math.round(r.right) + " px"); continue; }
        if (!scrolls(child)) walk(child);
      }
    };
    walk(document.body);
    problems.push("the page is " + scrollWidth + " px wide in a " + width + " px window: " +
      (culprits.slice(0, 3).join("; ") || "no single element to blame"));
  }
  return { problems, ids, links, images, maths, figures, outputs };
})()`;

// ---- Figures: lettering big enough to read ----------------------------------

const svgCache = new Map();
// The SVG's width in its own units and its smallest font size, or null.
function svgLettering(file) {
  if (!svgCache.has(file)) {
    let info = null;
    try {
      const text = fs.readFileSync(file, "utf8");
      const open = text.match(/<svg\b[^>]*>/);
      const vb = open && open[0].match(/viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)/);
      const w = open && open[0].match(/\bwidth="([\d.]+)/);
      const width = vb ? parseFloat(vb[1]) : w ? parseFloat(w[1]) : 0;
      const sizes = [...text.matchAll(/<(?:g|text)\b[^>]*?font-size(?:="|:\s*)([\d.]+)/g)].map((m) => parseFloat(m[1]));
      if (width > 0 && sizes.length) info = { width, font: Math.min(...sizes) };
    } catch { info = null; }
    svgCache.set(file, info);
  }
  return svgCache.get(file);
}

function checkFigures(figures, widthName) {
  const problems = [];
  for (const f of figures) {
    if (!f.src.startsWith("file:") || f.width === 0) continue;
    const info = svgLettering(fileURLToPath(new URL(f.src)));
    if (!info) continue;
    const px = info.font * f.width / info.width;
    if (px < MIN_FIGURE_PX[widthName] - 0.05) {
      problems.push(`figure lettering ${px.toFixed(1)} px (font ${info.font} of ${info.width} units, shown ` +
        `${Math.round(f.width)} px wide), under ${MIN_FIGURE_PX[widthName]} px: ${f.raw}`);
    }
  }
  return problems;
}

// ---- Figures: no text outside the picture ----------------------------------

// Runs in a blank page, given an SVG file's text: the SVG is put in the page
// alone, at the size it has when opened on its own (its width and height, or
// the whole window), and every <text> whose rendered box reaches outside the
// SVG's viewBox (or its width and height), by more than half a unit, is
// returned as {text, left, right, top, bottom} (units past each edge). (The
// boxes are those of the SVG opened on its own, to the hundredth of a unit,
// and one blank page measures every figure, not one page load each.)
const SVG_TEXT_OUTSIDE = `((source) => {
  const parsed = new DOMParser().parseFromString(source, "image/svg+xml");
  const root = parsed.documentElement;
  if (!root || root.localName !== "svg" || parsed.querySelector("parsererror")) return [];
  const svg = document.importNode(root, true);
  if (!svg.hasAttribute("width")) svg.style.width = "100vw";
  if (!svg.hasAttribute("height")) svg.style.height = "100vh";
  document.body.style.margin = "0";
  document.body.replaceChildren(svg);
  const vb = svg.viewBox && svg.viewBox.baseVal;
  const box = vb && vb.width > 0 ? { x: vb.x, y: vb.y, w: vb.width, h: vb.height }
    : { x: 0, y: 0, w: svg.width.baseVal.value, h: svg.height.baseVal.value };
  // From screen pixels back to the SVG's own units.
  const toUnits = svg.getScreenCTM().inverse();
  const point = (x, y) => new DOMPoint(x, y).matrixTransform(toUnits);
  const out = [];
  for (const t of svg.querySelectorAll("text")) {
    const text = t.textContent.trim().replace(/\\s+/g, " ");
    const r = t.getBoundingClientRect();
    if (!text || r.width === 0) continue;
    const a = point(r.left, r.top), b = point(r.right, r.bottom);
    const past = { left: box.x - Math.min(a.x, b.x), right: Math.max(a.x, b.x) - (box.x + box.w),
                   top: box.y - Math.min(a.y, b.y), bottom: Math.max(a.y, b.y) - (box.y + box.h) };
    if (Object.values(past).some((v) => v > 0.5)) out.push({ text, ...past });
  }
  svg.remove();
  return out;
})`;

// The SVG's text without what it draws: every shape, mark and embedded
// picture (a self-closing <path>, <use>, <image>... with no id, which
// nothing can refer to), gone before the page parses it. A <text>'s box
// depends on its own glyphs and attributes and on those of the elements
// around it, never on its siblings' (no flow in SVG), so the boxes are
// those of the whole figure; parsing, laying out and copying the text alone
// costs the browser a fraction (a gnuplot figure holds hundreds of marks and
// a picture of thousands of bytes). A figure with a stylesheet (<style>,
// whose selectors could count siblings) is measured whole.
const DRAWING = /<(?:path|use|image|polygon|polyline|line|rect|circle|ellipse)\b(?:[^>"']|"[^"]*"|'[^']*')*\/>/g;
function textOnly(source) {
  if (/<style\b/.test(source)) return source;
  return source.replace(DRAWING, (element) => (/\sid\s*=/.test(element) ? element : ""));
}

// Every SVG under SITE, measured in one blank page: a map from its file to
// the problems of its text ("N units past the right edge").
async function svgTextOutside(browser, session, site) {
  const problems = new Map();
  const svgs = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".svg")) svgs.push(p);
    }
  };
  walk(site);
  await browser.send("Emulation.setDeviceMetricsOverride",
    { width: 1280, height: 800, deviceScaleFactor: 1, mobile: false }, session);
  const loaded = browser.event("Page.loadEventFired", session, PAGE_TIMEOUT_MS);
  await browser.send("Page.navigate", { url: "about:blank" }, session);
  await loaded;
  for (const file of svgs.sort()) {
    const found = await evaluate(browser, session,
      `${SVG_TEXT_OUTSIDE}(${JSON.stringify(textOnly(fs.readFileSync(file, "utf8")))})`);
    problems.set(file, found.map((f) => {
      const edges = ["left", "right", "top", "bottom"].filter((e) => f[e] > 0.5)
        .map((e) => `${Math.ceil(f[e])} units past the ${e} edge`);
      return `figure text outside the figure (${edges.join(", ")}): ${path.relative(site, file)} "` +
        f.text.slice(0, 50) + (f.text.length > 50 ? "…" : "") + '"';
    }));
  }
  return problems;
}

// ---- Program output: what the notes show is what the program prints --------

// The lines of `shown` must be lines of `printed`, in order and one after
// another; a line "..." (or "…") skips any number of printed lines.
// Returns null, or what differs.
function outputDiffers(shown, printed) {
  const want = shown.replace(/\n$/, "").split("\n").map((l) => l.trimEnd());
  const have = printed.replace(/\n$/, "").split("\n").map((l) => l.trimEnd());
  const match = (i, j) => { // want[i..] against have[j..]
    for (; i < want.length; i++, j++) {
      if (/^(\.\.\.|…)$/.test(want[i].trim())) {
        for (let k = j; k <= have.length; k++) if (match(i + 1, k) === null) return null;
        return { line: i + 1, text: want[i + 1] ?? "" };
      }
      if (j >= have.length || have[j] !== want[i]) return { line: i + 1, text: want[i] };
    }
    return null;
  };
  let best = null;
  for (let j = 0; j < Math.max(have.length, 1); j++) {
    const r = match(0, j);
    if (r === null) return null;
    if (!best || r.line > best.line) best = r;
  }
  return best;
}

function checkOutputs(outputs, site) {
  const problems = [];
  for (const o of outputs) {
    const file = path.join(site, "output", output_name(o.program));
    if (!fs.existsSync(file)) {
      problems.push(`program output of "${o.program}": nothing saved in ${path.relative(site, file)} (scripts/docs.sh runs the commands the notes show)`);
      continue;
    }
    const d = outputDiffers(o.text, fs.readFileSync(file, "utf8"));
    if (d) problems.push(`program output differs from what "${o.program}" prints, from line ${d.line}: "${d.text.trim().slice(0, 60)}"`);
  }
  return problems;
}

// ---- Checking one page -----------------------------------------------------

async function evaluate(browser, session, expression) {
  const r = await browser.send("Runtime.evaluate",
    { expression, returnByValue: true, awaitPromise: true }, session);
  if (r.exceptionDetails) {
    throw new Error(`script failed: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
  }
  return r.result.value;
}

const settle = "new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))";

const SHOTS = process.env.DOCS_CHECK_SHOTS !== "0";

// The page's height; and its screenshot in `file`, unless DOCS_CHECK_SHOTS=0
// or there is no file.
async function screenshot(browser, session, file) {
  const metrics = await browser.send("Page.getLayoutMetrics", {}, session);
  const { width, height } = metrics.cssContentSize;
  if (!SHOTS || !file) return Math.ceil(height);
  // optimizeForSpeed: a PNG compressed less, written in a third of the time
  // (the screenshots are for looking at, and the checks do not read them).
  const shot = await browser.send("Page.captureScreenshot", {
    format: "png",
    optimizeForSpeed: true,
    captureBeyondViewport: true,
    clip: { x: 0, y: 0, width: Math.ceil(width), height: Math.ceil(height), scale: 1 },
  }, session);
  fs.writeFileSync(file, Buffer.from(shot.data, "base64"));
  return Math.ceil(height);
}

async function checkPage(browser, session, site, rel, shots, events, svgOutside) {
  const url = pathToFileURL(path.join(site, rel)).href;
  const base = rel.replace(/\.html$/, "").split(path.sep).join("-");
  const shot = (name) => (shots ? path.join(shots, `${base}-${name}.png`) : null);
  const result = { rel, problems: [], ids: [], links: [], images: [], maths: 0, loadMs: 0, heights: {} };
  events.length = 0;
  const perWidth = [];
  const resize = (w) => browser.send("Emulation.setDeviceMetricsOverride", {
    width: w.width, height: w.height, deviceScaleFactor: 1, mobile: w.mobile,
  }, session);

  // The page as it opens, <details> closed, at each width in turn: its
  // height and its screenshots.
  for (const [i, w] of WIDTHS.entries()) {
    await resize(w);
    if (i === 0) {
      const start = performance.now();
      const loaded = browser.event("Page.loadEventFired", session, PAGE_TIMEOUT_MS);
      const nav = await browser.send("Page.navigate", { url }, session);
      if (nav.errorText) throw new Error(`cannot open ${url}: ${nav.errorText}`);
      await loaded;
      await evaluate(browser, session, "document.fonts.ready.then(() => true)");
      await evaluate(browser, session, settle);
      result.loadMs = performance.now() - start;
    } else {
      await evaluate(browser, session, settle);
    }
    result.heights[w.name] = await screenshot(browser, session, shot(w.name));
    if (w.mobile && process.env.DOCS_CHECK_DARK === "1") {
      await browser.send("Emulation.setEmulatedMedia",
        { features: [{ name: "prefers-color-scheme", value: "dark" }] }, session);
      await evaluate(browser, session, settle);
      await screenshot(browser, session, shot(`${w.name}-dark`));
      await browser.send("Emulation.setEmulatedMedia", { features: [] }, session);
    }
  }
  // Then every <details> open, for the checks, once: at the widths in the
  // opposite order, so that the page is laid out once per width and state
  // (the last width is the first, which the next page opens at).
  await evaluate(browser, session,
    "document.querySelectorAll('details:not([open])').forEach((d) => { d.open = true; }); true");
  for (const [i, w] of [...WIDTHS.entries()].reverse()) {
    if (i !== WIDTHS.length - 1) await resize(w);
    await evaluate(browser, session, settle);
    const found = await evaluate(browser, session, CHECK_PAGE);
    const outside = found.figures.filter((f) => f.src.startsWith("file:"))
      .flatMap((f) => svgOutside.get(fileURLToPath(new URL(f.src))) || []);
    perWidth[i] = [...found.problems, ...checkFigures(found.figures, w.name), ...new Set(outside)];
    if (i === 0) {
      Object.assign(result, { ids: found.ids, links: found.links, images: found.images, maths: found.maths });
      result.outputs = found.outputs;
    }
  }
  // A problem seen at every width is said once, without the width.
  const everywhere = perWidth.reduce((a, b) => a.filter((p) => b.includes(p)));
  result.problems = [...everywhere,
    ...perWidth.flatMap((list, i) => list.filter((p) => !everywhere.includes(p)).map((p) => `${WIDTHS[i].name} px: ${p}`))];
  result.problems.push(...events);
  result.problems.push(...checkOutputs(result.outputs, site));
  return result;
}

// What the browser reports on its own: console errors, failed loads, network.
function watch(browser, session, events) {
  browser.listeners.add((msg) => {
    if (msg.sessionId !== session) return;
    const p = msg.params;
    switch (msg.method) {
      case "Runtime.consoleAPICalled":
        if (p.type === "error" || p.type === "assert") {
          events.push(`console ${p.type}: ${p.args.map((a) => a.value ?? a.description).join(" ")}`);
        }
        break;
      case "Runtime.exceptionThrown":
        events.push(`script error: ${p.exceptionDetails.exception?.description || p.exceptionDetails.text}`);
        break;
      case "Log.entryAdded":
        if (p.entry.level === "error") events.push(`console error: ${p.entry.text}${p.entry.url ? " (" + p.entry.url + ")" : ""}`);
        break;
      case "Network.requestWillBeSent":
        if (!/^(file|data|about):/.test(p.request.url)) events.push(`fetches from the network: ${p.request.url}`);
        break;
      case "Network.loadingFailed":
        events.push(`failed to load (${p.errorText}): ${p.type || "resource"}`);
        break;
    }
  });
}

// ---- Figures: every one drawn is shown somewhere ---------------------------

function unusedFigures(site, results) {
  const dir = path.join(site, "fig");
  if (!fs.existsSync(dir)) return [];
  const shown = new Set(results.flatMap((r) => r.images));
  return fs.readdirSync(dir).filter((f) => /\.(svg|png)$/.test(f))
    .map((f) => path.join(dir, f)).filter((f) => !shown.has(f))
    .map((f) => `figure drawn but shown on no page: ${path.relative(site, f)}`);
}

// ---- Search: the search page finds what the notes say ------------------------

async function checkSearch(browser, session, site) {
  const page = path.join(site, "search.html");
  if (!fs.existsSync(page)) return [];
  const problems = [];
  for (const word of SEARCH_WORDS) {
    const url = pathToFileURL(page).href + "?q=" + encodeURIComponent(word);
    const loaded = browser.event("Page.loadEventFired", session, PAGE_TIMEOUT_MS);
    await browser.send("Page.navigate", { url }, session);
    await loaded;
    await evaluate(browser, session, settle);
    const hits = await evaluate(browser, session,
      `[...document.querySelectorAll("#search-results li a")].map((a) => a.getAttribute("href"))`);
    if (!hits || hits.length === 0) problems.push(`search for "${word}" finds nothing`);
  }
  return problems;
}

// ---- Links, once every page's ids are known ---------------------------------

const idCache = new Map();
function idsOf(file, checked) {
  if (checked.has(file)) return checked.get(file);
  if (!idCache.has(file)) {
    const text = fs.readFileSync(file, "utf8");
    idCache.set(file, new Set([...text.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => m[1])));
  }
  return idCache.get(file);
}

function checkLinks(result, site, checked, external) {
  const problems = [];
  for (const link of result.links) {
    let url;
    try { url = new URL(link.href); } catch { problems.push(`bad link ${link.raw}: ${link.what}`); continue; }
    if (url.protocol === "http:" || url.protocol === "https:") { external.add(url.href); continue; }
    if (url.protocol === "mailto:") continue;
    if (url.protocol !== "file:") { problems.push(`link to ${url.protocol} ${link.raw}: ${link.what}`); continue; }
    const file = fileURLToPath(new URL(url.pathname, url));
    if (!fs.existsSync(file)) { problems.push(`link to a missing file ${link.raw}: ${link.what}`); continue; }
    const anchor = decodeURIComponent(url.hash.slice(1));
    if (anchor && file.endsWith(".html") && !idsOf(file, checked).has(anchor)) {
      problems.push(`link to a missing anchor ${link.raw}: ${link.what}`);
    }
  }
  return problems;
}

// ---- Tabs: pages checked two at a time -------------------------------------

// A tab of its own window, with focus emulated (a tab behind another gets no
// animation frames, and the checks wait for two of them): its session, and
// what the browser reports in it.
async function openTab(browser) {
  const { targetId } = await browser.send("Target.createTarget", { url: "about:blank", newWindow: true });
  const { sessionId } = await browser.send("Target.attachToTarget", { targetId, flatten: true });
  for (const domain of ["Page", "Runtime", "Log", "Network"]) {
    await browser.send(`${domain}.enable`, {}, sessionId);
  }
  await browser.send("Emulation.setFocusEmulationEnabled", { enabled: true }, sessionId);
  const events = [];
  watch(browser, sessionId, events);
  return { session: sessionId, events };
}

// Run each job (a function of a tab) in the first tab that is free, in order.
async function runJobs(tabs, jobs) {
  let next = 0;
  await Promise.all(tabs.map(async (tab) => {
    while (next < jobs.length) await jobs[next++](tab);
  }));
}

// ---- A site's report --------------------------------------------------------

// The report of one site, as lines, and its number of failures (pages that
// failed, plus problems of the whole site).
function report(check, log) {
  const { site, shots, results } = check;
  const lines = [];
  let failed = 0;
  for (const r of results) {
    r.images = r.images.filter((src) => src.startsWith("file:")).map((src) => fileURLToPath(new URL(src)));
  }
  const siteProblems = [...unusedFigures(site, results), ...check.searchProblems];
  const checked = new Map(results.map((r) => [path.join(site, r.rel), new Set(r.ids)]));
  const external = new Set();
  let links = 0, images = 0, maths = 0;
  for (const r of results) {
    r.problems.push(...checkLinks(r, site, checked, external));
    links += r.links.length; images += r.images.length; maths += r.maths;
    const ok = r.problems.length === 0;
    if (!ok) failed++;
    lines.push(`${ok ? "ok  " : "FAIL"}  ${r.rel.padEnd(34)} ${String(Math.round(r.loadMs)).padStart(5)} ms  ` +
      `${String(r.images.length).padStart(2)} figures ${String(r.maths).padStart(4)} formulas  ` +
      `${r.heights["1280"] ?? "?"}/${r.heights["390"] ?? "?"} px tall`);
    for (const p of r.problems) lines.push(`      ${p}`);
  }
  if (siteProblems.length) {
    lines.push("FAIL  (site)");
    for (const p of siteProblems) lines.push(`      ${p}`);
  }
  const slowest = results.reduce((a, b) => (b.loadMs > a.loadMs ? b : a));
  lines.push(`docs-check: ${results.length} pages, ${images} figures, ${maths} formulas, ` +
    `${links} links (${external.size} to the web, not followed); site ${(dirSize(site) / 1024).toFixed(0)} kB; ` +
    `slowest ${slowest.rel} (${Math.round(slowest.loadMs)} ms)` +
    (shots && SHOTS ? `; screenshots in ${path.relative(process.cwd(), shots) || "."}/` : ""));
  if (failed) lines.push(`docs-check: ${failed} of ${results.length} pages FAILED (Chromium's own log: ${path.relative(process.cwd(), log)})`);
  if (siteProblems.length) {
    lines.push(`docs-check: ${siteProblems.length} problems of the whole site`);
    failed += siteProblems.length;
  }
  return { lines, failed };
}

// ---- Main ------------------------------------------------------------------

async function main() {
  const argv = process.argv.slice(2);
  // --selftest DIR: also check DIR/site, the site of scripts/docs-check-selftest.sh
  // (one mistake of each kind), in the same browser; its report goes to
  // DIR/report.txt and its exit status to DIR/status, for that script to judge.
  let selftest = null;
  if (argv[0] === "--selftest") {
    if (!argv[1]) usage("--selftest needs a folder");
    selftest = path.resolve(argv[1]);
    argv.splice(0, 2);
  }
  const [siteArg, shotsArg] = argv;
  if (!siteArg || !shotsArg || argv.length > 2) usage();
  const site = path.resolve(siteArg);
  const shots = path.resolve(shotsArg);
  if (!fs.existsSync(path.join(site, "index.html"))) usage(`no ${siteArg}/index.html: build the notes first (make docs)`);
  if (selftest && !fs.existsSync(path.join(selftest, "site", "index.html"))) usage(`no ${argv[1]}/site/index.html`);
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  // The sites to check: the notes, and the self-test's (never photographed).
  const checks = [{ site, shots, pages: pagesOf(site), results: [], searchProblems: [] }];
  if (selftest) {
    const sub = path.join(selftest, "site");
    checks.push({ site: sub, shots: null, pages: pagesOf(sub), results: [], searchProblems: [] });
  }

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "docs-check-"));
  const log = path.join(shots, "chromium.log");
  let browser;
  try {
    browser = await launch(profile, log);
  } catch (err) {
    console.error(`docs-check: ${err.message}`);
    process.exit(2);
  }
  // Ask the browser to quit, wait until it has (it writes to its profile to
  // the end), then remove the profile.
  const cleanup = async () => {
    const exited = new Promise((resolve) => {
      if (browser.proc.exitCode !== null || browser.proc.signalCode !== null) resolve();
      else browser.proc.once("exit", resolve);
    });
    const timer = setTimeout(() => browser.proc.kill("SIGKILL"), 5000);
    browser.send("Browser.close").catch(() => browser.proc.kill("SIGKILL"));
    await exited;
    clearTimeout(timer);
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  process.on("SIGINT", () => { browser.proc.kill("SIGKILL"); process.exit(130); });

  // Each check's failures; -1: the browser failed.
  const failures = checks.map(() => -1);
  const reports = checks.map(() => []);
  try {
    // Two tabs (one on a single processor), each taking the next page as it
    // is done; the checks of one page are the same in either.
    const tabs = [];
    const count = Math.max(1, Math.min(2, Number(process.env.DOCS_CHECK_TABS) || os.cpus().length));
    for (let i = 0; i < count; i++) tabs.push(await openTab(browser));
    await runJobs(tabs, checks.map((c) => async (tab) => {
      c.svgOutside = await svgTextOutside(browser, tab.session, c.site);
    }));
    await runJobs(tabs, checks.flatMap((c) => c.pages.map((rel, i) => async (tab) => {
      try {
        c.results[i] = await checkPage(browser, tab.session, c.site, rel, c.shots, tab.events, c.svgOutside);
      } catch (err) {
        c.results[i] = { rel, problems: [err.message], ids: [], links: [], images: [], maths: 0, loadMs: 0, heights: {} };
      }
    })));
    await runJobs(tabs, checks.map((c) => async (tab) => {
      c.searchProblems = await checkSearch(browser, tab.session, c.site);
    }));
    checks.forEach((c, i) => {
      const r = report(c, log);
      reports[i] = r.lines;
      failures[i] = r.failed;
    });
  } catch (err) {
    const msg = `docs-check: ${err.message} (Chromium's log: ${log})`;
    reports.forEach((lines) => lines.push(msg));
  } finally {
    await cleanup();
  }
  const status = (failed) => (failed === 0 ? 0 : failed > 0 ? 1 : 2);
  if (selftest) {
    fs.writeFileSync(path.join(selftest, "report.txt"), reports[1].map((l) => l + "\n").join(""));
    fs.writeFileSync(path.join(selftest, "status"), `${status(failures[1])}\n`);
  }
  for (const line of reports[0]) (failures[0] < 0 ? console.error : console.log)(line);
  process.exit(status(failures[0]));
}

main();
