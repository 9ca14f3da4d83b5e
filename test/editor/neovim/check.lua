-- Drives clinical-lint's language server from Neovim 0.7 (Debian 12) the way a user's config
-- would: vim.lsp.start_client + vim.lsp.buf_attach_client on `node dist/server.js --stdio`.
--
--   nvim --headless --clean -n -i NONE -c "luafile test/editor/neovim/check.lua" FILE
--
-- Environment: CLINICAL_LINT_ROOT (the repository), CLINICAL_LINT_NVIM_CHECK = "sample" (the
-- ketamine article: diagnostics, hover and definition on ¹²) or "markdown" (footnotes fixture:
-- unresolved-citation on [3]). Prints "ok: ..." per check; exits with `cquit 1` on the first
-- failure.

local root = os.getenv('CLINICAL_LINT_ROOT') or vim.fn.getcwd()
local check = os.getenv('CLINICAL_LINT_NVIM_CHECK') or 'sample'
local timeout = tonumber(os.getenv('CLINICAL_LINT_NVIM_TIMEOUT') or '20000')

local function say(msg)
  io.stdout:write(msg .. '\n')
end

local function fail(msg)
  io.stderr:write('FAIL: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local function ok(msg)
  say('ok: ' .. msg)
end

local buf = vim.api.nvim_get_current_buf()
local server_exited = false
local client_id = vim.lsp.start_client({
  name = 'clinical-lint',
  cmd = { 'node', root .. '/dist/server.js', '--stdio' },
  root_dir = root,
  -- Neovim's filetype for .txt is "text"; LSP's language id is "plaintext".
  get_language_id = function(_, filetype)
    if filetype == 'text' or filetype == '' then
      return 'plaintext'
    end
    return filetype
  end,
  on_exit = function(code, signal)
    server_exited = true
    if code ~= 0 then
      io.stderr:write(('server exited with code %s, signal %s\n'):format(code, signal))
    end
  end,
})
if not client_id then
  return fail('could not start node dist/server.js --stdio')
end
vim.lsp.buf_attach_client(buf, client_id)

local ready = vim.wait(timeout, function()
  local c = vim.lsp.get_client_by_id(client_id)
  return server_exited or (c ~= nil and c.initialized == true)
end, 50)
if not ready or server_exited then
  return fail('the server did not answer initialize')
end
ok('initialized')

local got = vim.wait(timeout, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
if not got then
  return fail('no diagnostics for ' .. vim.api.nvim_buf_get_name(buf))
end
local diagnostics = vim.diagnostic.get(buf)
for _, d in ipairs(diagnostics) do
  if d.source ~= 'clinical-lint' then
    return fail(('diagnostic "%s" has source %s'):format(d.message, tostring(d.source)))
  end
  if type(d.code) ~= 'string' or d.code == '' then
    return fail(('diagnostic "%s" has no rule id'):format(d.message))
  end
end
ok(('%d diagnostics, all from clinical-lint with a rule id'):format(#diagnostics))

-- The first (1-based) line and 0-based byte column of `text` in the buffer.
local function find(text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then
      return i, col - 1
    end
  end
  return nil
end

local function request_at(method, text)
  local row, col = find(text)
  if not row then
    fail(('"%s" not found in the buffer'):format(text))
    return nil
  end
  vim.api.nvim_win_set_cursor(0, { row, col })
  local params = vim.lsp.util.make_position_params(0, vim.lsp.get_client_by_id(client_id).offset_encoding)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, timeout)
  if not responses then
    fail(('%s at "%s": %s'):format(method, text, tostring(err)))
    return nil
  end
  local response = responses[client_id]
  if not response or response.err then
    fail(('%s at "%s": %s'):format(method, text, vim.inspect(response and response.err)))
    return nil
  end
  return response.result
end

local function markup_text(contents)
  if type(contents) == 'string' then
    return contents
  end
  if contents.value then
    return contents.value
  end
  local parts = {}
  for _, c in ipairs(contents) do
    table.insert(parts, type(c) == 'string' and c or c.value)
  end
  return table.concat(parts, '\n')
end

if check == 'sample' then
  local hover = request_at('textDocument/hover', '¹²')
  if not hover then
    return fail('no hover on ¹²')
  end
  local text = markup_text(hover.contents)
  if not text:find('Sanacora', 1, true) or not text:find('Andrade', 1, true) then
    return fail('hover on ¹² does not show references 1 and 2: ' .. text)
  end
  ok('hover on ¹² shows Sanacora and Andrade')

  local result = request_at('textDocument/definition', '¹²')
  if result and result.range == nil and result.targetRange == nil then
    result = result[1]
  end
  if not result then
    return fail('no definition for ¹²')
  end
  local range = result.targetSelectionRange or result.targetRange or result.range
  local want = find('1. Sanacora G,')
  if range.start.line ~= want - 1 then
    return fail(('definition of ¹² is on line %d, reference 1 is on line %d'):format(range.start.line + 1, want))
  end
  ok('definition of ¹² is the line of reference 1')
elseif check == 'markdown' then
  local row, col = find('[3]')
  if not row then
    return fail('"[3]" not found in the buffer')
  end
  local found = vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'unresolved-citation' and d.lnum == row - 1 and d.col <= col + 1 and d.end_col >= col + 2 then
        return true
      end
    end
    return false
  end, 50)
  if not found then
    return fail('no unresolved-citation diagnostic on [3]: ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  ok('unresolved-citation on [3]')
else
  return fail('unknown CLINICAL_LINT_NVIM_CHECK ' .. check)
end

vim.lsp.stop_client(client_id)
vim.cmd('qall!')
