-- common.lua: what every filter needs when something is wrong: the page being
-- rendered, a one-line failure naming it (pandoc's own error() would print a
-- stack trace), and whether a file exists.
-- Not a filter: the filters load it with require("common").

local M = {}

-- The markdown file pandoc is rendering (render.lua, which renders every
-- page in one run, names the one it is at in LR_PAGE).
function M.page()
  return LR_PAGE or (PANDOC_STATE.input_files or {})[1] or "stdin"
end

-- Ends the build: one line on stderr, "docs/03-x.md: what is wrong", exit 1.
function M.fail(msg)
  io.stderr:write(M.page(), ": ", msg, "\n")
  os.exit(1)
end

function M.exists(path)
  local f = io.open(path, "r")
  if f then f:close() return true end
  return false
end

return M
