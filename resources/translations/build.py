"""Build a translation catalogue: lupdate → fill from JSON → lrelease.

    python resources/translations/build.py NAME SOURCE_DIR_OR_FILE...

extracts every ``tr()`` / ``translate()`` string of the sources into ``NAME_zh_CN.ts``, fills each
message whose source text has an entry in ``NAME_zh_CN.json`` (``{"source": "译文"}``), reports
the strings still untranslated, and compiles ``NAME_zh_CN.qm``, which the console loads at start.
"""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANG = "zh_CN"


def build(name: str, sources: list[str]) -> list[str]:
    ts = HERE / f"{name}_{LANG}.ts"
    qm = HERE / f"{name}_{LANG}.qm"
    table_path = HERE / f"{name}_{LANG}.json"
    table = json.loads(table_path.read_text(encoding="utf-8")) if table_path.exists() else {}
    files = []
    for src in sources:
        p = Path(src)
        files += [str(f) for f in sorted(p.rglob("*.py"))] if p.is_dir() else [str(p)]
    subprocess.run(["pyside6-lupdate", "-no-obsolete", "-target-language", LANG, *files,
                    "-ts", str(ts)], check=True, capture_output=True)
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return missing


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    untranslated = build(sys.argv[1], sys.argv[2:])
    for text in untranslated:
        print("untranslated:", text)
    print(f"{sys.argv[1]}: {len(untranslated)} untranslated")
