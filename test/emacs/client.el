;;; client.el --- drives Emacs (Debian's 28.2 with elpa-eglot 1.9), in batch, as a user would
;;; after putting the README's eglot snippet in their init file.  -*- lexical-binding: t -*-
;; test/emacs/eglot.test.ts writes an init.el holding `(package-initialize)' and the snippet taken
;; from README.md, then runs
;;   emacs --batch -l <init.el> -l test/emacs/client.el
;; with PROV_FILE and PROV_OUT in the environment. This file opens the file, collects what the
;; server answers, edits a figure and hovers it again, and writes all that as JSON into PROV_OUT;
;; the assertions live in the TypeScript test. Every wait polls a predicate with a deadline.

(require 'json)
(require 'seq)

(defvar prov-result (list (cons 'errors [])))

(defun prov-put (key value)
  (setq prov-result (cons (cons key value) (assq-delete-all key prov-result))))

(defun prov-wait (predicate seconds)
  "Process output until PREDICATE holds or SECONDS pass; return its last value."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun prov-diagnostics ()
  (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))

(defun prov-hover-at (needle)
  "The hover text with point inside the first NEEDLE of the buffer."
  (goto-char (point-min))
  (search-forward needle)
  (backward-char 2)
  (let ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                (eglot--TextDocumentPositionParams))))
    (or (plist-get (plist-get hover :contents) :value) "")))

(defun prov-main ()
  (find-file (getenv "PROV_FILE"))
  (prov-put 'major_mode (symbol-name major-mode))
  ;; eglot-ensure connects after the user's first command.
  (run-hooks 'post-command-hook)
  (prov-put 'managed (and (prov-wait #'eglot-managed-p 30) t))
  (prov-put 'server_name (plist-get (eglot--server-info (eglot-current-server)) :name))
  (prov-wait (lambda () (flymake-diagnostics)) 30)
  (prov-put 'diagnostics (vconcat (prov-diagnostics)))
  (prov-put 'hover (prov-hover-at "denied"))
  ;; Edit the figure in the buffer (not saved): diagnostics and the hover follow the buffer.
  (goto-char (point-min))
  (search-forward "about 2,000")
  (replace-match "about 2,500")
  (eglot--signal-textDocument/didChange)
  (prov-wait (lambda () (seq-some (lambda (d) (string-match-p "2,500" d)) (prov-diagnostics))) 30)
  (prov-put 'diagnostics_after_edit (vconcat (prov-diagnostics)))
  (prov-put 'hover_after_edit (prov-hover-at "2,500"))
  (let ((process (jsonrpc--process (eglot-current-server))))
    (eglot-shutdown (eglot-current-server))
    (prov-put 'stopped_cleanly (and (prov-wait (lambda () (not (process-live-p process))) 10) t))))

(condition-case err
    (prov-main)
  (error (prov-put 'errors (vector (error-message-string err)))))
(with-temp-file (getenv "PROV_OUT")
  (insert (json-encode prov-result)))
(kill-emacs (if (equal (alist-get 'errors prov-result) []) 0 1))
