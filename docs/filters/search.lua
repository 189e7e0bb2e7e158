-- search.lua: the page's text, section by section, for the notes' search.
--
-- build-docs.sh passes lr-search-out, a file to write, and lr-search-href,
-- the page's address from the site's root ("04-decision-boundary.html").
-- The file gets one JSON object per line, one per section (the text before
-- the first heading, then each ## or ### section): the page's title, the
-- section's heading and id, and its text with formulas spelled in Unicode
-- and code as it is. build-docs.sh joins the pages' files into
-- search-index.js, which search.html reads with a <script> (a page opened
-- from file:// may not fetch files, but it may run scripts beside it).
-- The page itself is left unchanged.

package.path = (PANDOC_SCRIPT_FILE:match("^(.*)/") or ".") .. "/?.lua;" .. package.path
local plaintext = require("plaintext")
local stringify = pandoc.utils.stringify

local function json_string(s)
  s = s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' end
    if c == "\\" then return "\\\\" end
    if c == "\n" then return "\\n" end
    if c == "\t" then return "\\t" end
    return string.format("\\u%04x", c:byte())
  end)
  return '"' .. s .. '"'
end

-- The text of some inlines, formulas in Unicode, code as written.
local function inline_text(inlines)
  local parts = {}
  pandoc.Inlines(inlines):walk({
    Str = function(el) parts[#parts + 1] = el.text end,
    Space = function() parts[#parts + 1] = " " end,
    SoftBreak = function() parts[#parts + 1] = " " end,
    LineBreak = function() parts[#parts + 1] = " " end,
    Code = function(el) parts[#parts + 1] = el.text end,
    Math = function(el) parts[#parts + 1] = " " .. plaintext.tex(el.text) .. " " end,
  })
  return table.concat(parts)
end

-- The text of some blocks, one after the other with a space between.
local function text_of(blocks)
  local parts = {}
  local function add(list)
    for _, b in ipairs(list) do
      if b.t == "Para" or b.t == "Plain" or b.t == "Header" then
        parts[#parts + 1] = inline_text(b.content)
      elseif b.t == "CodeBlock" or b.t == "RawBlock" then
        if b.t == "CodeBlock" then parts[#parts + 1] = b.text end
      elseif b.t == "BulletList" or b.t == "OrderedList" then
        for _, item in ipairs(b.content) do add(item) end
      elseif b.t == "DefinitionList" then
        for _, item in ipairs(b.content) do
          parts[#parts + 1] = inline_text(item[1])
          for _, def in ipairs(item[2]) do add(def) end
        end
      elseif b.t == "Table" then
        parts[#parts + 1] = pandoc.utils.stringify(b)
      elseif b.content then
        add(b.content)
      end
    end
  end
  add(blocks)
  return (table.concat(parts, " "):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

local function page(doc)
  local out = doc.meta["lr-search-out"] and stringify(doc.meta["lr-search-out"])
  if not out or doc.meta["lr-search-page"] then return nil end
  local href = stringify(doc.meta["lr-search-href"] or "")
  local title = doc.meta.title and plaintext.inlines(doc.meta.title) or href
  local sections = { { heading = "", id = "", blocks = {} } }
  for _, block in ipairs(doc.blocks) do
    if block.t == "Header" and block.level <= 3 then
      sections[#sections + 1] = { heading = plaintext.inlines(block.content), id = block.identifier, blocks = {} }
    else
      table.insert(sections[#sections].blocks, block)
    end
  end
  local f = assert(io.open(out, "w"))
  for _, s in ipairs(sections) do
    local text = text_of(s.blocks)
    if text ~= "" or s.heading ~= "" then
      f:write("{\"page\":", json_string(title), ",\"href\":", json_string(href .. (s.id ~= "" and "#" .. s.id or "")),
        ",\"section\":", json_string(s.heading), ",\"text\":", json_string(text), "}\n")
    end
  end
  f:close()
  return nil
end

return { { Pandoc = page } }
