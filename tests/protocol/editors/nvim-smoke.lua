-- Manual smoke check of cable-language-server in Neovim (0.7+), headless. From the repository root:
--   npm run build && nvim --headless -u NONE -c 'luafile tests/protocol/editors/nvim-smoke.lua'
-- Prints what the server answered and exits (code 1 when a check failed). Not part of `npm test`: CI has no Neovim.
local root = vim.fn.getcwd()
local dir = vim.fn.tempname()
vim.fn.mkdir(dir, 'p')
local seed = vim.fn.readfile(root .. '/seeds/000_0ac2a656c61260b0.txt', 'b')
for i, l in ipairs(seed) do seed[i] = l:gsub('^3%. %(SBU%) During', '3. (S) During') end
vim.fn.writefile(seed, dir .. '/09ASTANA308.cable', 'b')

local failed = false
local function check(what, ok, detail)
  io.stdout:write(string.format('%s %s%s\n', ok and 'ok  ' or 'FAIL', what, detail and (': ' .. detail) or ''))
  if not ok then failed = true end
end

local id = vim.lsp.start_client({
  name = 'cable',
  cmd = { 'node', root .. '/dist/server.js', '--stdio' },
  root_dir = dir,
  settings = { cable = { rules = { ['portion-exceeds-banner'] = 'warning' } } },
  -- What nvim-lspconfig does for every server: push the settings once initialized.
  on_init = function(client) client.notify('workspace/didChangeConfiguration', { settings = client.config.settings }) end,
})
vim.cmd('edit ' .. dir .. '/09ASTANA308.cable')
vim.lsp.buf_attach_client(0, id)
local uri = vim.uri_from_bufnr(0)
local function req(method, params)
  for _, r in pairs(vim.lsp.buf_request_sync(0, method, params, 10000) or {}) do return r.result end
end

check('diagnostics published', vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50))
local d = vim.diagnostic.get(0)[1] or {}
check('portion-exceeds-banner at line 91, as a warning (settings applied)', d.code == 'portion-exceeds-banner' and d.lnum == 90 and d.severity == 2)
local h = req('textDocument/hover', { textDocument = { uri = uri }, position = { line = 20, character = 9 } })
check('DTG hover', h and h.contents.value:find('20 February 2009, 09:29 UTC', 1, true) ~= nil)
local syms = req('textDocument/documentSymbol', { textDocument = { uri = uri } }) or {}
check('outline', #syms == 12 and syms[7].name == 'PROGRESS ON TIP' and #syms[7].children == 3)
local folds = req('textDocument/foldingRange', { textDocument = { uri = uri } }) or {}
check('folding ranges', #folds > 10)
local acts = req('textDocument/codeAction', { textDocument = { uri = uri }, range = { start = { line = 90, character = 3 }, ['end'] = { line = 90, character = 6 } }, context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, 90) } }) or {}
local disable = acts[1]
check('disable-for-this-file action', disable and disable.command and disable.command.command == 'cable.disableRuleForFile')
if disable then
  req('workspace/executeCommand', disable.command)
  check('override written, problem gone', vim.wait(15000, function() return #vim.diagnostic.get(0) == 0 end, 50) and vim.fn.filereadable(dir .. '/.cablelintrc.json') == 1)
  os.remove(dir .. '/.cablelintrc.json')
  vim.lsp.get_client_by_id(id).notify('workspace/didChangeConfiguration', { settings = vim.lsp.get_client_by_id(id).config.settings })
  check('config removed, problem back', vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50))
end
vim.api.nvim_buf_set_text(0, 90, 3, 90, 6, { '(SBU)' })
check('incremental edit clears it', vim.wait(15000, function() return #vim.diagnostic.get(0) == 0 end, 50))
vim.lsp.stop_client(id)
check('server stopped', vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50))
vim.cmd(failed and 'cquit 1' or 'qa!')
