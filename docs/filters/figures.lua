-- figures.lua: check every image exists, and give figures a readable alt text.
--
-- A figure is an image alone in its paragraph:
--
--   ![The loss falls quickly, then slowly.](fig/chapter-03-loss.svg)
--
-- Its caption becomes the <figcaption>, and the image links to its file. The path is relative to the page's
-- HTML file (so fig/... for pages in OUTDIR); the file must exist there when
-- pandoc runs (the metadata field lr-pagedir, set by build-docs.sh, is that
-- folder), or the build stops naming the page and the missing file. Remote
-- images are refused: the notes must work offline.
--
-- Pandoc 2.17 writes the caption's plain text as the <img> alt and hides the
-- <figcaption> from screen readers, but it puts TeX source in the alt
-- ("\sigma(z)"). Here the alt is the caption with its math spelled in
-- Unicode ("σ(z)") instead. `![Caption](file.svg){alt="..."}` sets the alt
-- text by hand; then the caption is read out as well, so describe the picture
-- in the alt and let the caption add to it.

package.path = (PANDOC_SCRIPT_FILE:match("^(.*)/") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local page, fail, exists = common.page, common.fail, common.exists
local plain = require("plaintext").inlines

local pagedir = "."

---------------------------------------------------------------------------

local function check(img)
  local src = img.src
  if src:match("^%a[%w+.-]*:") or src:match("^//") then
    fail("image " .. src .. ": remote images are not allowed (the notes must work offline)")
  end
  local file = src:gsub("[?#].*$", "")
  local path = pagedir .. "/" .. file
  if not exists(path) then
    fail(string.format("image %s not found (looked for %s; figures are drawn by the chapter programs into fig/)",
      src, path))
  end
end

local function escape(s)
  return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end

-- Para [Image with title "fig:..."] is pandoc 2.17's implicit figure.
local function figure(para)
  local img = para.content[1]
  if #para.content ~= 1 or img.t ~= "Image" or not img.title:match("^fig:") then
    return nil
  end
  local hidden = ""
  if not img.attributes.alt then
    img.attributes.alt = plain(img.caption)
    hidden = ' aria-hidden="true"' -- the alt already says it all
  end
  img.title = img.title:gsub("^fig:", "")
  local caption = pandoc.List({ pandoc.RawInline("html", "<figcaption" .. hidden .. ">") })
  caption:extend(img.caption)
  caption:insert(pandoc.RawInline("html", "</figcaption>"))
  local id = img.identifier
  img.identifier = ""
  local open = id ~= "" and '<figure id="' .. escape(id) .. '">' or "<figure>"
  -- The image links to itself: on a phone a plot is small, and a tap opens
  -- it alone, to zoom.
  return {
    pandoc.RawBlock("html", open),
    pandoc.Plain({ pandoc.Link({ img }, img.src, "", pandoc.Attr("", { "zoom" })) }),
    pandoc.Plain(caption),
    pandoc.RawBlock("html", "</figure>"),
  }
end

return {
  {
    Meta = function(meta)
      if meta["lr-pagedir"] then pagedir = pandoc.utils.stringify(meta["lr-pagedir"]) end
    end,
  },
  { Image = check },
  { Para = figure },
}
