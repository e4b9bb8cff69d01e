"""``import --map FILE`` when FILE does not exist yet: write the proposed question mapping."""

from __future__ import annotations

from workbench.display import visible_line


def propose_mapping_file(store, arguments, question_columns) -> str:
    """Read the survey file, propose its mapping to earlier waves, write it; return a summary."""
    from datetime import date

    from workbench.ingest import read_survey
    from workbench.ingest.importer import check_wave
    from workbench.ingest.mapping_file import write_mapping_file
    from workbench.ingest.wave_import import proposed_mapping

    wave = date.today().year if arguments.wave is None else check_wave(arguments.wave)
    survey = read_survey(
        arguments.file,
        layout=arguments.layout,
        id_column=arguments.id_column,
        questions_file=arguments.questions,
        question_columns=question_columns,
    )
    mapping = proposed_mapping(store, survey, wave)
    write_mapping_file(arguments.map, mapping)
    lines = [f"Proposed question mapping for wave {wave}, written to {arguments.map}:"]
    for link in mapping.links:
        sources = ", ".join(link.sources) or "–"
        checked = "  (check: matched by text)" if link.form_id in mapping.by_text else ""
        lines.append(f"  {link.form_id:<20} {link.status:<10} from {sources} (text {link.score}){checked}")
    if mapping.dropped:
        lines.append(f"  not asked in wave {wave}: {', '.join(mapping.dropped)}")
    lines.append(f"Nothing imported; check the file and import again with --map {arguments.map}.")
    lines.append(
        "After the import the mapping can still be changed in the workbench (palette: Question mapping)."
    )
    return "\n".join(visible_line(line) for line in lines)
