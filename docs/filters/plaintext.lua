-- plaintext.lua: inlines and TeX math as plain Unicode text, for alt texts
-- and <title>s, where MathML cannot go: "$\hat p_i$" becomes "p̂ᵢ",
-- "$\tfrac12$" becomes "1/2". Good enough to read, not a TeX renderer.
-- Not a filter: figures.lua and page.lua load it with require("plaintext").
-- (Pandoc's own plain writer spells math in Unicode too, but warns on some
-- TeX, which --fail-if-warnings turns into a failed build.)

local symbols = {
  alpha = "α", beta = "β", gamma = "γ", delta = "δ", epsilon = "ϵ", varepsilon = "ε",
  zeta = "ζ", eta = "η", theta = "θ", vartheta = "ϑ", iota = "ι", kappa = "κ",
  lambda = "λ", mu = "μ", nu = "ν", xi = "ξ", pi = "π", rho = "ρ", sigma = "σ",
  tau = "τ", upsilon = "υ", phi = "ϕ", varphi = "φ", chi = "χ", psi = "ψ", omega = "ω",
  Gamma = "Γ", Delta = "Δ", Theta = "Θ", Lambda = "Λ", Xi = "Ξ", Pi = "Π",
  Sigma = "Σ", Phi = "Φ", Psi = "Ψ", Omega = "Ω",
  cdot = "·", times = "×", div = "÷", pm = "±", mp = "∓", le = "≤", leq = "≤",
  ge = "≥", geq = "≥", ne = "≠", neq = "≠", approx = "≈", sim = "∼", equiv = "≡",
  infty = "∞", sum = "∑", prod = "∏", int = "∫", partial = "∂", nabla = "∇",
  to = "→", rightarrow = "→", leftarrow = "←", gets = "←", mapsto = "↦",
  Rightarrow = "⇒", iff = "⇔", ["in"] = "∈", notin = "∉", subset = "⊂",
  cup = "∪", cap = "∩", forall = "∀", exists = "∃", ell = "ℓ", prime = "′",
  top = "ᵀ", intercal = "ᵀ", mid = "|", vert = "|", Vert = "‖", lVert = "‖",
  rVert = "‖", lvert = "|", rvert = "|", langle = "⟨", rangle = "⟩",
  ldots = "…", dots = "…", cdots = "⋯", lbrace = "{", rbrace = "}",
  [","] = " ", [";"] = " ", [":"] = " ", ["!"] = "", [" "] = " ",
  quad = " ", qquad = " ", ["{"] = "{", ["}"] = "}", ["|"] = "‖",
  ["%"] = "%", ["$"] = "$", ["_"] = "_", ["&"] = "&", ["#"] = "#",
}
-- Symbols that get a space on each side.
local spaced = {}
for _, name in ipairs({ "cdot", "times", "div", "pm", "mp", "le", "leq", "ge", "geq",
  "ne", "neq", "approx", "sim", "equiv", "to", "rightarrow", "leftarrow", "gets",
  "mapsto", "Rightarrow", "iff", "in", "notin", "subset", "cup", "cap", "mid" }) do
  spaced[name] = true
end
-- Commands that only change size or font: keep their argument.
local transparent = {
  mathrm = true, mathit = true, mathbf = true, mathsf = true, mathtt = true,
  boldsymbol = true, bm = true, text = true, textrm = true, textit = true,
  textbf = true, operatorname = true, mbox = true,
}
-- Commands that vanish.
local ignored = {
  left = true, right = true, big = true, Big = true, bigg = true, Bigg = true,
  bigl = true, bigr = true, Bigl = true, Bigr = true, biggl = true, biggr = true,
  Biggl = true, Biggr = true, displaystyle = true, textstyle = true,
  limits = true, nolimits = true,
}
local accents = { hat = "\u{302}", widehat = "\u{302}", bar = "\u{304}", overline = "\u{305}",
  tilde = "\u{303}", widetilde = "\u{303}", vec = "\u{20D7}", dot = "\u{307}", ddot = "\u{308}" }
local superscripts = { ["0"] = "⁰", ["1"] = "¹", ["2"] = "²", ["3"] = "³", ["4"] = "⁴",
  ["5"] = "⁵", ["6"] = "⁶", ["7"] = "⁷", ["8"] = "⁸", ["9"] = "⁹", ["+"] = "⁺",
  ["-"] = "⁻", ["="] = "⁼", ["("] = "⁽", [")"] = "⁾", n = "ⁿ", i = "ⁱ",
  T = "ᵀ", ["ᵀ"] = "ᵀ", ["′"] = "′" }
local subscripts = { ["0"] = "₀", ["1"] = "₁", ["2"] = "₂", ["3"] = "₃", ["4"] = "₄",
  ["5"] = "₅", ["6"] = "₆", ["7"] = "₇", ["8"] = "₈", ["9"] = "₉", ["+"] = "₊",
  ["-"] = "₋", ["="] = "₌", ["("] = "₍", [")"] = "₎", a = "ₐ", e = "ₑ", h = "ₕ",
  i = "ᵢ", j = "ⱼ", k = "ₖ", l = "ₗ", m = "ₘ", n = "ₙ", o = "ₒ", p = "ₚ",
  r = "ᵣ", s = "ₛ", t = "ₜ", u = "ᵤ", v = "ᵥ", x = "ₓ" }

-- Map every character of s through `map`, or return nil if one is missing.
local function script(s, map)
  local out = {}
  for _, c in utf8.codes(s) do
    local m = map[utf8.char(c)]
    if not m then return nil end
    out[#out + 1] = m
  end
  return table.concat(out)
end

local function tex_to_text(tex)
  local pos = 1
  local convert

  -- One token: \command, {group}, or one (UTF-8) character.
  local function token()
    local c = tex:sub(pos, pos)
    if c == "\\" then
      local name = tex:match("^%a+", pos + 1) or tex:sub(pos + 1, pos + 1)
      pos = pos + 1 + #name
      -- \hat p: skip the space between a letter command and its argument
      if name:match("^%a") then pos = tex:match("^%s*()", pos) end
      return "cmd", name
    elseif c == "{" then
      local depth, i = 0, pos
      repeat
        local ch = tex:sub(i, i)
        if ch == "\\" then i = i + 1
        elseif ch == "{" then depth = depth + 1
        elseif ch == "}" then depth = depth - 1 end
        i = i + 1
      until depth == 0 or i > #tex
      local inner = tex:sub(pos + 1, i - 2)
      pos = i
      return "group", inner
    else
      local len = #(tex:match("^[%z\1-\127\194-\244][\128-\191]*", pos) or c)
      pos = pos + math.max(len, 1)
      return "char", tex:sub(pos - math.max(len, 1), pos - 1)
    end
  end

  -- An argument: the next non-space token, converted.
  local function argument()
    pos = tex:match("^%s*()", pos)
    if pos > #tex then return "" end
    local kind, value = token()
    if kind == "group" then return convert(value) end
    if kind == "cmd" then return symbols[value] or value end
    return value
  end

  local function wrap(s)
    if utf8.len(s) and utf8.len(s) > 1 and s:match("[^%w]") then return "(" .. s .. ")" end
    return s
  end

  convert = function(s)
    local saved_tex, saved_pos = tex, pos
    tex, pos = s, 1
    local out = {}
    while pos <= #tex do
      local kind, value = token()
      if kind == "group" then
        out[#out + 1] = convert(value)
      elseif kind == "cmd" then
        if value == "frac" or value == "tfrac" or value == "dfrac" then
          local a = argument()
          local b = argument()
          out[#out + 1] = wrap(a) .. "/" .. wrap(b)
        elseif value == "sqrt" then
          out[#out + 1] = "√" .. wrap(argument())
        elseif accents[value] then
          out[#out + 1] = argument() .. accents[value]
        elseif transparent[value] then
          out[#out + 1] = argument()
        elseif ignored[value] then
          -- \left( keeps its delimiter, which comes next as a char
        elseif spaced[value] then
          out[#out + 1] = " " .. symbols[value] .. " "
        elseif symbols[value] then
          out[#out + 1] = symbols[value]
        else
          out[#out + 1] = value .. " " -- \log, \exp, \max, \min and friends
        end
      elseif value == "^" or value == "_" then
        local arg = argument():gsub("^%s+", ""):gsub("%s+$", "")
        local map = value == "^" and superscripts or subscripts
        out[#out + 1] = script(arg, map) or (value .. wrap(arg))
      elseif value == "~" then
        out[#out + 1] = " "
      elseif value == "'" then
        out[#out + 1] = "′"
      else
        out[#out + 1] = value
      end
    end
    tex, pos = saved_tex, saved_pos
    return table.concat(out)
  end

  return (convert(tex):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- The caption as plain text, math spelled out.
local function plain(inlines)
  local parts = {}
  for _, el in ipairs(inlines) do
    if el.t == "Str" or el.t == "Code" then
      parts[#parts + 1] = el.text
    elseif el.t == "Space" or el.t == "SoftBreak" or el.t == "LineBreak" then
      parts[#parts + 1] = " "
    elseif el.t == "Math" then
      parts[#parts + 1] = tex_to_text(el.text)
    elseif el.t == "Quoted" then
      local q = el.quotetype == "DoubleQuote" and { "“", "”" } or { "‘", "’" }
      parts[#parts + 1] = q[1] .. plain(el.content) .. q[2]
    elseif el.t ~= "Note" and el.content then
      parts[#parts + 1] = plain(el.content)
    end
  end
  return (table.concat(parts):gsub("%s+", " "))
end

return { tex = tex_to_text, inlines = plain }
