"""``glossator db check|backup|restore``, and what the other commands say about a bad library."""

from glossator.core import store
from glossator.core.store import backups
from tests.cli_runner import run


def test_check_passes_a_healthy_library(capsys, glossator_db):
    code, out, err = run(capsys, "db", "check")
    assert (code, err) == (0, "")
    assert out == f"{glossator_db}: no damage found.\n"


def test_check_reports_damage_in_one_line(capsys, glossator_db):
    store.close_database()
    glossator_db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    code, out, err = run(capsys, "db", "check")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(glossator_db) in err


def test_backup_then_list_then_restore_over_a_ruined_file(capsys, glossator_db):
    store.close_database()
    code, out, err = run(capsys, "db", "backup")
    assert code == 0, err
    backup = out.strip()
    assert backups.list_backups(glossator_db)[0].path.as_posix() == backup

    code, out, _ = run(capsys, "db", "restore", "--list")
    assert code == 0 and "manual" in out and backup in out

    ruined = b"this library was overwritten by accident" * 40
    glossator_db.write_bytes(ruined)
    code, out, err = run(capsys, "list")
    assert code == 2 and err.count("\n") == 1 and "glossator db restore" in err
    assert glossator_db.read_bytes() == ruined

    code, out, err = run(capsys, "db", "restore")
    assert code == 0, err
    assert f"Restored {backup} to {glossator_db}." in out
    [aside] = glossator_db.parent.glob("glossator.db.unusable-*")
    assert aside.read_bytes() == ruined and str(aside) in out
    code, out, err = run(capsys, "list")
    assert code == 0 and "library is empty" in out


def test_restore_without_any_backup_is_one_line(capsys, glossator_db):
    store.close_database()
    code, out, err = run(capsys, "db", "restore")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "no backup" in err.lower()


def test_restore_of_a_named_damaged_file_changes_nothing(capsys, glossator_db, tmp_path):
    store.close_database()
    before = glossator_db.read_bytes()
    bad = tmp_path / "bad-backup.db"
    bad.write_bytes(b"junk" * 300)
    code, _, err = run(capsys, "db", "restore", str(bad))
    assert code == 2 and "bad-backup.db" in err
    assert glossator_db.read_bytes() == before
