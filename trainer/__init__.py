"""Trainer tools (make check, review, report, importer, tune_fallback), on one project reader."""
