-- SPDX-License-Identifier: MIT
-- Neovim's own LSP client against `marginalia lsp` (tests/lsp/nvim_client_test.py starts
-- `nvim --headless --clean -u nvim_init.lua SAMPLE`): wait for the diagnostics, apply the code
-- action of the weekday finding, check the buffer, wait for the diagnostics of the fixed text,
-- and write what happened as JSON to $MARGINALIA_NVIM_RESULT.
package.path = os.getenv('MARGINALIA_EDITORS_DIR') .. '/?.lua;' .. package.path
require('marginalia').setup({
  cmd = { os.getenv('MARGINALIA'), 'lsp', '--offline', '--no-cache' },
  init_options = { debounceMs = 100 },
})

local result = {}
local function finish()
  local file = io.open(os.getenv('MARGINALIA_NVIM_RESULT'), 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?')
  end
  table.sort(list)
  return list
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    vim.defer_fn(function()
      local ok, err = pcall(function()
        local bufnr = vim.api.nvim_get_current_buf()
        result.filetype = vim.bo[bufnr].filetype
        if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
          result.error = 'no diagnostics within 30 s'
          return
        end
        result.codes_before = codes(bufnr)
        local weekday
        for _, d in ipairs(vim.diagnostic.get(bufnr)) do
          local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
          if code == 'dates/weekday-mismatch' then weekday = d end
        end
        if not weekday then
          result.error = 'no dates/weekday-mismatch diagnostic'
          return
        end
        -- Neovim keeps byte columns; the protocol's range is back in UTF-16 units.
        local start = { line = weekday.lnum, character = vim.lsp.util.character_offset(bufnr, weekday.lnum, weekday.col, 'utf-16') }
        result.weekday_range = { start = start }
        -- As an editor asks with the cursor on the line: every action for the whole line.
        local params = {
          textDocument = vim.lsp.util.make_text_document_params(bufnr),
          range = { start = { line = weekday.lnum, character = 0 }, ['end'] = { line = weekday.lnum + 1, character = 0 } },
          context = { diagnostics = {} },
        }
        local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
        local action
        for _, response in pairs(responses or {}) do
          for _, a in ipairs(response.result or {}) do
            if a.diagnostics and a.diagnostics[1] and a.diagnostics[1].code == 'dates/weekday-mismatch' then action = a end
          end
        end
        if not action then
          result.error = 'no code action'
          return
        end
        result.action_title = action.title
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        result.line_after = vim.api.nvim_buf_get_lines(bufnr, weekday.lnum, weekday.lnum + 1, false)[1]
        -- The edit reaches the server as didChange; the fixed text's diagnostics follow.
        vim.wait(30000, function()
          for _, code in ipairs(codes(bufnr)) do
            if code == 'dates/weekday-mismatch' then return false end
          end
          return true
        end, 50)
        result.codes_after = codes(bufnr)
        local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
          textDocument = vim.lsp.util.make_text_document_params(bufnr),
          position = { line = start.line, character = start.character + 12 },
        }, 10000)
        for _, response in pairs(hover or {}) do
          if response.result then result.hover = response.result.contents.value end
        end
      end)
      if not ok then result.error = tostring(err) end
      finish()
    end, 10)
  end,
})
