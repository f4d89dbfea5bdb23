#!/usr/bin/python3
"""Import KiCad symbol-library pin data as a compact knowledge-base tier.

Usage: import_kicad_symbols.py SRC_DIR OUT_DIR

SRC_DIR holds kicad-symbols-pins.jsonl.gz and libraries.json (the pin dump of the
official KiCad symbol libraries, see SRC_DIR/README.md).  Writes

  OUT_DIR/kicad-symbols.jsonl.gz   one compact JSON record per symbol, sorted by id,
                                   gzip with mtime 0 (byte-identical across runs)
  OUT_DIR/libraries.json           source commit + name/description/symbol count per library

Record format (keys that are empty, null or "~" are omitted):
  {"id": "lib:name", "ref": "U", "value": "...", "desc": "...", "kw": "...",
   "ds": "https://...", "fp": "Lib:Footprint",
   "pins": [[number, name, type], ...]          root symbols (always present, may be [])
   "ext": "lib:root"}                           derived symbols, instead of "pins"
A pin is [number, name, type] or, for symbols with more than one unit,
[number, name, type, unit] (unit 0 = common to all units).  Type codes are listed in
TYPE_CODES.  Standard library only.
"""
import gzip
import hashlib
import io
import json
import os
import sys

SRC_NAME = "kicad-symbols-pins.jsonl.gz"
OUT_NAME = "kicad-symbols.jsonl.gz"

TYPE_CODES = {
    "input": "I",
    "output": "O",
    "bidirectional": "B",
    "tri_state": "T",
    "passive": "P",
    "free": "F",
    "unspecified": "U",
    "power_in": "W",
    "power_out": "w",
    "open_collector": "C",
    "open_emitter": "E",
    "no_connect": "N",
}

# (output key, source key) for the text fields, in output order
TEXT_FIELDS = [
    ("ref", "reference"),
    ("value", "value"),
    ("desc", "description"),
    ("kw", "keywords"),
    ("ds", "datasheet"),
    ("fp", "footprint"),
]


def text(value):
    """Source text field -> stripped string, or None when empty/null/"~"."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("expected a string, got %r" % (value,))
    value = value.strip()
    if value in ("", "~"):
        return None
    return value


def is_power(rec):
    return rec.get("power") is True or rec["lib"] == "power"


def compact_pins(rec):
    """Body style 1 (and 0 = both) only, deduped on (number, name, type, unit)."""
    multi = (rec.get("unit_count") or 0) > 1
    out, seen = [], set()
    for p in rec["pins"]:
        if p.get("body_style", 0) not in (0, 1):
            continue  # De Morgan alternate body: duplicates of the style-1 pins
        typ = TYPE_CODES.get(p["type"])
        if typ is None:
            raise ValueError("%s: unknown pin type %r" % (rec["lib_id"], p["type"]))
        key = (p["number"], p["name"], typ, p["unit"])
        if key in seen:
            continue
        seen.add(key)
        out.append([p["number"], p["name"], typ, p["unit"]] if multi
                   else [p["number"], p["name"], typ])
    return out


def convert(rec):
    out = {"id": rec["lib_id"]}
    for key, src in TEXT_FIELDS:
        v = text(rec.get(src))
        if v is not None:
            out[key] = v
    if rec.get("extends"):
        out["ext"] = rec["lib"] + ":" + rec["extends_root"]
    else:
        out["pins"] = compact_pins(rec)
    return out


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    src_dir, out_dir = argv[1], argv[2]
    src = os.path.join(src_dir, SRC_NAME)

    with gzip.open(src, "rt", encoding="utf-8") as f:
        recs = [json.loads(line) for line in f if line.strip()]

    by_id = {}
    for r in recs:
        if r["lib_id"] != r["lib"] + ":" + r["name"]:
            raise ValueError("inconsistent lib_id %r" % r["lib_id"])
        if r["lib_id"] in by_id:
            raise ValueError("duplicate id %r" % r["lib_id"])
        by_id[r["lib_id"]] = r

    kept = [r for r in recs if not is_power(r)]
    skipped_power = len(recs) - len(kept)
    out_recs = sorted((convert(r) for r in kept), key=lambda o: o["id"])

    # every "ext" must point at a root record that is in the output
    roots = {o["id"] for o in out_recs if "pins" in o}
    for o in out_recs:
        if "ext" in o and o["ext"] not in roots:
            raise ValueError("%s extends %s, which is not an output root" % (o["id"], o["ext"]))

    os.makedirs(out_dir, exist_ok=True)
    payload = "".join(
        json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n" for o in out_recs
    ).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    out_path = os.path.join(out_dir, OUT_NAME)
    with open(out_path, "wb") as f:
        f.write(buf.getvalue())

    # trimmed libraries.json: source + name, description, symbol count (in the output)
    with open(os.path.join(src_dir, "libraries.json"), encoding="utf-8") as f:
        libs_src = json.load(f)
    counts = {}
    for o in out_recs:
        lib = o["id"].split(":", 1)[0]
        counts[lib] = counts.get(lib, 0) + 1
    libs = []
    for lib in sorted(libs_src["libraries"], key=lambda l: l["library"]):
        n = counts.pop(lib["library"], 0)
        if n:
            libs.append({"name": lib["library"], "description": lib.get("description") or "",
                         "symbols": n})
    if counts:
        raise ValueError("libraries missing from libraries.json: %s" % sorted(counts))
    with open(os.path.join(out_dir, "libraries.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"source": libs_src.get("source"), "libraries": libs}, f,
                  ensure_ascii=False, indent=1)
        f.write("\n")

    n_root = len(roots)
    n_pins = sum(len(o["pins"]) for o in out_recs if "pins" in o)
    n_multi = sum(1 for o in out_recs if o.get("pins") and len(o["pins"][0]) == 4)
    print("source records:   %d (sha256 %s)" % (len(recs), sha256(src)))
    print("skipped power:    %d" % skipped_power)
    print("records:          %d" % len(out_recs))
    print("root:             %d (multi-unit %d)" % (n_root, n_multi))
    print("derived:          %d" % (len(out_recs) - n_root))
    print("pins:             %d" % n_pins)
    print("libraries:        %d" % len(libs))
    print("bytes:            %d gzip, %d uncompressed" % (len(buf.getvalue()), len(payload)))
    print("sha256:           %s  %s" % (sha256(out_path), OUT_NAME))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
