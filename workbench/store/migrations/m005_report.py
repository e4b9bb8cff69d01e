"""The report: a lead-in sentence on themes and codes, and a read-only view of coded quotes.

``coded_quotes`` lets Datasette and SQL users read every coding with its quote text and code
path (levels joined by the path separator, merges not followed) without slicing answers by offsets.
"""

VERSION = 5

STATEMENTS = [
    # Printed above the quotes of a theme or code in the report ("Mange har særlig gode …:").
    "ALTER TABLE codes ADD COLUMN lead_in TEXT NOT NULL DEFAULT ''",
    """CREATE VIEW coded_quotes AS
    WITH RECURSIVE code_paths (id, path) AS (
        SELECT id, name FROM codes WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, p.path || ' > ' || c.name FROM codes c JOIN code_paths p ON c.parent_id = p.id
    )
    SELECT a.question_id AS question,
           a.respondent_id AS respondent,
           a.wave AS wave,
           substr(a.text, s.start + 1, s.end - s.start) AS quote_text,
           cp.path AS code_path,
           k.coder AS coder,
           s.id AS segment_id,
           k.code_id AS code_id
    FROM codings k
    JOIN segments s ON s.id = k.segment_id
    JOIN answers a ON a.id = s.answer_id
    JOIN code_paths cp ON cp.id = k.code_id""",
]
