#!/usr/bin/python3
"""Compare rasad's date finder with python3-dateparser on internal/timex/testdata/corpus.tsv.

Run it with the system Python, which is where Debian's python3-dateparser lives
(/usr/lib/python3/dist-packages), from anywhere inside the repository:

    /usr/bin/python3 scripts/compare_dateparser.py                 # builds ./cmd/rasad into a temp dir
    /usr/bin/python3 scripts/compare_dateparser.py --bin ./rasad   # uses a binary you built
    /usr/bin/python3 scripts/compare_dateparser.py --show-errors   # also lists every line a system got wrong

If dateparser is missing: apt-get install -y python3-dateparser

Corpus format (see the file's header): tab-separated lang, anchor (YYYY-MM-DD or -), text,
expected values joined by " | " (or - for none), optional note; '#' lines and blank lines are skipped.

rasad: every corpus line is sent at once to `rasad analyze --jsonl -` as a document object
{"id": "<line number>", "text": ..., "lang": ..., "published": <anchor, omitted when ->}; the values of
`dates[]` of each analysis object (ordered by `start`) must equal the expected list exactly.

dateparser: dateparser.search.search_dates(text, languages=[lang] or None, settings={'RELATIVE_BASE': anchor,
'PREFER_DATES_FROM': 'past', 'REQUIRE_PARTS': []}); each found date is formatted to the granularity of the
expected value at the same position (YYYY-MM-DD, YYYY-MM or YYYY) and the list must equal the expected list
exactly; for "-" nothing may be found. An exception counts as wrong. Both languages=[lang] and languages=None
(auto) are run; the better one is marked. For a line whose anchor is "-", dateparser would take the parts it
does not find from its default RELATIVE_BASE, the clock, which makes the score depend on the day of the run;
so such a line is run with two fixed, different bases and counts as correct only when both runs are right
(pass --clock to leave RELATIVE_BASE at dateparser's default instead, at the cost of determinism).

Uses only the standard library plus dateparser. Output is deterministic for a given corpus and binary.
Exit status: 0 on success, 1 when rasad could not be built or run, 2 on bad usage or a missing dependency.
"""
import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings

LANGS = ("fa", "ar", "en")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CORPUS = os.path.join(ROOT, "internal", "timex", "testdata", "corpus.tsv")


class Case:
    __slots__ = ("lineno", "lang", "anchor", "text", "expected", "note")

    def __init__(self, lineno, lang, anchor, text, expected, note):
        self.lineno, self.lang, self.anchor, self.text, self.expected, self.note = lineno, lang, anchor, text, expected, note


def load_corpus(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 4:
                sys.exit(f"{path}:{lineno}: expected at least 4 tab-separated columns, found {len(cols)}")
            lang, anchor, text, exp = cols[0].strip(), cols[1].strip(), cols[2], cols[3].strip()
            if lang not in LANGS:
                sys.exit(f"{path}:{lineno}: unknown lang {lang!r}")
            if anchor != "-":
                try:
                    datetime.date.fromisoformat(anchor)
                except ValueError:
                    sys.exit(f"{path}:{lineno}: bad anchor {anchor!r}")
            expected = [] if exp == "-" else [v.strip() for v in exp.split(" | ")]
            cases.append(Case(lineno, lang, anchor, text, expected, cols[4] if len(cols) > 4 else ""))
    if not cases:
        sys.exit(f"{path}: no corpus lines")
    return cases


# ---------------------------------------------------------------- rasad

class RasadError(Exception):
    pass


def build_rasad(tmpdir):
    if shutil.which("go") is None:
        raise RasadError("cannot build rasad: the 'go' command is not on PATH (or pass --bin PATH)")
    out = os.path.join(tmpdir, "rasad")
    proc = subprocess.run(["go", "build", "-o", out, "./cmd/rasad"], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        raise RasadError(f"cannot build rasad (go build ./cmd/rasad in {ROOT} exited {proc.returncode}):\n{tail}")
    return out


def stderr_summary(err):
    lines = err.strip().splitlines()
    head = [l for l in lines if l.startswith(("panic:", "fatal error:", "error:"))][:3]
    return "\n".join(head + (["..."] if head else []) + lines[-8:])


def culprits(binary, cases, docs):
    """After a failed batch, run each line alone to name the corpus lines that make rasad fail."""
    bad = []
    for c, d in zip(cases, docs):
        try:
            p = subprocess.run([binary, "analyze", "--jsonl", "-"], input=d + "\n", stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, text=True, encoding="utf-8", timeout=60)
            if p.returncode != 0:
                bad.append(c.lineno)
        except (OSError, subprocess.TimeoutExpired):
            bad.append(c.lineno)
    if not bad:
        return "\n(every line succeeds when sent alone)"
    return "\ncorpus lines that fail when sent alone: " + ", ".join(map(str, bad))


def run_rasad(binary, cases):
    docs = []
    for c in cases:
        d = {"id": str(c.lineno), "text": c.text, "lang": c.lang}
        if c.anchor != "-":
            d["published"] = c.anchor
        docs.append(json.dumps(d, ensure_ascii=False))
    stdin = "\n".join(docs) + "\n"
    try:
        proc = subprocess.run([binary, "analyze", "--jsonl", "-"], input=stdin, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, encoding="utf-8")
    except OSError as e:
        raise RasadError(f"cannot run rasad ({binary}): {e}")
    if proc.returncode != 0:
        raise RasadError(f"`{binary} analyze --jsonl -` exited {proc.returncode}:\n{stderr_summary(proc.stderr)}"
                         + culprits(binary, cases, docs))
    lines = [l for l in proc.stdout.splitlines() if l.strip()]
    by_id = {}
    for i, l in enumerate(lines):
        try:
            obj = json.loads(l)
        except ValueError as e:
            raise RasadError(f"rasad output line {i + 1} is not JSON: {e}")
        ident = str(obj.get("id", ""))
        if not ident and i < len(cases):
            ident = str(cases[i].lineno)
        by_id[ident] = obj
    results = {}
    for c in cases:
        obj = by_id.get(str(c.lineno))
        if obj is None:
            results[c.lineno] = (None, "no analysis object for this line (skipped by rasad?)")
            continue
        dates = obj.get("dates") or []
        dates = sorted(dates, key=lambda d: d.get("start", 0) if isinstance(d.get("start"), int) else 0)
        results[c.lineno] = ([str(d.get("value")) for d in dates], None)
    return results


# ---------------------------------------------------------------- dateparser

def import_dateparser():
    try:
        warnings.filterwarnings("ignore")
        import dateparser  # noqa: F401
        from dateparser.search import search_dates
        return search_dates
    except ImportError as e:
        sys.stderr.write(
            "error: cannot import dateparser (%s).\n"
            "This script uses Debian's python3-dateparser: run it with /usr/bin/python3 "
            "(not a virtualenv's python), and install the package with `apt-get install -y python3-dateparser` "
            "if it is missing.\n" % e)
        sys.exit(2)


def fmt(dt, like):
    if like is not None and len(like) == 4:
        return "%04d" % dt.year
    if like is not None and len(like) == 7:
        return "%04d-%02d" % (dt.year, dt.month)
    return "%04d-%02d-%02d" % (dt.year, dt.month, dt.day)


# Lines without an anchor: dateparser fills any part it did not find (year, month, day) from RELATIVE_BASE,
# which defaults to the machine's clock, so the same run would score differently from one day to the next
# (e.g. "نوفمبر 2020" read as just "2020" is credited as 2020-11 only in November). To stay deterministic
# such a line is parsed with two fixed bases that differ in year, month and day, and it counts as correct
# only if both runs give the expected list: nothing taken from "now" can then be credited. --clock gives
# the literal default instead (not deterministic).
NO_ANCHOR_BASES = (datetime.datetime(1999, 1, 1), datetime.datetime(2000, 7, 16))


def dp_values(search_dates, c, auto, base):
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": []}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    found = search_dates(c.text, languages=None if auto else [c.lang], settings=settings) or []
    return [fmt(dt, c.expected[i] if i < len(c.expected) else None) for i, (_, dt) in enumerate(found)]


def run_dateparser(search_dates, cases, auto, clock=False):
    results = {}
    for c in cases:
        if c.anchor != "-":
            a = datetime.date.fromisoformat(c.anchor)
            bases = (datetime.datetime(a.year, a.month, a.day),)
        elif clock:
            bases = (None,)
        else:
            bases = NO_ANCHOR_BASES
        try:
            runs = [dp_values(search_dates, c, auto, b) for b in bases]
            # report the first run's values, or the first that differs from the expected list
            vals = next((r for r in runs if r != c.expected), runs[0])
            results[c.lineno] = (vals, None)
        except Exception as e:  # any failure on a line counts as wrong
            results[c.lineno] = (None, "%s: %s" % (type(e).__name__, e))
    return results


# ---------------------------------------------------------------- scoring

def correct(case, result):
    vals, err = result
    return err is None and vals == case.expected


def score(cases, results):
    per = {l: [0, 0] for l in LANGS}
    for c in cases:
        per[c.lang][1] += 1
        if correct(c, results[c.lineno]):
            per[c.lang][0] += 1
    tot = [sum(v[0] for v in per.values()), sum(v[1] for v in per.values())]
    return per, tot


def cell(ok, n):
    return "%d/%d (%.1f%%)" % (ok, n, 100.0 * ok / n) if n else "0/0"


def show(vals_err):
    vals, err = vals_err
    if err is not None:
        return "ERROR " + err
    return " | ".join(vals) if vals else "-"


def main():
    ap = argparse.ArgumentParser(description="Accuracy of rasad vs python3-dateparser on the timex corpus.")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="corpus TSV (default: %(default)s)")
    ap.add_argument("--bin", help="rasad binary to use instead of building ./cmd/rasad")
    ap.add_argument("--show-errors", action="store_true", help="list each line either system got wrong")
    ap.add_argument("--clock", action="store_true",
                    help="for lines without an anchor leave dateparser's RELATIVE_BASE at its default (the clock); "
                         "not deterministic")
    args = ap.parse_args()

    cases = load_corpus(args.corpus)
    search_dates = import_dateparser()

    rasad_res, rasad_err = None, None
    tmpdir = tempfile.mkdtemp(prefix="rasad-compare-")
    try:
        binary = args.bin or build_rasad(tmpdir)
        rasad_res = run_rasad(binary, cases)
    except RasadError as e:
        rasad_err = str(e)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)

    dp = {
        "languages=[lang]": run_dateparser(search_dates, cases, auto=False, clock=args.clock),
        "languages=None": run_dateparser(search_dates, cases, auto=True, clock=args.clock),
    }
    dp_scores = {k: score(cases, v) for k, v in dp.items()}
    # better mode: more correct lines overall; ties go to languages=[lang] (the order above).
    best = max(dp_scores, key=lambda k: (dp_scores[k][1][0], k == "languages=[lang]"))

    print("corpus: %s (%d lines: %s)" % (os.path.relpath(args.corpus, os.getcwd()), len(cases),
          ", ".join("%s %d" % (l, sum(1 for c in cases if c.lang == l)) for l in LANGS)))
    print()
    print("| system | fa | ar | en | all |")
    print("|---|---|---|---|---|")
    if rasad_res is not None:
        per, tot = score(cases, rasad_res)
        print("| rasad | %s | %s | %s | %s |" % tuple([cell(*per[l]) for l in LANGS] + [cell(*tot)]))
    else:
        print("| rasad | n/a | n/a | n/a | n/a |")
    for k in dp:
        per, tot = dp_scores[k]
        name = "dateparser %s%s" % (k, " (better)" if k == best else "")
        print("| %s | %s | %s | %s | %s |" % tuple([name] + [cell(*per[l]) for l in LANGS] + [cell(*tot)]))
    print()
    print("better dateparser mode: %s" % best)
    if args.clock:
        print("note: --clock: lines without an anchor used dateparser's default RELATIVE_BASE (today); "
              "these figures can change from day to day")

    if args.show_errors:
        print()
        print("## lines either system got wrong (dateparser shown in its better mode, %s)" % best)
        dpr = dp[best]
        for c in cases:
            r_ok = rasad_res is not None and correct(c, rasad_res[c.lineno])
            d_ok = correct(c, dpr[c.lineno])
            if r_ok and d_ok:
                continue
            if rasad_res is None and d_ok:
                continue
            print()
            print("line %d [%s] anchor %s: %s" % (c.lineno, c.lang, c.anchor, c.text))
            print("  expected:   %s" % (" | ".join(c.expected) if c.expected else "-"))
            if rasad_res is not None:
                print("  rasad:      %s%s" % (show(rasad_res[c.lineno]), "" if r_ok else "   <- wrong"))
            print("  dateparser: %s%s" % (show(dpr[c.lineno]), "" if d_ok else "   <- wrong"))

    if rasad_err is not None:
        sys.stderr.write("\nerror: rasad half not run: %s\n" % rasad_err)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
