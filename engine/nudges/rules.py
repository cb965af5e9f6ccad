"""Process definitions: ordered nodes with thresholds, bases and message strategies.

A rule set is a list of :class:`Process`.  It round-trips through TOML, YAML and JSON files with
the same structure (see docs/nudges.md); :func:`parse_rules` validates everything and raises
:class:`engine.errors.InputError` naming the place (``file: process 'loan' > node 'bind_card' >
threshold``) so a wrong file never half-loads.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from engine.errors import InputError

BASES = ("idle", "stay")
ID_RE = re.compile(r"^[^\x00-\x1f\s](?:[^\x00-\x1f]{0,126}[^\x00-\x1f\s])?$")
DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d|w)?\s*$")
UNIT_SECONDS = {None: 1.0, "ms": 0.001, "s": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0,
                "d": 86400.0, "w": 604800.0}
HHMM_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass
class Node:
    id: str
    threshold: float  # seconds
    basis: str = "stay"  # "idle" | "stay"
    name: str = ""
    attribute: str = ""  # the page/attribute id the node stands for in the product
    templates: dict[str, str] = field(default_factory=dict)  # language -> Jinja2 template
    channel: str = "app"
    priority: int = 0
    enabled: bool = True


@dataclass
class QuietHours:
    start: str  # "HH:MM" local
    end: str
    utc_offset_minutes: int = 0

    def minutes(self) -> tuple[int, int]:
        h1, m1 = (int(v) for v in self.start.split(":"))
        h2, m2 = (int(v) for v in self.end.split(":"))
        return h1 * 60 + m1, h2 * 60 + m2


@dataclass
class Cap:
    max_nudges: int  # at most this many nudges to one user in this process ...
    per_seconds: float  # ... within any window of this length


@dataclass
class Process:
    id: str
    nodes: list[Node]
    name: str = ""
    quiet_hours: QuietHours | None = None
    cap: Cap | None = None
    abandon_after: float | None = None  # seconds without any event: the user abandoned
    default_language: str = "en"
    language_attr: str = "lang"  # attrs key choosing the template language
    # missing field -> text, or -> {language: text}
    fallbacks: dict[str, str | dict[str, str]] = field(default_factory=dict)

    def fallbacks_for(self, language: str) -> dict[str, str]:
        """The fallback texts for one template language."""
        out = {}
        for key, value in self.fallbacks.items():
            if isinstance(value, dict):
                text = value.get(language, value.get(self.default_language))
                if text is None and value:
                    text = next(iter(value.values()))
                out[key] = text or ""
            else:
                out[key] = value
        return out

    def node(self, node_id: str) -> Node | None:
        for n in self.nodes:
            if n.id == node_id:
                return n
        return None

    def next_node(self, node_id: str) -> str | None:
        ids = [n.id for n in self.nodes]
        i = ids.index(node_id)
        return ids[i + 1] if i + 1 < len(ids) else None


def parse_duration(value, place: str) -> float:
    """Seconds from a number (seconds) or text like ``90``, ``15m``, ``2h``, ``1.5d``."""
    if isinstance(value, bool):
        raise InputError(f"expected a duration, got {value!r}", place=place)
    if isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, str) and (m := DURATION_RE.match(value)):
        seconds = float(m.group(1)) * UNIT_SECONDS[m.group(2)]
    else:
        raise InputError(f"expected a duration such as 900, '15m', '2h' or '1d', got {value!r}",
                         place=place)
    if not seconds >= 0 or seconds == float("inf"):
        raise InputError(f"duration must be ≥ 0, got {value!r}", place=place)
    return seconds


def format_duration(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


def _check_keys(raw: dict, allowed: set[str], place: str) -> None:
    extra = sorted(set(raw) - allowed)
    if extra:
        raise InputError(f"unknown key(s) {', '.join(extra)}; allowed: {', '.join(sorted(allowed))}",
                         place=place)


def _id(raw: dict, place: str) -> str:
    value = raw.get("id")
    if not isinstance(value, str) or not ID_RE.match(value):
        raise InputError(f"'id' must be text of 1–128 characters without control characters or "
                         f"surrounding spaces, got {value!r}", place=place)
    return value


def _node(raw, place: str) -> Node:
    if not isinstance(raw, dict):
        raise InputError("a node must be a table/mapping", place=place)
    node_id = _id(raw, place)
    place = f"{place.rsplit('[', 1)[0]} '{node_id}'" if place.endswith("]") else place
    _check_keys(raw, {"id", "name", "attribute", "threshold", "threshold_seconds", "basis",
                      "template", "templates", "channel", "priority", "enabled"}, place)
    if "threshold_seconds" in raw:
        if "threshold" in raw:
            raise InputError("give 'threshold' or 'threshold_seconds', not both", place=place)
        raw = {**raw, "threshold": raw["threshold_seconds"]}
    if "threshold" not in raw:
        raise InputError("missing 'threshold'", place=place)
    threshold = parse_duration(raw["threshold"], f"{place} > threshold")
    basis = raw.get("basis", "stay")
    if basis not in BASES:
        raise InputError(f"basis must be 'idle' or 'stay', got {basis!r}", place=f"{place} > basis")
    templates = raw.get("templates", {})
    if "template" in raw:
        templates = {"default": raw["template"], **templates}
    if not isinstance(templates, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in templates.items()):
        raise InputError("templates must map a language to template text",
                         place=f"{place} > templates")
    priority = raw.get("priority", 0)
    if not isinstance(priority, int) or isinstance(priority, bool):
        raise InputError(f"priority must be an integer, got {priority!r}", place=f"{place} > priority")
    from engine.nudges.messages import compile_check  # noqa: PLC0415 (avoid an import cycle)

    for lang, text in templates.items():
        error = compile_check(text)
        if error:
            raise InputError(error, place=f"{place} > templates > {lang}")
    return Node(id=node_id, threshold=threshold, basis=basis, name=str(raw.get("name", "")),
                attribute=str(raw.get("attribute", "")), templates=dict(templates),
                channel=str(raw.get("channel", "app")), priority=priority,
                enabled=bool(raw.get("enabled", True)))


def _quiet(raw, place: str) -> QuietHours | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise InputError("quiet_hours must be a table with start, end and utc_offset", place=place)
    _check_keys(raw, {"start", "end", "utc_offset"}, place)
    for key in ("start", "end"):
        if not isinstance(raw.get(key), str) or not HHMM_RE.match(raw[key]):
            raise InputError(f"'{key}' must be HH:MM (00:00–23:59), got {raw.get(key)!r}",
                             place=f"{place} > {key}")
    offset = raw.get("utc_offset", "+00:00")
    m = re.match(r"^([+-])(\d{2}):?(\d{2})$", str(offset))
    if not m or int(m.group(2)) > 14 or int(m.group(3)) > 59:
        raise InputError(f"utc_offset must look like +08:00, got {offset!r}",
                         place=f"{place} > utc_offset")
    minutes = (int(m.group(2)) * 60 + int(m.group(3))) * (1 if m.group(1) == "+" else -1)
    if raw["start"] == raw["end"]:
        raise InputError("start and end are equal; remove quiet_hours to disable them", place=place)
    return QuietHours(raw["start"], raw["end"], minutes)


def _cap(raw, place: str) -> Cap | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise InputError("cap must be a table with max and per", place=place)
    _check_keys(raw, {"max", "per"}, place)
    max_n = raw.get("max")
    if not isinstance(max_n, int) or isinstance(max_n, bool) or max_n < 1:
        raise InputError(f"'max' must be an integer ≥ 1, got {max_n!r}", place=f"{place} > max")
    per = parse_duration(raw.get("per", "1d"), f"{place} > per")
    if per <= 0:
        raise InputError("'per' must be > 0", place=f"{place} > per")
    return Cap(max_n, per)


def parse_process(raw, place: str) -> Process:
    if not isinstance(raw, dict):
        raise InputError("a process must be a table/mapping", place=place)
    pid = _id(raw, place)
    place = f"{place.rsplit(' ', 1)[0]} process '{pid}'" if " " in place else f"process '{pid}'"
    _check_keys(raw, {"id", "name", "nodes", "node", "steps", "quiet_hours", "cap", "exit",
                      "default_language", "language_attr", "fallbacks"}, place)
    nodes_raw = raw.get("nodes", raw.get("node", raw.get("steps")))
    if not isinstance(nodes_raw, list) or not nodes_raw:
        raise InputError("needs a non-empty list 'nodes'", place=place)
    nodes = [_node(n, f"{place} > node[{i}]") for i, n in enumerate(nodes_raw)]
    seen: set[str] = set()
    for n in nodes:
        if n.id in seen:
            raise InputError(f"node id '{n.id}' appears twice", place=f"{place} > node '{n.id}'")
        seen.add(n.id)
    exit_raw = raw.get("exit", {}) or {}
    if not isinstance(exit_raw, dict):
        raise InputError("exit must be a table", place=f"{place} > exit")
    _check_keys(exit_raw, {"complete", "abandon_after"}, f"{place} > exit")
    if exit_raw.get("complete", True) is not True:
        raise InputError("a 'complete' event always ends the process; 'complete' must be true",
                         place=f"{place} > exit > complete")
    abandon = exit_raw.get("abandon_after")
    abandon_s = None if abandon is None else parse_duration(abandon, f"{place} > exit > abandon_after")
    fallbacks = raw.get("fallbacks", {}) or {}
    if not isinstance(fallbacks, dict) or not all(
            isinstance(v, str) or (isinstance(v, dict) and all(
                isinstance(t, str) for t in v.values())) for v in fallbacks.values()):
        raise InputError("fallbacks must map a field name to text or to {language = text}",
                         place=f"{place} > fallbacks")
    return Process(id=pid, nodes=nodes, name=str(raw.get("name", "")),
                   quiet_hours=_quiet(raw.get("quiet_hours"), f"{place} > quiet_hours"),
                   cap=_cap(raw.get("cap"), f"{place} > cap"), abandon_after=abandon_s,
                   default_language=str(raw.get("default_language", "en")),
                   language_attr=str(raw.get("language_attr", "lang")),
                   fallbacks={str(k): (dict(v) if isinstance(v, dict) else v)
                              for k, v in fallbacks.items()})


def parse_rules(data, source: str = "rules") -> list[Process]:
    """Validate a decoded rules document ``{"process": [...]}`` (or a bare list)."""
    if isinstance(data, dict) and "id" in data and ("nodes" in data or "steps" in data):
        data = [data]  # a single process
    elif isinstance(data, dict):
        _check_keys(data, {"process", "processes"}, source)
        data = data.get("process", data.get("processes"))
    if not isinstance(data, list) or not data:
        raise InputError("expected a non-empty list of processes under 'process'", place=source)
    processes = [parse_process(p, f"{source}: process[{i}]") for i, p in enumerate(data)]
    ids = [p.id for p in processes]
    for pid in ids:
        if ids.count(pid) > 1:
            raise InputError(f"process id '{pid}' appears twice", place=source)
    return processes


def process_to_dict(p: Process) -> dict:
    out: dict = {"id": p.id}
    if p.name:
        out["name"] = p.name
    out["default_language"] = p.default_language
    out["language_attr"] = p.language_attr
    if p.quiet_hours:
        q = p.quiet_hours
        sign = "+" if q.utc_offset_minutes >= 0 else "-"
        off = abs(q.utc_offset_minutes)
        out["quiet_hours"] = {"start": q.start, "end": q.end,
                              "utc_offset": f"{sign}{off // 60:02d}:{off % 60:02d}"}
    if p.cap:
        out["cap"] = {"max": p.cap.max_nudges, "per": format_duration(p.cap.per_seconds)}
    out["exit"] = {"complete": True}
    if p.abandon_after is not None:
        out["exit"]["abandon_after"] = format_duration(p.abandon_after)
    if p.fallbacks:
        out["fallbacks"] = {k: (dict(v) if isinstance(v, dict) else v)
                            for k, v in p.fallbacks.items()}
    nodes = []
    for n in p.nodes:
        d = asdict(n)
        d["threshold"] = format_duration(n.threshold)
        if not d["name"]:
            d.pop("name")
        if not d["attribute"]:
            d.pop("attribute")
        nodes.append(d)
    out["nodes"] = nodes
    return out


def rules_to_dict(processes: list[Process]) -> dict:
    return {"process": [process_to_dict(p) for p in processes]}


def _format(path: Path) -> str:
    ext = path.suffix.lower()
    if ext in (".toml",):
        return "toml"
    if ext in (".yaml", ".yml"):
        return "yaml"
    if ext == ".json":
        return "json"
    raise InputError("rules file must end in .toml, .yaml, .yml or .json", place=str(path))


def loads_rules(text: str, fmt: str, source: str = "rules") -> list[Process]:
    try:
        if fmt == "toml":
            import tomllib

            data = tomllib.loads(text)
        elif fmt == "yaml":
            import yaml

            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except Exception as exc:  # noqa: BLE001 - every parser error becomes one InputError
        raise InputError(f"not valid {fmt.upper()}: {exc}", place=source) from exc
    return parse_rules(data, source)


def load_rules(path) -> list[Process]:
    path = Path(path)
    fmt = _format(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", place=str(path)) from exc
    return loads_rules(text, fmt, str(path))


def dumps_rules(processes: list[Process], fmt: str) -> str:
    data = rules_to_dict(processes)
    if fmt == "toml":
        import tomli_w

        return tomli_w.dumps(data)
    if fmt == "yaml":
        import yaml

        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return json.dumps(data, ensure_ascii=False, indent=2)


def save_rules(processes: list[Process], path) -> None:
    path = Path(path)
    path.write_text(dumps_rules(processes, _format(path)), encoding="utf-8")


def with_threshold(processes: list[Process], process_id: str, node_id: str,
                   seconds: float) -> list[Process]:
    """A copy of the rules with one node's threshold changed (for what-if runs)."""
    out = []
    for p in processes:
        if p.id == process_id:
            p = replace(p, nodes=[replace(n, threshold=float(seconds)) if n.id == node_id else n
                                  for n in p.nodes])
        out.append(p)
    return out
