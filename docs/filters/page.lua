-- page.lua: what every page needs around its text.
--
-- build-docs.sh passes, as metadata (-M):
--   lr-root     relative path from the page to OUTDIR ("" or "../")
--   lr-srcroot  relative path from the page to the repository root
--   lr-pagedir  the folder the page's HTML goes to (to check local links)
--   lr-index    docs/index.md, on every page but the index itself
--   lr-prev     the previous page's markdown file, if there is one
--   lr-next     the next page's markdown file, if there is one
--   lr-up       for a hint: its chapter's markdown file
--   lr-book     every page's markdown file, in order (the book's contents)
-- From them this filter sets the template's variables home, prev, next and up
-- (each with .href and .title, the title read from that file's front matter),
-- book (the same for every page of lr-book, with .current on this page's),
-- site-title, source (.href, .path), files (the chapter's files, as a
-- list), and pagetitle (the <title>) with any
-- math in the title spelled in Unicode rather than TeX. It also
--   - stops the build when the page has no title;
--   - checks links: a relative link to NAME.html needs docs/NAME.md, any other
--     relative link must point at an existing file; `repo:PATH` links to a
--     file of the repository (PATH relative to its root, which must exist);
--   - highlights a ```sh block as bash (the same syntax: pandoc's highlighter
--     finds it by the name "bash" at once, by "sh" only after a slow search);
--   - wraps tables and display math so that they scroll sideways on a phone,
--     labels each table cell with its column's heading (data-label), and
--     marks two-column tables, which a phone shows stacked ("stack").

package.path = (PANDOC_SCRIPT_FILE:match("^(.*)/") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local page, fail, exists = common.page, common.fail, common.exists
local plain = require("plaintext").inlines
local meta_string = pandoc.utils.stringify

local function dirname(path)
  return path:match("^(.*)/[^/]*$") or "."
end

-- "docs/hints/../03-x.md" -> "docs/03-x.md"
local function normalise(path)
  local parts = {}
  for part in path:gmatch("[^/]+") do
    if part == ".." and #parts > 0 and parts[#parts] ~= ".." then
      table.remove(parts)
    elseif part ~= "." then
      parts[#parts + 1] = part
    end
  end
  return table.concat(parts, "/")
end

-- A path relative to the page's folder in docs/ (which mirrors OUTDIR).
local function relative(from_dir, to)
  local a, b = {}, {}
  for p in normalise(from_dir):gmatch("[^/]+") do a[#a + 1] = p end
  for p in normalise(to):gmatch("[^/]+") do b[#b + 1] = p end
  local i = 1
  while i <= #a and i < #b and a[i] == b[i] do i = i + 1 end
  local out = {}
  for _ = i, #a do out[#out + 1] = ".." end
  for j = i, #b do out[#out + 1] = b[j] end
  return table.concat(out, "/")
end

-- The title in the YAML front matter of a markdown file, as inlines.
local function title_of(md)
  local f = io.open(md, "r")
  if not f then fail("cannot read " .. md) end
  local text = f:read("a")
  f:close()
  local front = text:match("^%-%-%-\r?\n(.-\n)%-%-%-") or text:match("^%-%-%-\r?\n(.-\n)%.%.%.")
  local title
  if front then
    local ok, doc = pcall(pandoc.read, "---\n" .. front .. "---\n", "markdown")
    if not ok then
      fail(md .. ": its front matter is not valid YAML: " .. tostring(doc):gsub("%s+", " "))
    end
    title = doc.meta.title
  end
  if not title or meta_string(title) == "" then
    fail(md .. ": no title in the front matter (start the file with ---, title: \"...\", ---)")
  end
  return title
end

local srcroot, pagedir = ".", "."

-- The box under a chapter's title (and its hint's): the chapter's program,
-- exercise, the exercise's tests and the hint, each linked, with the command
-- that runs it; nil for other pages. The files are found by the page's name:
-- docs/NN-name.md (or docs/hints/NN-name.md) goes with chapters/NN-name.c,
-- exercises/NN-name.c, tests/exercises/test-NN-name.c, docs/hints/NN-name.md.
local function chapter_files(here)
  local function repo_link(path)
    return pandoc.Link({ pandoc.Code(path) }, "repo:" .. path) -- made relative by link() below
  end
  local function label(text)
    return pandoc.Span({ pandoc.Str(text) }, pandoc.Attr("", { "label" }))
  end
  local name = page():match("^docs/(%d%d%-[^/]*)%.md$") or page():match("^docs/hints/(%d%d%-[^/]*)%.md$")
  if not name then return nil end
  local nn = name:sub(1, 2)
  local function file(path) return exists(path) and path or nil end
  local program, exercise = file("chapters/" .. name .. ".c"), file("exercises/" .. name .. ".c")
  local tests, hint = file("tests/exercises/test-" .. name .. ".c"), file("docs/hints/" .. name .. ".md")
  local items = {}
  if program then
    items[#items + 1] = { pandoc.Plain({ label("Program"), pandoc.Space(), repo_link(program),
      pandoc.Str(" — run it: "), pandoc.Code("make chapter-" .. nn .. " && ./chapter-" .. nn) }) }
  end
  if exercise then
    local line = { label("Exercise"), pandoc.Space(), repo_link(exercise),
      pandoc.Str(" — check it: "), pandoc.Code("make check EX=" .. nn) }
    items[#items + 1] = { pandoc.Plain(line) }
  end
  if tests then
    items[#items + 1] = { pandoc.Plain({ label("Tests"), pandoc.Space(), repo_link(tests),
      pandoc.Str(" — what the check runs") }) }
  end
  if hint and hint ~= page() then
    local href = relative(here, hint):gsub("%.md$", ".html")
    items[#items + 1] = { pandoc.Plain({ label("Hint"), pandoc.Space(),
      pandoc.Link({ pandoc.Str("a nudge, without the code") }, href),
      pandoc.Str(", or "), pandoc.Code("make hint EX=" .. nn) }) }
  end
  if #items == 0 then return nil end
  return pandoc.MetaBlocks({ pandoc.BulletList(items) })
end

local function settings(meta)
  if not meta.title or meta_string(meta.title) == "" then
    fail("no title in the front matter (start the file with ---, title: \"...\", ---)")
  end
  srcroot = meta["lr-srcroot"] and meta_string(meta["lr-srcroot"]) or "."
  pagedir = meta["lr-pagedir"] and meta_string(meta["lr-pagedir"]) or "."
  local here = dirname(page())

  local function neighbour(key)
    if not meta[key] then return nil end
    local md = meta_string(meta[key])
    return pandoc.MetaMap({
      href = pandoc.MetaString((relative(here, md):gsub("%.md$", ".html"))),
      title = title_of(md),
    })
  end
  meta.home = neighbour("lr-index")
  meta.prev = neighbour("lr-prev")
  meta.next = neighbour("lr-next")
  meta.up = neighbour("lr-up")
  if meta["lr-book"] then
    local book = {}
    for _, item in ipairs(meta["lr-book"]) do
      local md = meta_string(item)
      book[#book + 1] = pandoc.MetaMap({
        href = pandoc.MetaString((relative(here, md):gsub("%.md$", ".html"))),
        title = title_of(md),
        current = md == page() or nil,
      })
    end
    meta.book = pandoc.MetaList(book)
  end
  if not meta.pagetitle then meta.pagetitle = pandoc.MetaString(plain(meta.title)) end
  if meta.home then meta["site-title"] = pandoc.MetaString(plain(meta.home.title)) end
  meta.files = chapter_files(here)
  meta.source = pandoc.MetaMap({
    href = pandoc.MetaString(srcroot .. "/" .. page()),
    path = pandoc.MetaString(page()),
  })
  return meta
end

local function link(el)
  local target = el.target
  local path = target:gsub("[?#].*$", "")
  if target:match("^repo:") then
    path = target:sub(6):gsub("[?#].*$", "")
    if path == "" or path:match("^/") or not exists(path) then
      fail("link " .. target .. ": no file " .. path .. " in the repository")
    end
    el.target = srcroot .. "/" .. target:sub(6)
  elseif path == "" or target:match("^%a[%w+.-]*:") or target:match("^//") or path:match("^/") then
    return nil -- same page, other site or absolute: nothing to check
  elseif path:match("%.html$") then
    local md = normalise(dirname(page()) .. "/" .. path:gsub("%.html$", ".md"))
    if not exists(md) then
      fail("link " .. target .. ": no page " .. md .. " to render it from")
    end
  elseif path:match("%.md$") and exists(normalise(dirname(page()) .. "/" .. path)) then
    fail("link " .. target .. ": link the page as it is published, " .. path:gsub("%.md$", ".html"))
  elseif not exists(pagedir .. "/" .. path) then
    fail("link " .. target .. ": no such file next to the page (use repo:PATH to link a file of the repository)")
  end
  return el
end

return {
  { Meta = settings },
  {
    Link = link,
    CodeBlock = function(el)
      for i, class in ipairs(el.classes) do
        if class == "sh" then el.classes[i] = "bash" return el end
      end
    end,
    Math = function(el)
      if el.mathtype == "DisplayMath" then
        return pandoc.Span({ el }, pandoc.Attr("", { "display-math" }))
      end
    end,
    Table = function(el)
      -- Each cell carries its column's heading, for tables that a phone
      -- shows as cards (a `::: cards` div around the table).
      local head = el.head.rows[#el.head.rows]
      if head then
        for _, body in ipairs(el.bodies) do
          for _, row in ipairs(body.body) do
            for i, cell in ipairs(row.cells) do
              local heading = head.cells[i] and plain(pandoc.utils.blocks_to_inlines(head.cells[i].contents)) or ""
              if heading ~= "" then cell.attributes["data-label"] = heading end
            end
          end
        end
      end
      -- A two-column table (a term and its explanation) stacks on a phone.
      local classes = { "table-wrap" }
      if #el.colspecs == 2 then classes[#classes + 1] = "stack" end
      return pandoc.Div({ el }, pandoc.Attr("", classes))
    end,
  },
}
