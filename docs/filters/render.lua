-- render.lua: every page of the notes in one pandoc run, for the site and
-- for the EPUB. Not a filter of the pages: scripts/build-docs.sh runs it as
-- the filter of an empty document, with what to do as metadata (-M):
--   lr-out       the site's folder (OUTDIR)
--   lr-stage     where the HTML pages go (build-docs.sh moves them into
--                OUTDIR once pandoc has succeeded, so a failed build writes
--                no page, not even half of one)
--   lr-index-dir where each page's search records go (search.lua)
--   lr-epub-dir  where each page goes as a chapter of the EPUB, in pandoc's
--                JSON (NAME.json, a hint hint-NAME.json), for
--                scripts/build-epub.sh
--   lr-srcroot   the path from OUTDIR to the repository root, and
--                lr-srcroot-hints from OUTDIR/hints
--   lr-page      every page, in order (docs/index.md first); lr-hint every
--                hint; lr-search the search page
-- Each page is read once. Then, for the site, page.lua, snippets.lua,
-- figures.lua, search.lua and typeset.lua run on it, with the metadata that
-- page.lua describes, and pandoc writes it with docs/template.html, its
-- contents (two levels) and MathML formulas; for the EPUB, page.lua,
-- snippets.lua, figures.lua, epub.lua and typeset.lua, with lr-srcroot
-- "@repo". The filters are loaded afresh for every page, as if pandoc ran
-- them on that page alone (common.page() names it). Any pandoc warning
-- fails the run (build-docs.sh passes --fail-if-warnings); the page it is
-- about is named under it.

local filters_dir = PANDOC_SCRIPT_FILE:match("^(.*)/") or "."
package.path = filters_dir .. "/?.lua;" .. package.path
local stringify = pandoc.utils.stringify

local chunks = {}
-- The filter NAME (docs/filters/NAME.lua) as pandoc would load it: its
-- file run afresh, so that what it keeps between elements starts anew.
local function filter(name)
  if not chunks[name] then
    chunks[name] = assert(loadfile(filters_dir .. "/" .. name .. ".lua"))
  end
  local f = chunks[name]()
  if f[1] == nil then f = { f } end -- one table, or a list of them
  return f
end

-- doc after the filters NAMES, one after the other, as --lua-filter runs them.
local function run(doc, names)
  for _, name in ipairs(names) do
    for _, f in ipairs(filter(name)) do
      doc = doc:walk(f)
    end
  end
  return doc
end

local function read_file(path)
  local f = io.open(path, "rb")
  if not f then
    io.stderr:write(path, ": cannot read it\n")
    os.exit(1)
  end
  local text = f:read("a")
  f:close()
  return text
end

local function write_file(path, text)
  local f = io.open(path, "wb")
  if not f or not f:write(text) or not f:close() then
    io.stderr:write("render.lua: cannot write ", path, "\n")
    os.exit(1)
  end
end

-- A metadata field given once or more (-M KEY:VALUE), as a list of strings.
local function list(meta, key)
  local v = meta[key]
  if v == nil then return {} end
  if type(v) == "table" and (v.t == "MetaList" or (v.t == nil and #v > 0)) then
    local out = {}
    for i, item in ipairs(v) do out[i] = stringify(item) end
    return out
  end
  return { stringify(v) }
end

-- Name, under pandoc's messages, the page they are about.
local seen = 0
local function messages_about(md)
  local n = #PANDOC_STATE.log
  if n > seen then
    io.stderr:write("  (", n - seen == 1 and "the message" or "the messages", " above: ", md, ")\n")
    seen = n
  end
end

local function exists(path)
  local f = io.open(path, "r")
  if f then f:close() return true end
  return false
end

local function name_of(md) return md:match("([^/]+)%.md$") end

local function Pandoc(dummy)
  local meta = dummy.meta
  local out = stringify(meta["lr-out"])
  local stage = stringify(meta["lr-stage"])
  local index_dir = stringify(meta["lr-index-dir"])
  local srcroot, srcroot_hints = stringify(meta["lr-srcroot"]), stringify(meta["lr-srcroot-hints"])
  local epub_dir = meta["lr-epub-dir"] and stringify(meta["lr-epub-dir"])
  local pages, hints = list(meta, "lr-page"), list(meta, "lr-hint")
  local search = meta["lr-search"] and stringify(meta["lr-search"])

  local template_path = "docs/template.html"
  local html_options = {
    template = pandoc.template.compile(read_file(template_path), template_path),
    table_of_contents = true, toc_depth = 2, html_math_method = "mathml",
  }
  local book = pandoc.MetaList({})
  for i, md in ipairs(pages) do book[i] = pandoc.MetaString(md) end

  -- render(md, html, settings, epub): one page (html relative to OUTDIR),
  -- with the metadata fields of settings on the site and those of epub (when
  -- not nil) in the book.
  local function render(md, html, settings, epub)
    LR_PAGE = md
    -- (with the options pandoc read the empty document with: --columns, and
    -- the abbreviations after which a space does not break)
    local doc = pandoc.read(read_file(md), "markdown", PANDOC_READER_OPTIONS)
    local hint = html:match("^hints/") ~= nil
    local pagedir = pandoc.MetaString(hint and out .. "/hints" or out)

    local site = doc:walk({}) -- a copy: the book starts from the page as read
    site.meta.lang = pandoc.MetaString("en")
    site.meta["lr-srcroot"] = pandoc.MetaString(hint and srcroot_hints or srcroot)
    site.meta["lr-pagedir"] = pagedir
    site.meta["lr-search-href"] = pandoc.MetaString(html)
    site.meta["lr-search-out"] = pandoc.MetaString(index_dir .. "/" .. html:gsub("/", "-") .. ".json")
    site.meta["lr-book"] = book
    for k, v in pairs(settings) do site.meta[k] = pandoc.MetaString(v) end
    site = run(site, { "page", "snippets", "figures", "search", "typeset" })
    local text = pandoc.write(site, "html5", html_options)
    messages_about(md)
    write_file(stage .. "/" .. html, text)

    if epub and epub_dir then
      doc.meta["lr-srcroot"] = pandoc.MetaString("@repo")
      doc.meta["lr-pagedir"] = pagedir
      for k, v in pairs(epub) do doc.meta[k] = pandoc.MetaString(v) end
      doc = run(doc, { "page", "snippets", "figures", "epub", "typeset" })
      local json = pandoc.write(doc, "json")
      messages_about(md)
      write_file(epub_dir .. "/" .. (hint and "hint-" or "") .. name_of(md) .. ".json", json)
    end
    LR_PAGE = nil
  end

  for i, md in ipairs(pages) do
    local settings = {}
    if i > 1 then
      settings["lr-index"] = "docs/index.md"
      settings["lr-prev"] = pages[i - 1]
    end
    if i < #pages then settings["lr-next"] = pages[i + 1] end
    local epub = {}
    if md == "docs/index.md" then epub["lr-epub-title"] = "About this workbook" end
    render(md, name_of(md) .. ".html", settings, epub)
  end
  for _, md in ipairs(hints) do
    local settings = { ["lr-root"] = "../", ["lr-index"] = "docs/index.md" }
    if exists("docs/" .. name_of(md) .. ".md") then settings["lr-up"] = "docs/" .. name_of(md) .. ".md" end
    render(md, "hints/" .. name_of(md) .. ".html", settings, {})
  end
  if search then
    render(search, "search.html", { ["lr-index"] = "docs/index.md", ["lr-search-page"] = "1" }, nil)
  end
  return pandoc.Pandoc({}, pandoc.Meta({}))
end

return { { Pandoc = Pandoc } }
