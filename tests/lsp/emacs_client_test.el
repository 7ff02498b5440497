;;; emacs_client_test.el --- eglot attached to `marginalia lsp'  -*- lexical-binding: t -*-
;; SPDX-License-Identifier: MIT
;;
;; Run by emacs_client_test.py as `emacs --batch -Q -l emacs_client_test.el SAMPLE.md'.
;; Evaluates the ```elisp block under "## Emacs" in docs/editors.md as it is written (so the
;; documentation cannot drift from what is tested), opens the sample, lets the command loop's
;; hooks start eglot, waits for Flymake's diagnostics and prints them.  Exit status: 0 when the
;; expected diagnostic (code and line, MARGINALIA_EMACS_EXPECT="CODE:LINE") is there, 1 when
;; not, 77 when eglot or markdown-mode is not installed.

(require 'cl-lib)
(require 'package)

(defun marginalia-test--die (status fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n"))
  (kill-emacs status))

;; -Q leaves Debian's elpa-* packages out of reach; add their directory as site-start would.
(setq package-directory-list
      (cl-remove-if-not #'file-directory-p
                        '("/usr/share/emacs/site-lisp/elpa" "/usr/local/share/emacs/site-lisp/elpa")))
(package-initialize)
(dolist (feature '(eglot markdown-mode))
  (unless (require feature nil t)
    (marginalia-test--die 77 "SKIPPED: %s is not installed (apt-get install emacs-nox elpa-eglot elpa-markdown-mode)"
                          feature)))

(defun marginalia-test--docs-snippet (file)
  "The first ```elisp block after the \"## Emacs\" heading of FILE."
  (with-temp-buffer
    (insert-file-contents file)
    (unless (re-search-forward "^## Emacs" nil t)
      (marginalia-test--die 1 "FAILED: no \"## Emacs\" heading in %s" file))
    (unless (re-search-forward "^```elisp\n" nil t)
      (marginalia-test--die 1 "FAILED: no ```elisp block under \"## Emacs\" in %s" file))
    (let ((start (point)))
      (unless (re-search-forward "^```$" nil t)
        (marginalia-test--die 1 "FAILED: unterminated ```elisp block in %s" file))
      (buffer-substring-no-properties start (match-beginning 0)))))

(defun marginalia-test--eval-all (text)
  (let ((pos 0) form)
    (while (setq form (condition-case nil (read-from-string text pos) (end-of-file nil)))
      (eval (car form) t)
      (setq pos (cdr form)))))

(let* ((docs (getenv "MARGINALIA_EDITORS_MD"))
       (expect (split-string (or (getenv "MARGINALIA_EMACS_EXPECT") "") ":"))
       (code (car expect))
       (line (string-to-number (or (cadr expect) "0")))
       (sample (car command-line-args-left))
       (deadline (+ (float-time) 60))
       found)
  (setq command-line-args-left nil)
  (marginalia-test--eval-all (marginalia-test--docs-snippet docs))
  (find-file sample)
  (princ (format "major mode: %s\n" major-mode))
  ;; eglot-ensure and flymake defer their start to the end of the current command;
  ;; batch mode has no command loop, so run its hook as each command would.
  (while (and (not found) (< (float-time) deadline))
    (run-hooks 'post-command-hook)
    (accept-process-output nil 0.2)
    (setq found (cl-find-if (lambda (diag)
                              (and (equal (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diag)) :code)
                                          code)
                                   (= (line-number-at-pos (flymake-diagnostic-beg diag)) line)))
                            (flymake-diagnostics))))
  (princ (format "eglot connected: %s\n" (and (eglot-current-server) t)))
  (dolist (diag (flymake-diagnostics))
    (princ (format "%d:%d %s %s\n"
                   (line-number-at-pos (flymake-diagnostic-beg diag))
                   (save-excursion (goto-char (flymake-diagnostic-beg diag)) (current-column))
                   (flymake-diagnostic-type diag) (flymake-diagnostic-text diag))))
  (if found
      (kill-emacs 0)
    (marginalia-test--die 1 "FAILED: no %s diagnostic on line %d within 60 s" code line)))
