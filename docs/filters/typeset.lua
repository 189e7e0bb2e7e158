-- typeset.lua: the last filter on every page (site and EPUB): formulas as
-- MathML that browsers and e-readers set properly, and lines that break only
-- where a reader expects.
--
--   - Every formula becomes MathML here (pandoc's own converter, through
--     pandoc.write), then gets what pandoc 2.17 leaves out:
--       * alttext, the formula spelled in Unicode (plaintext.lua), for a
--         reader without MathML and for screen readers;
--       * a minus with nothing on its left (after "=", "(", "," or at the
--         start) is a sign, so it gets no space: "z = −1000", not "z = − 1000";
--       * accents are the spacing characters that a math font's MATH table
--         places (^ ~ ¯ ˙), not combining ones, which vanish in some
--         renderers; \hat is not stretched over its letter;
--       * \bigl( ... \bigr) and friends are taller than ordinary parentheses
--         (pandoc marks them "not stretchy", so they came out the same),
--         and brackets around nothing taller than a line are not stretched
--         (pandoc stretches all, and a stretched bracket is a size up);
--       * \mathbf{1} is written with bold letters (𝟏): browsers ignore
--         mathvariant="bold";
--       * \log, \max and the like are spaced as in TeX;
--       * a norm's bars \lVert \rVert are ‖ without spaces, not the
--         relation ∥ ("parallel to") that pandoc writes.
--   - Punctuation right after an inline formula, and an opening bracket or
--     quote right before one, are kept on the formula's line (a "nowrap"
--     span), so no line begins with the comma that ends a formula.
--   - Inline code breaks only at its spaces (and after a "/" of a path),
--     never inside a token such as `--seed` or `1e-15` ("tok" spans); a
--     token of more than 30 characters, too long for a phone, may break
--     anywhere ("long").
-- Headings keep their inline code as it is (the contents list repeats it).

package.path = (PANDOC_SCRIPT_FILE:match("^(.*)/") or ".") .. "/?.lua;" .. package.path
local tex = require("plaintext").tex

local function escape(s)
  return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end

---------------------------------------------------------------------------
-- MathML fixes

-- Unicode's mathematical bold letters and digits.
local function bold(text)
  return (text:gsub("[A-Za-z0-9]", function(c)
    local b = c:byte()
    if c:match("%u") then return utf8.char(0x1D400 + b - 65) end
    if c:match("%l") then return utf8.char(0x1D41A + b - 97) end
    return utf8.char(0x1D7CE + b - 48)
  end))
end

local accents = {
  ["\u{0302}"] = "^", ["\u{0303}"] = "~", ["\u{0304}"] = "\u{00AF}", ["\u{0307}"] = "\u{02D9}",
  ["\u{02C6}"] = "^", ["\u{02DC}"] = "~",
}
-- An operator after which a minus is a sign rather than a subtraction.
local closing = { [")"] = true, ["]"] = true, ["}"] = true, ["|"] = true, ["‖"] = true,
  ["⟩"] = true, ["!"] = true, ["′"] = true }
-- pandoc's \big, \Big, \bigg, \Bigg sizes, as heights in em.
local big = { ["1.2"] = "1.2em", ["1.623"] = "1.623em", ["2.047"] = "2.047em", ["2.470"] = "2.47em" }

local function fix_mathml(m)
  -- \mathbf{...}: bold letters in place of mathvariant.
  m = m:gsub('<mstyle mathvariant="bold">(.-)</mstyle>', function(inner)
    return (inner:gsub(">([^<]+)<", function(t) return ">" .. bold(t) .. "<" end))
  end)
  m = m:gsub('(<mi) mathvariant="bold"(>)([^<]*)', function(a, b, t) return a .. b .. bold(t) end)
  -- accents
  m = m:gsub('<mo accent="true">([^<]*)</mo>', function(a)
    return '<mo accent="true" stretchy="false">' .. (accents[a] or a) .. "</mo>"
  end)
  -- \lVert x \rVert: pandoc writes the relation "parallel to" (∥), which
  -- gets a relation's spaces; a norm's bars are U+2016 and hug their content.
  m = m:gsub('(<mo[^>]*form="[a-z]+"[^>]*)>∥</mo>', '%1 lspace="0" rspace="0">‖</mo>')
  -- \bigl( \bigr): stretchy, at least and at most that tall.
  m = m:gsub('minsize="([%d.]+)" maxsize="([%d.]+)" stretchy="false"', function(lo, hi)
    return 'minsize="' .. (big[lo] or lo .. "em") .. '" maxsize="' .. (big[hi] or hi .. "em") ..
      '" stretchy="true" symmetric="true"'
  end)
  -- The formula as a list of tags and texts.
  local tokens = {}
  local pos = 1
  while pos <= #m do
    local s, e = m:find("<[^>]*>", pos)
    if not s then tokens[#tokens + 1] = m:sub(pos) break end
    if s > pos then tokens[#tokens + 1] = m:sub(pos, s - 1) end
    tokens[#tokens + 1] = m:sub(s, e)
    pos = e + 1
  end
  -- A minus is a sign when what comes before it is not a term: an opening
  -- tag, or an operator other than a closing bracket.
  local last_mo, prev_tag = nil, nil
  for i, tok in ipairs(tokens) do
    if tok:sub(1, 1) == "<" then
      if tok == "<mo>" and (tokens[i + 1] == "−" or tokens[i + 1] == "+") and tokens[i + 2] == "</mo>" then
        local sign = prev_tag and not prev_tag:match("^</") and not prev_tag:match("/>$")
        if prev_tag == "</mo>" and last_mo and not closing[last_mo] then sign = true end
        if sign then tokens[i] = '<mo form="prefix" lspace="0" rspace="0">' end
      end
      if tok:match("^<mo[ >]") and tokens[i + 2] == "</mo>" then last_mo = tokens[i + 1] end
      prev_tag = tok
    end
  end
  -- \log, \max, \exp...: pandoc writes them as operators that are not in
  -- the browser's dictionary, so they get wide spaces on both sides ("− log
  -- 10"). TeX's spacing: a thin space on each side, none at the start of
  -- the formula or after an operator, none before an opening bracket.
  for i, tok in ipairs(tokens) do
    if tok == "<mo>" and tokens[i + 2] == "</mo>" and (tokens[i + 1] or ""):match("^%a%a+$") then
      local before = tokens[i - 1] or ""
      local first = before == "" or (before:sub(1, 1) == "<" and not before:match("^</")) or before == "</mo>"
      local after = (tokens[i + 3] or "") .. (tokens[i + 4] or "")
      local bracket = after:match('^<mo[^>]*form="prefix"') or after:match('^<mrow><mo[^>]*form="prefix"')
      tokens[i] = '<mo lspace="' .. (first and "0" or "0.1667em") .. '" rspace="' ..
        (bracket and "0" or "0.1667em") .. '">'
    end
  end
  -- Brackets around something no taller than a line keep their own size:
  -- pandoc makes every ( ) [ ] | | stretchy, and a math font's stretched
  -- bracket is a size up and wider ("σ ( z )").
  local open = {}
  local tall = { mfrac = true, munderover = true, munder = true, mtable = true, msqrt = true, mroot = true }
  for i, tok in ipairs(tokens) do
    if tok:match('^<mo stretchy="true" form="prefix">') then
      open[#open + 1] = { at = i, tall = false }
    elseif tall[tok:match("^<(%w+)") or ""] then
      for _, o in ipairs(open) do o.tall = true end
    elseif tok:match('^<mo stretchy="true" form="postfix">') and #open > 0 then
      local o = table.remove(open)
      if not o.tall then
        tokens[o.at] = tokens[o.at]:gsub('stretchy="true"', 'stretchy="false"')
        tokens[i] = tok:gsub('stretchy="true"', 'stretchy="false"')
      end
    end
  end
  return table.concat(tokens)
end

-- Each formula's MathML, by its kind and TeX: the same formula comes out the
-- same on every page, in the site and in the book, so it is converted once
-- per pandoc run (docs/filters/render.lua renders every page in one run, and
-- loads this file afresh for each: the table lives in the global one).
LR_MATHML = LR_MATHML or {}

local function mathml(el)
  local key = el.mathtype .. "\0" .. el.text
  local html = LR_MATHML[key]
  if not html then
    html = pandoc.write(pandoc.Pandoc({ pandoc.Plain({ el }) }), "html5",
      { html_math_method = "mathml" })
    html = html:gsub("^%s+", ""):gsub("%s+$", "")
    html = fix_mathml(html)
    local alt = tex(el.text)
    html = html:gsub("^<math ", '<math alttext="' .. escape(alt) .. '" ', 1)
    LR_MATHML[key] = html
  end
  return pandoc.RawInline("html", html)
end

---------------------------------------------------------------------------
-- Line breaks

-- Inline code: each token unbroken; a long path may break after its "/".
local function code(el)
  local inner = escape(el.text)
  inner = inner:gsub("(%S+)", function(tok)
    -- a token too long for a phone's line may break anywhere
    if utf8.len(tok) > 30 then return '<span class="long">' .. tok .. "</span>" end
    tok = tok:gsub("([^/])/([^/])", "%1/<wbr />%2")
    return '<span class="tok">' .. tok .. "</span>"
  end)
  local attr = ""
  if #el.classes > 0 then attr = ' class="' .. escape(table.concat(el.classes, " ")) .. '"' end
  if el.identifier ~= "" then attr = ' id="' .. escape(el.identifier) .. '"' .. attr end
  return pandoc.RawInline("html", "<code" .. attr .. ">" .. inner .. "</code>")
end

-- Characters kept with the formula: closing punctuation after it, an
-- opening bracket or quote before it.
local trailing = { ["."] = true, [","] = true, [";"] = true, [":"] = true, ["!"] = true,
  ["?"] = true, [")"] = true, ["]"] = true, ["”"] = true, ["’"] = true, ["…"] = true }
local opening = { ["("] = true, ["["] = true, ["“"] = true, ["‘"] = true }

-- The leading run of closing punctuation of s, and the rest.
local function split_trailing(s)
  local n = 0
  for p, c in utf8.codes(s) do
    if not trailing[utf8.char(c)] then break end
    n = p + #utf8.char(c) - 1
  end
  return s:sub(1, n), s:sub(n + 1)
end

-- s without its last character when that is an opening bracket, and it.
local function split_opening(s)
  local last = utf8.offset(s, -1)
  if last and opening[s:sub(last)] then return s:sub(1, last - 1), s:sub(last) end
  return s, ""
end

-- Inline math with the punctuation that touches it, in one unbreakable span.
local function glue(inlines)
  local out = pandoc.List()
  local i = 1
  while i <= #inlines do
    local el = inlines[i]
    if el.t == "Math" and el.mathtype == "InlineMath" then
      local group = pandoc.List({ el })
      local before = out[#out]
      if before and before.t == "Str" then
        local head, open = split_opening(before.text)
        if open ~= "" then
          out:remove(#out)
          if head ~= "" then out:insert(pandoc.Str(head)) end
          group:insert(1, pandoc.Str(open))
        end
      end
      local after, rest = inlines[i + 1], ""
      if after and after.t == "Str" then
        local punct
        punct, rest = split_trailing(after.text)
        if punct ~= "" then
          group:insert(pandoc.Str(punct))
          i = i + 1
        else
          rest = ""
        end
      end
      out:insert(#group > 1 and pandoc.Span(group, pandoc.Attr("", { "nowrap" })) or el)
      if rest ~= "" then out:insert(pandoc.Str(rest)) end
    else
      out:insert(el)
    end
    i = i + 1
  end
  return out
end

local function lines(block)
  return block:walk({ Inlines = glue, Code = code })
end

return {
  { Para = lines, Plain = lines },
  { Math = mathml },
}
