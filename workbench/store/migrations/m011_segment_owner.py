"""Each coder's segmentation of an answer is their own.

``segments.coder`` names the coder a segment belongs to; NULL is a shared segment (every
segment made before this migration, or by an import). A coder's segmentation of an answer is
their own segments plus the shared ones none of theirs overlaps. A coder's split (or join) of a
shared segment first copies it for that coder, so it never changes anyone else's segments.
"""

VERSION = 11

STATEMENTS = [
    "ALTER TABLE segments ADD COLUMN coder TEXT",
    "CREATE INDEX segments_by_owner ON segments (answer_id, coder)",
]
