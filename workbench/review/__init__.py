"""Team work: double-coding samples, merging coders' files, agreement, adjudication, review."""
