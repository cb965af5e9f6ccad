import json
import subprocess
import sys

from console.cli import EXIT_USAGE, EXIT_WORKSPACE, main


def test_help_lists_subcommands(capsys):
    try:
        main(["--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    for name in ("demo", "screenshot"):
        assert name in out


def test_bad_db_url_exits_with_clear_message(capsys):
    assert main(["--db", "nonsense", "demo"]) == EXIT_WORKSPACE
    assert "not a database URL" in capsys.readouterr().err


def test_unreachable_postgres_exits_with_clear_message(capsys):
    code = main(["--db", "postgresql+psycopg://x@127.0.0.1:1/none", "demo"])
    assert code == EXIT_WORKSPACE
    assert "cannot open workspace" in capsys.readouterr().err


def test_env_var_selects_the_database(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'env.sqlite'}"
    monkeypatch.setenv("OPERATOR_CONSOLE_DB", url)
    assert main(["demo", "--seed", "3"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["workspace"] == url and report["rows"]["customers"] > 0


def test_entry_point_runs_as_a_process(tmp_path):
    result = subprocess.run([sys.executable, "-m", "console.cli", "--db", "bad://", "demo"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == EXIT_WORKSPACE
    assert "error:" in result.stderr and "Traceback" not in result.stderr


def test_screenshot_unknown_pane_is_usage_error(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'w.sqlite'}"
    code = main(["--db", url, "screenshot", "--pane", "nope", str(tmp_path / "x.png")])
    assert code == EXIT_USAGE
    assert "no pane named 'nope'" in capsys.readouterr().err
