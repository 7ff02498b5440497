-- SPDX-License-Identifier: MIT
-- marginalia's language server in Neovim 0.7 or later (docs/editors.md). Put this file on the
-- runtime path as lua/marginalia.lua and call require('marginalia').setup() from init.lua.
-- tests/lsp/nvim_client_test.py loads this very file.
local M = {}

function M.setup(opts)
  opts = opts or {}
  local config = {
    name = 'marginalia',
    cmd = opts.cmd or { 'marginalia', 'lsp' },
    -- Each file is configured by its nearest marginalia.json; the root only names the workspace.
    root_dir = vim.fn.getcwd(),
    init_options = opts.init_options or { debounceMs = 250 },
  }
  local client_id
  vim.api.nvim_create_autocmd('FileType', {
    pattern = opts.filetypes or { 'markdown', 'text', 'html', 'xml' },
    callback = function(args)
      if vim.lsp.start then -- Neovim 0.8 and later: one client per root, reused
        vim.lsp.start(config, { bufnr = args.buf })
        return
      end
      client_id = client_id or vim.lsp.start_client(config) -- Neovim 0.7 (Debian 12)
      vim.lsp.buf_attach_client(args.buf, client_id)
    end,
  })
end

return M
