"""The export kinds written by other packages: the method's XLSX, REFI-QDA, reliability."""

import zipfile

import openpyxl
import pytest
from conftest_export import build_export_project, install_fake_anonymiser

from workbench.cli import main


@pytest.fixture
def project(tmp_path):
    built = build_export_project(tmp_path / "p.db")
    yield built
    built.store.close()


def test_xlsx_has_the_methods_sheets_and_anonymised_quotes(project, monkeypatch, tmp_path):
    install_fake_anonymiser(monkeypatch)
    out = tmp_path / "out"
    assert main(["export", str(project.store.path), "xlsx", "--raw", "--out", str(out)]) == 0
    workbook = openpyxl.load_workbook(out / "coding.xlsx", read_only=True)
    assert {"Data", "Kodeliste"} <= set(workbook.sheetnames)
    rows = list(workbook["Data"].iter_rows(values_only=True))
    anonymised = {row[rows[0].index("Anonymisert sitat")] for row in rows[1:]}
    assert "Det mangler tid i [kommunen]." in anonymised
    assert (out / "manifest.json").exists()


def test_xlsx_stops_on_a_leak(project, monkeypatch, tmp_path):
    install_fake_anonymiser(monkeypatch, leak=True)
    out = tmp_path / "out"
    assert main(["export", str(project.store.path), "xlsx", "--raw", "--out", str(out)]) == 3
    assert not out.exists()


def test_refi_writes_a_qdpx_archive(project, tmp_path):
    out = tmp_path / "out"
    assert main(["export", str(project.store.path), "refi", "--out", str(out)]) == 0
    with zipfile.ZipFile(out / "project.qdpx") as archive:
        assert "project.qde" in archive.namelist()


def test_reliability_with_one_coder_is_a_user_error(project, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["export", str(project.store.path), "reliability", "--out", str(out)]) == 2
    assert "two coders" in capsys.readouterr().err
    assert not out.exists()
