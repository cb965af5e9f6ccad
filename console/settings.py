"""One typed, versioned settings object stored as JSON in the user's config directory."""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from platformdirs import user_config_dir

SETTINGS_VERSION = 2
CONFIG_ENV = "OPERATOR_CONSOLE_CONFIG_DIR"


@dataclass
class Settings:
    version: int = SETTINGS_VERSION
    theme: str = "light"  # "light" | "dark"
    language: str = "en"  # "en" | "zh_CN"
    db_url: str | None = None  # None: the default SQLite workspace
    recent_workspaces: list[str] | None = None
    user: str = "staff"
    model_path: str | None = None  # face landmarker model, if not in resources/ or the cache
    webhook_url: str | None = None
    geometry: str = ""  # base64 of QMainWindow.saveGeometry(), never pickled
    last_pane: str = ""


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    return Path(override) if override else Path(user_config_dir("operator-console", appauthor=False))


def settings_path() -> Path:
    return config_dir() / "settings.json"


def migrate_settings(data: dict) -> dict:
    """Bring an older settings file up to SETTINGS_VERSION."""
    version = int(data.get("version", 1))
    if version < 2:
        # v1 stored the theme as "dark_mode": bool
        data["theme"] = "dark" if data.pop("dark_mode", False) else "light"
    data["version"] = SETTINGS_VERSION
    return data


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        # A corrupt settings file must not stop the app from starting; keep it for inspection.
        try:
            path.replace(path.with_suffix(".corrupt.json"))
        except OSError:
            pass
        return Settings()
    data = migrate_settings(data)
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in data.items() if k in known})


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
