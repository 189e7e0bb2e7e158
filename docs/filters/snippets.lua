-- snippets.lua: fill empty code blocks with code from the real sources.
--
--   ```{.c file="lib/activation.c" snippet="sigmoid"}
--   ```
--
-- becomes the lines strictly between `// [snippet sigmoid]` and
-- `// [end sigmoid]` in lib/activation.c (`# [snippet NAME]` in a Makefile or
-- a shell script) (path relative to the repository
-- root, where scripts/build-docs.sh runs pandoc), with their common leading
-- indentation removed. Without `snippet=`, the whole file. Marker lines of
-- other snippets inside the listing are dropped. Under each listing goes a
-- link line to the file (the metadata field lr-srcroot is the relative path
-- from the page's folder to the repository root, set by build-docs.sh).
--
-- A missing file, a missing, repeated, unterminated or empty snippet, or a
-- fenced block with `file=` that is not empty stops the build: pandoc exits
-- with status 1 and one line on stderr naming the page, the file and the
-- snippet.

package.path = (PANDOC_SCRIPT_FILE:match("^(.*)/") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local page, fail = common.page, common.fail

local srcroot = "."

local function trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

-- The name in a marker line `// [snippet NAME]` or `// [end NAME]`, or nil.
local function marker(line)
  local t = trim(line)
  local kind, name = t:match("^//%s*%[(%a+)%s+([^%]]+)%]$")
  if not kind then kind, name = t:match("^#%s*%[(%a+)%s+([^%]]+)%]$") end
  if kind == "snippet" or kind == "end" then return kind, trim(name) end
  return nil
end

local function read_lines(file)
  local f = io.open(file, "r")
  if not f then
    fail(file .. ": no such file (code listings name a file relative to the repository root)")
  end
  local lines = {}
  for line in f:lines() do lines[#lines + 1] = (line:gsub("\r$", "")) end
  f:close()
  return lines
end

-- Lines first..last of `lines`, without marker lines.
local function body(lines, first, last)
  local out = {}
  for i = first, last do
    if not marker(lines[i]) then out[#out + 1] = lines[i] end
  end
  return out
end

-- Find the snippet `name`; return the line numbers strictly inside it.
local function find(lines, file, name)
  local start, stop
  for i, line in ipairs(lines) do
    local kind, n = marker(line)
    if n == name then
      if kind == "snippet" then
        if start then
          fail(string.format("%s: snippet '%s' starts twice (lines %d and %d)", file, name, start, i))
        end
        start = i
      elseif start and not stop then
        stop = i
      end
    end
  end
  if not start then
    fail(string.format("%s: no snippet '%s' (expected a line '// [snippet %s]')", file, name, name))
  end
  if not stop then
    fail(string.format("%s: snippet '%s' is unterminated (line %d opens it, no '// [end %s]' follows)",
      file, name, start, name))
  end
  return start + 1, stop - 1
end

-- Remove blank lines at both ends and the indentation all lines share.
local function tidy(lines)
  while #lines > 0 and lines[1]:match("^%s*$") do table.remove(lines, 1) end
  while #lines > 0 and lines[#lines]:match("^%s*$") do table.remove(lines) end
  local indent
  for _, line in ipairs(lines) do
    if not line:match("^%s*$") then
      local lead = line:match("^[ \t]*")
      if not indent then
        indent = lead
      else
        local k = 0
        while k < #indent and k < #lead and indent:byte(k + 1) == lead:byte(k + 1) do k = k + 1 end
        indent = indent:sub(1, k)
      end
    end
  end
  indent = indent or ""
  for i, line in ipairs(lines) do
    lines[i] = line:sub(1, #indent) == indent and line:sub(#indent + 1) or (line:gsub("^%s+$", ""))
  end
  return lines
end

local languages = { c = "c", h = "c", sh = "bash", mk = "makefile", py = "python" }

-- docs/answers.txt: "NN[,NN] FILE SNIPPET" for each listing that answers an
-- exercise. Such a listing is marked data-answers="NN NN" in the HTML, and
-- make docs-check fails unless it is folded behind "try exercise NN first".
local answers = {}
do
  local f = io.open("docs/answers.txt", "r")
  for line in (f and f:lines() or function() return nil end) do
    local nns, file, name = line:match("^(%d[%d,]*)%s+(%S+)%s+(%S+)%s*$")
    if nns then answers[file .. "#" .. name] = (nns:gsub(",", " ")) end
  end
  if f then f:close() end
end

local function listing(el)
  local file = el.attributes.file
  if not file then return nil end
  local name = el.attributes.snippet
  local what = name and string.format("%s, snippet '%s'", file, name) or file
  if trim(el.text) ~= "" then
    fail(what .. ": a listing with file= must be an empty fenced block (the code comes from the file)")
  end
  if file:match("^/") or file:match("^%a[%w+.-]*:") then
    fail(what .. ": give the file relative to the repository root, like lib/activation.c")
  end
  if name == "" then fail(file .. ": snippet= is empty") end

  local lines = read_lines(file)
  local first, last = 1, #lines
  if name then first, last = find(lines, file, name) end
  -- Drop blank and marker lines at both ends, so the line range is exact.
  local function idle(i) return lines[i]:match("^%s*$") or marker(lines[i]) end
  while first <= last and idle(first) do first = first + 1 end
  while last >= first and idle(last) do last = last - 1 end
  local code = tidy(body(lines, first, last))
  if #code == 0 then fail(what .. ": the listing is empty") end

  el.text = table.concat(code, "\n")
  el.attributes.file = nil
  el.attributes.snippet = nil
  if #el.classes == 0 then
    local ext = file:match("%.(%w+)$") or file:match("([^/]+)$"):lower()
    local lang = languages[ext] or (ext == "makefile" and "makefile") or nil
    if lang then el.classes:insert(lang) end
  end

  local where = { pandoc.Link(pandoc.Code(file), srcroot .. "/" .. file) }
  if name then
    where[#where + 1] = pandoc.Str(string.format(" · lines %d–%d", first, last))
  end
  local attrs = {}
  if name and answers[file .. "#" .. name] then attrs.answers = answers[file .. "#" .. name] end
  return pandoc.Div({ el, pandoc.Div({ pandoc.Plain(where) }, pandoc.Attr("", { "listing-source" })) },
    pandoc.Attr("", { "listing" }, attrs))
end

return {
  {
    Meta = function(meta)
      if meta["lr-srcroot"] then srcroot = pandoc.utils.stringify(meta["lr-srcroot"]) end
    end,
  },
  { CodeBlock = listing },
}
