-- Neovim's built-in LSP client (Debian's neovim, 0.7 or later) drives `annals lsp` on a
-- timeline with errors: the diagnostics' ranges and texts, a hover, a completion and a
-- code action. Run headless by neovim_lsp.sh; any failure exits non-zero.
local annals = os.getenv('ANNALS')
local file = os.getenv('TIMELINE')
local failures = {}

local function check(ok, what)
  if not ok then table.insert(failures, what) end
end

local function finish()
  if #failures > 0 then
    io.stderr:write('neovim lsp test failed:\n  ' .. table.concat(failures, '\n  ') .. '\n')
    vim.cmd('cquit 1')
  end
  io.stdout:write('neovim lsp test passed\n')
  vim.cmd('qall!')
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client = vim.lsp.start_client({
    name = 'annals',
    cmd = { annals, 'lsp' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  check(client ~= nil, 'the client started')
  vim.lsp.buf_attach_client(buf, client)

  -- Diagnostics: the five errors of the file, each with its range and text.
  local got = vim.wait(10000, function() return #vim.diagnostic.get(buf) >= 5 end, 50)
  check(got, 'five diagnostics arrived (got ' .. #vim.diagnostic.get(buf) .. ')')
  local by_code = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do by_code[d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)] = d end
  local ref = by_code['unknown-reference']
  check(ref ~= nil, 'an unknown-reference diagnostic')
  if ref then
    check(ref.lnum == 13 and ref.col == 16 and ref.end_lnum == 13 and ref.end_col == 20,
          string.format('unknown-reference at 13:16-13:20, not %d:%d-%d:%d', ref.lnum, ref.col, ref.end_lnum, ref.end_col))
    check(ref.message == "unknown event 'vist'; did you mean 'visit'?", 'unknown-reference text: ' .. ref.message)
    check(ref.severity == vim.diagnostic.severity.ERROR, 'unknown-reference is an error')
    check(ref.source == 'annals', 'its source is annals')
  end
  local claim = by_code['claim-mismatch']
  check(claim ~= nil and claim.lnum == 25 and claim.col == 18, 'a claim-mismatch at its first_in value (26:19)')

  -- Hover on the date of the first event.
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 7, character = 12 } }, 5000)
  local text = ''
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then text = r.result.contents.value end
  end
  check(text:find('2015-11-23, to the day: 23 Nov 2015', 1, true) ~= nil, 'hover shows the interval and label: ' .. text)

  -- Completion of event ids in a link.
  local completion = vim.lsp.buf_request_sync(buf, 'textDocument/completion',
    { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 13, character = 16 } }, 5000)
  local labels = {}
  for _, r in pairs(completion or {}) do
    local items = r.result and (r.result.items or r.result) or {}
    for _, i in ipairs(items) do labels[i.label] = true end
  end
  check(labels['visit'] and labels['later'], 'completion offers the event ids')

  -- The code action for the misspelt id, applied to the buffer.
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 13, character = 16 }, ['end'] = { line = 13, character = 20 } },
    context = { diagnostics = ref and { ref.user_data and ref.user_data.lsp or {} } or {} },
  }, 5000)
  local action
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result or {}) do
      if a.title == "Replace 'vist' with 'visit'" then action = a end
    end
  end
  check(action ~= nil, "a code action replaces 'vist' with 'visit'")
  if action then
    vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
    local line = vim.api.nvim_buf_get_lines(buf, 13, 14, false)[1]
    check(line == '    caused_by: [visit]', 'the edit fixed the line: ' .. tostring(line))
    -- The server hears of the change and clears that error.
    local cleared = vim.wait(10000, function()
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        if d.code == 'unknown-reference' then return false end
      end
      return true
    end, 50)
    check(cleared, 'the unknown-reference diagnostic is gone after the fix')
  end

  vim.lsp.stop_client(client)
end

local ok, err = pcall(run)
if not ok then table.insert(failures, 'error: ' .. tostring(err)) end
finish()
