-- Drives Neovim (Debian's 0.7.2, headless) as a user would after copying the README's snippet:
-- test/neovim/neovim.test.ts writes an init.lua holding `filetype on` and the snippet taken from
-- README.md, then runs
--   nvim --headless -u <init.lua> -i NONE -n -c "luafile test/neovim/client.lua"
-- with PROV_FILE and PROV_OUT in the environment. This script only opens the file (the snippet's
-- FileType autocmd starts and attaches the server), collects what the server answers, and writes
-- it as JSON into PROV_OUT; the assertions live in the TypeScript test.
-- Every wait is vim.wait(timeout, predicate): no fixed sleeps.

local env = function(k)
  local v = os.getenv(k)
  assert(v and v ~= "", k .. " is not set")
  return v
end
local out_file = env("PROV_OUT")
local result = { steps = {}, errors = {}, notifications = {} }

local function step(name)
  table.insert(result.steps, name)
end

local function write_result()
  local f = assert(io.open(out_file, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function to_text(contents)
  -- Hover contents: MarkupContent, MarkedString, or a list of MarkedString.
  if contents == nil or contents == vim.NIL then
    return ""
  end
  if type(contents) == "string" then
    return contents
  end
  if contents.value ~= nil then
    return contents.value
  end
  local parts = {}
  for _, c in ipairs(contents) do
    table.insert(parts, to_text(c))
  end
  return table.concat(parts, "\n")
end

local function find(bufnr, needle)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    local s = line:find(needle, 1, true)
    if s then
      -- The examples are ASCII, so a byte column is a UTF-16 column.
      return { line = i - 1, character = s - 1, middle = s - 1 + math.floor(#needle / 2) }
    end
  end
  return nil
end

-- The clients attached to a buffer (0.7: buf_get_clients; later: get_clients).
local function attached(bufnr)
  local list = {}
  if vim.lsp.get_clients then
    list = vim.lsp.get_clients({ bufnr = bufnr })
  else
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
      table.insert(list, c)
    end
  end
  return list
end

local function diagnostics_of(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(out, { lnum = d.lnum, col = d.col, source = d.source, code = code, message = d.message })
  end
  return out
end

local function hover(client, bufnr, pos)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = pos.line, character = pos.middle } }
  local res, err = client.request_sync("textDocument/hover", params, 15000, bufnr)
  if err then
    table.insert(result.errors, "hover: " .. tostring(err))
  elseif res and res.err then
    table.insert(result.errors, "hover: " .. vim.inspect(res.err))
  elseif res and res.result and res.result ~= vim.NIL then
    return to_text(res.result.contents)
  end
  return vim.NIL
end

local function main()
  local file = env("PROV_FILE")
  local indexed = false

  -- Custom notifications go through the global handler table (the snippet sets no handlers).
  vim.lsp.handlers["provenance/indexed"] = function()
    indexed = true
    table.insert(result.notifications, "provenance/indexed")
  end

  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.api.nvim_buf_get_option(bufnr, "filetype")
  step("opened")

  local client
  local ready = vim.wait(30000, function()
    client = attached(bufnr)[1]
    -- In 0.7 the client object exists at once; its capabilities are filled in when `initialize`
    -- has answered (server_capabilities, and the older resolved_capabilities).
    return client ~= nil and (client.server_capabilities ~= nil or client.resolved_capabilities ~= nil)
  end, 20)
  assert(ready and client, "no language server attached to the buffer within 30 s (filetype " .. result.filetype .. ")")
  result.client_name = client.name
  local caps = client.server_capabilities or client.resolved_capabilities or {}
  result.capabilities = {
    hover = caps.hoverProvider and true or false,
    references = caps.referencesProvider and true or false,
  }
  step("initialized")

  -- Diagnostics for the open file.
  local got = vim.wait(30000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20)
  result.diagnostics = diagnostics_of(bufnr)
  step(got and "diagnostics" or "no diagnostics within 30 s")

  -- Hover over the denial claim.
  local pos = find(bufnr, "denied")
  assert(pos, 'no "denied" in ' .. file)
  result.hover = hover(client, bufnr, pos)
  step("hover")

  -- Mentions across files: references on the figure "2,000". Another file's mentions appear once
  -- the workspace is indexed, so ask again (one request in flight at a time) until they do.
  local fig = find(bufnr, "2,000")
  assert(fig, 'no "2,000" in ' .. file)
  local ref_params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = fig.line, character = fig.middle },
    context = { includeDeclaration = true },
  }
  local this_uri = vim.uri_from_bufnr(bufnr)
  local refs, refs_err, pending, asked = nil, nil, false, 0
  local function reaches_other_file()
    for _, loc in ipairs(refs or {}) do
      if loc.uri ~= this_uri then
        return true
      end
    end
    return false
  end
  vim.wait(30000, function()
    if reaches_other_file() or refs_err then
      return true
    end
    if not pending then
      pending = true
      asked = asked + 1
      client.request("textDocument/references", ref_params, function(err, res)
        pending = false
        refs_err = err
        refs = type(res) == "table" and res or {}
      end, bufnr)
    end
    return false
  end, 100)
  result.indexed = indexed
  result.references_asked = asked
  result.references = {}
  if refs_err then
    table.insert(result.errors, "references: " .. vim.inspect(refs_err))
  end
  for _, loc in ipairs(refs or {}) do
    table.insert(result.references, { uri = loc.uri, line = loc.range.start.line })
  end
  step("references")

  -- The custom request behind "List Contradictions".
  local contra, cerr = client.request_sync("provenance/contradictions", {}, 15000, bufnr)
  if cerr then
    table.insert(result.errors, "provenance/contradictions: " .. tostring(cerr))
  elseif contra and contra.err then
    table.insert(result.errors, "provenance/contradictions: " .. vim.inspect(contra.err))
  elseif contra then
    result.contradictions = vim.fn.json_encode(contra.result == nil and vim.NIL or contra.result)
  end
  step("contradictions")

  -- Edit the figure in the buffer (not saved): the diagnostics and the hover follow the buffer.
  vim.api.nvim_buf_set_text(bufnr, fig.line, fig.character, fig.line, fig.character + #"2,000", { "2,500" })
  local followed = vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.message:find("2,500", 1, true) then
        return true
      end
    end
    return false
  end, 20)
  result.diagnostics_after_edit = diagnostics_of(bufnr)
  step(followed and "diagnostics after edit" or "no diagnostic names 2,500 within 30 s")
  result.hover_after_edit = hover(client, bufnr, find(bufnr, "2,500"))
  step("hover after edit")

  -- Shut the server down cleanly and check that it exits.
  local id = client.id
  client.stop()
  result.stopped_cleanly = vim.wait(10000, function()
    return vim.lsp.get_client_by_id(id) == nil
  end, 20)
  step("stopped")
end

local ok, e = xpcall(main, debug.traceback)
if not ok then
  table.insert(result.errors, tostring(e))
end
write_result()
vim.cmd(ok and "qa!" or "cquit!")
