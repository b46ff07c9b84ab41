-- A second, independent LSP client for the Provenance language server: Neovim 0.7.2, headless.
-- Run by test/neovim/neovim.test.ts as
--   nvim --headless -u NONE -i NONE -n -c "luafile test/neovim/client.lua"
-- with PROV_NODE, PROV_SERVER, PROV_WORKSPACE, PROV_FILE, PROV_OUT in the environment.
-- Writes what it saw as JSON into PROV_OUT and quits; the assertions live in the TypeScript test.
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
      return { line = i - 1, character = s - 1 + math.floor(#needle / 2) }
    end
  end
  return nil
end

local function main()
  local workspace = env("PROV_WORKSPACE")
  local file = env("PROV_FILE")
  local indexed = false
  local progress_tokens = {}

  local client_id = vim.lsp.start_client({
    name = "provenance",
    cmd = { env("PROV_NODE"), env("PROV_SERVER"), "--stdio" },
    root_dir = workspace,
    workspace_folders = { { uri = vim.uri_from_fname(workspace), name = "examples" } },
    settings = { provenance = {} },
    handlers = {
      ["provenance/indexed"] = function()
        indexed = true
        table.insert(result.notifications, "provenance/indexed")
      end,
      ["$/progress"] = function(_, params)
        local v = params and params.value or {}
        if v.kind == "begin" and tostring(v.title or ""):lower():find("index") then
          progress_tokens[tostring(params.token)] = true
        elseif v.kind == "end" and progress_tokens[tostring(params.token)] then
          indexed = true
          table.insert(result.notifications, "$/progress end (indexing)")
        end
      end,
      ["window/workDoneProgress/create"] = function()
        return vim.NIL
      end,
    },
    on_exit = function(code, signal)
      result.server_exit = { code = code, signal = signal }
    end,
  })
  assert(client_id, "vim.lsp.start_client returned nil")
  step("started")

  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_option(bufnr, "filetype", "source-text") -- the languageId sent in didOpen
  assert(vim.lsp.buf_attach_client(bufnr, client_id), "buf_attach_client failed")

  local client
  local ready = vim.wait(30000, function()
    client = vim.lsp.get_client_by_id(client_id)
    -- In 0.7 the client object exists at once; its capabilities are filled in when `initialize`
    -- has answered (server_capabilities, and the older resolved_capabilities).
    if result.server_exit ~= nil then
      return true
    end
    return client ~= nil and (client.server_capabilities ~= nil or client.resolved_capabilities ~= nil)
  end, 20)
  assert(ready and client, "the server did not finish initialize within 30 s" .. (result.server_exit and " (it exited)" or ""))
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
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(result.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      source = d.source,
      code = code,
      message = d.message,
    })
  end
  step(got and "diagnostics" or "no diagnostics within 30 s")

  -- Hover over the denial claim.
  local pos = find(bufnr, "denied")
  assert(pos, 'no "denied" in ' .. file)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = pos }
  local res, err = client.request_sync("textDocument/hover", params, 15000, bufnr)
  if err then
    table.insert(result.errors, "hover: " .. tostring(err))
  elseif res and res.err then
    table.insert(result.errors, "hover: " .. vim.inspect(res.err))
  elseif res and res.result and res.result ~= vim.NIL then
    result.hover = to_text(res.result.contents)
  else
    result.hover = vim.NIL
  end
  step("hover")

  -- Mentions across files: references on the figure "2,000". Another file's mentions appear once
  -- the workspace is indexed, so ask again (one request in flight at a time) until they do.
  local fig = find(bufnr, "2,000")
  assert(fig, 'no "2,000" in ' .. file)
  local ref_params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = fig,
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

  -- Shut the server down cleanly and check that it exits.
  client.stop()
  local stopped = vim.wait(10000, function()
    return result.server_exit ~= nil
  end, 20)
  result.stopped_cleanly = stopped
  step("stopped")
end

local ok, e = xpcall(main, debug.traceback)
if not ok then
  table.insert(result.errors, tostring(e))
end
write_result()
vim.cmd(ok and "qa!" or "cquit!")
