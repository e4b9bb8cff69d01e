"""Each coder's segmentation of an answer is their own.

``segments.coder`` names the coder a segment belongs to; NULL is a shared segment (every
segment made before this migration, or by import). A coder who has segments of their own on
an answer sees and codes those; everyone else keeps the shared ones. A coder's split creates
their own copy of the answer's segmentation first, so it never changes anyone else's.
"""

VERSION = 10

STATEMENTS = [
    "ALTER TABLE segments ADD COLUMN coder TEXT",
    "CREATE INDEX segments_by_owner ON segments (answer_id, coder)",
]
