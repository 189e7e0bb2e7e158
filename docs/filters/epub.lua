-- epub.lua: turn one page of the notes into a chapter of the EPUB.
--
-- scripts/build-epub.sh renders every page to pandoc's JSON with page.lua,
-- snippets.lua, figures.lua and then this filter, and joins them into one
-- book. Pages that were separate files on the site become sections of one
-- document, so this filter
--   - puts the page's title first, as a level-1 heading (a chapter of the
--     book) followed by the list of the chapter's files (page.lua), the
--     heading's id the page's name ("03-gradient-descent"; a hint's is
--     "hint-03-gradient-descent"); a hint's headings go one level down, so the
--     hints sit together under one "Hints" chapter;
--   - prefixes every id on the page with that name ("03-gradient-descent--the-data"),
--     so that two pages' "notation" sections stay apart;
--   - spells the formulas in headings in Unicode (an e-reader's table of
--     contents cannot show MathML);
--   - rewrites links: "#x" to "#PAGE--x", "04-name.html" to "#04-name",
--     "04-name.html#x" to "#04-name--x", "hints/04-name.html" to
--     "#hint-04-name";
--   - unlinks links into the repository (a book has no repository beside it),
--     to other files beside the site, and of a figure to its own file,
--     keeping their text;
--   - makes figure paths relative to the site's root ("../fig/x.svg" in a
--     hint becomes "fig/x.svg"), where build-epub.sh looks for them.
-- build-epub.sh passes lr-srcroot as "@repo", so repository links are those
-- starting "@repo/". The metadata field lr-epub-title replaces the page's
-- title (the index page becomes the book's introduction).

package.path = (PANDOC_SCRIPT_FILE:match("^(.*)/") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local page = common.page
local tex = require("plaintext").tex
local meta_string = pandoc.utils.stringify

-- "docs/03-x.md" -> "03-x"; "docs/hints/03-x.md" -> "hint-03-x"
local function page_id(md)
  local name = md:match("([^/]+)%.md$") or md
  if md:match("hints/[^/]+$") then return "hint-" .. name end
  return name
end

local here = page_id(page())
local is_hint = page():match("hints/[^/]+$") ~= nil

local function prefixed(id)
  if id == "" then return id end
  return here .. "--" .. id
end

-- A site link to an in-book target, or nil when it is not one.
local function book_target(target)
  local path, anchor = target:match("^([^#]*)#?(.*)$")
  if path == "" then
    return anchor ~= "" and "#" .. prefixed(anchor) or nil
  end
  if target:match("^%a[%w+.-]*:") or target:match("^//") then return nil end
  local name = path:match("([^/]+)%.html$")
  if not name then return nil end
  local id = path:match("hints/[^/]+$") and "hint-" .. name or name
  -- from a hint, "../04-x.html" is a chapter; "04-x.html" is another hint
  if is_hint and not path:match("^%.%./") and not path:match("hints/") then id = "hint-" .. name end
  if path:match("^%.%./hints/") then id = "hint-" .. name end
  return "#" .. id .. (anchor ~= "" and "--" .. anchor or "")
end

-- An e-reader lists the headings in its table of contents, which cannot
-- hold MathML: their formulas are spelled in Unicode ("σ(z)") instead.
local function header(el)
  el.identifier = prefixed(el.identifier)
  el.content = el.content:walk({
    Math = function(m) return pandoc.Str(tex(m.text)) end,
  })
  return el
end

local function retarget(el)
  if el.identifier then el.identifier = prefixed(el.identifier) end
  return el
end

local function link(el)
  el.identifier = prefixed(el.identifier)
  if el.target:match("^@repo/") or el.classes:includes("zoom") then
    return el.content
  end
  local inside = book_target(el.target)
  if inside then
    el.target = inside
  elseif not el.target:match("^%a[%w+.-]*:") then
    return el.content -- a file beside the site (the book itself): not in the book
  end
  return el
end

local function image(el)
  el.identifier = prefixed(el.identifier)
  el.src = el.src:gsub("^%.%./", "")
  return el
end

-- figures.lua writes <figure id="..."> as raw HTML.
local function raw(el)
  if el.format == "html" then
    el.text = el.text:gsub('^(<figure id=")([^"]*)', function(open, id) return open .. prefixed(id) end)
  end
  return el
end

local function document(doc)
  local title = doc.meta["lr-epub-title"] or doc.meta.title
  if type(title) == "string" or (title and title.t == "MetaString") then
    title = pandoc.Inlines({ pandoc.Str(meta_string(title)) })
  end
  title = pandoc.Inlines(title):walk({
    Math = function(m) return pandoc.Str(tex(m.text)) end,
  })
  local blocks = pandoc.List()
  if is_hint then
    blocks = doc.blocks:walk({
      Header = function(h) h.level = h.level + 1 return h end,
    })
    blocks:insert(1, pandoc.Header(2, title, pandoc.Attr(here)))
  else
    blocks:insert(pandoc.Header(1, title, pandoc.Attr(here)))
    -- page.lua's list of the chapter's files (the first pass of this filter
    -- has already seen its links: pandoc walks the metadata too)
    local files = doc.meta.files
    if files and #files > 0 then
      blocks:insert(pandoc.Div(files, pandoc.Attr("", { "files" })))
    end
    blocks:extend(doc.blocks)
  end
  return pandoc.Pandoc(blocks, pandoc.Meta({}))
end

return {
  {
    Header = header, Div = retarget, Span = retarget, CodeBlock = retarget,
    Code = retarget, Table = retarget,
    Link = link, Image = image, RawBlock = raw,
  },
  { Pandoc = document },
}
