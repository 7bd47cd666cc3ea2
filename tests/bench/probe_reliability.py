"""The probes of issue 13, run against any checkout of minutebook: one line of outcome each.

    .venv/bin/python tests/bench/probe_reliability.py --code .             # this checkout
    .venv/bin/python tests/bench/probe_reliability.py --code /tmp/before   # another one

Every probe runs that checkout's command line (`PYTHONPATH=CODE`) in a subprocess over a fresh
home, so the same script measures the code before and after a change. A probe that meets a
command or flag the checkout lacks reports what happened (exit code, last line of stderr).
`--only NAME[,NAME]` runs some of them. Nothing is left running: every process started is
waited for, and workers that outlive a killed ingest are counted, then killed.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve()
CORPUS = HERE.parents[2] / "corpus"
MINUTES = CORPUS / "002_26292387ddb10f8c.txt"
PANEL = CORPUS / "004_d692cb27e227d39d.txt"
ENTRY = "import sys; from ui.cli import main; sys.exit(main())"


class Probe:
    def __init__(self, code: Path, work: Path) -> None:
        self.code = code.resolve()
        self.work = work

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "MINUTEBOOK_HOME"}
        env["PYTHONPATH"] = str(self.code)
        return env

    def cli(
        self, *args: str, timeout: float = 900, as_user: bool = False
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", ENTRY, *args],
            cwd=self.code,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            preexec_fn=_obey_permissions if as_user and os.geteuid() == 0 else None,
        )

    def home(self, name: str) -> Path:
        path = self.work / name
        shutil.rmtree(path, ignore_errors=True)
        return path


def _obey_permissions() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        libc.prctl(24, capability, 0, 0, 0)


def outcome(result: subprocess.CompletedProcess[str]) -> str:
    """'exit 1, traceback: KeyError…' or 'exit 0' or 'exit 1: error: …' (first error line)."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    if "Traceback" in result.stderr:
        return f"exit {result.returncode}, traceback: {lines[-1][:110]}"
    errors = [line for line in lines if line.startswith(("error", "usage"))] or lines[-1:]
    return f"exit {result.returncode}" + (f": {errors[0][:150]}" if errors and result.returncode else "")


# ------------------------------------------------------------------ papers


_LETTERS = "bcdfghjklmnpqrstvwxz"


def word(n: int) -> str:
    out = ""
    for _ in range(3):
        out += _LETTERS[n % len(_LETTERS)]
        n //= len(_LETTERS)
    return "zqv" + out


def marked(folder: Path, count: int) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    text = MINUTES.read_text(encoding="utf-8")
    papers = {}
    for n in range(count):
        path = folder / f"paper-{n:03d}.txt"
        path.write_text(text.replace("Free School Meals Update", f"Free School Meals Update {word(n)}"))
        papers[str(path.resolve())] = word(n)
    return papers


def stored(home: Path) -> list[str]:
    db = home / "minutebook.sqlite3"
    if not db.exists():
        return []
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            return [r[0] for r in con.execute("SELECT path FROM documents")]
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return []


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def bomb(path: Path, inflated_mb: int) -> Path:
    inner = zlib.compressobj(9)
    parts = [inner.compress(b"BT /F1 12 Tf 72 712 Td (Bomb) Tj ET\n")]
    block = b" " * (1024 * 1024)
    parts += [inner.compress(block) for _ in range(inflated_mb)]
    parts.append(inner.flush())
    stream = zlib.compress(b"".join(parts), 9)
    return raw_pdf(path, b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>" % len(stream), stream)


def raw_pdf(
    path: Path, attrs: bytes, content: bytes, extra: list[bytes] | None = None, resources: bytes = b""
) -> Path:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font"
        b" << /F1 5 0 R >> " + resources + b" >> >>",
        attrs + b"\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *(extra or []),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def peak_run(probe: Probe, args: list[str], timeout: float = 1800) -> tuple[int, float, float, str]:
    """Run the CLI under a wrapper: (exit, wall s, peak MB of any of its processes, stderr)."""
    wrapper = (
        "import json, resource, subprocess, sys;"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
        "print(json.dumps([p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.stderr]))"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", wrapper, sys.executable, "-c", ENTRY, *args],
        cwd=probe.code, env=probe.env(), capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    code, peak_kb, stderr = json.loads(done.stdout.strip().splitlines()[-1])
    return code, time.perf_counter() - started, peak_kb / 1024, stderr


# ------------------------------------------------------------------ probes


def crash(probe: Probe, how: signal.Signals) -> str:
    home = probe.home(f"crash-{how.name}")
    papers = marked(probe.work / f"crash-papers-{how.name}", 10)
    folder = probe.work / f"crash-papers-{how.name}"
    process = subprocess.Popen(
        [sys.executable, "-c", ENTRY, "--home", str(home), "ingest", str(folder), "--workers", "2"],
        cwd=probe.code, env=probe.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 600
    while len(stored(home)) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    workers = children(process.pid)
    process.send_signal(how)
    process.wait(timeout=300)
    time.sleep(5)
    lingering = [pid for pid in workers if alive(pid)]
    for pid in lingering:
        os.kill(pid, signal.SIGKILL)
    kept = stored(home)
    lost = 0
    for path in kept:
        result = probe.cli("--home", str(home), "search", papers[path], "--json")
        hits = json.loads(result.stdout)["hits"] if result.returncode == 0 else []
        lost += not any(hit.get("path") == path for hit in hits)
    return (
        f"{len(kept)} stored, {lost} not found by search;"
        f" {len(lingering)} of {len(workers)} workers alive 5 s later"
    )


def probe_kill9(probe: Probe) -> str:
    return crash(probe, signal.SIGKILL)


def probe_sigint(probe: Probe) -> str:
    return crash(probe, signal.SIGINT)


def probe_bomb(probe: Probe) -> str:
    pdf = bomb(probe.work / "bomb.pdf", inflated_mb=2048)
    code, wall, peak, stderr = peak_run(probe, ["--home", str(probe.home("bomb")), "ingest", str(pdf)])
    message = next((line for line in stderr.splitlines() if line.startswith("error")), stderr.strip()[-150:])
    return (
        f"{pdf.stat().st_size} B file inflating to 2 GB: exit {code}, {wall:.1f} s,"
        f" peak {peak:.0f} MB: {message[:160]}"
    )


def _corpus_home(probe: Probe) -> Path:
    base = probe.work / "corpus-home"
    if not base.exists():
        result = probe.cli("--home", str(base), "ingest", str(CORPUS), "--workers", "2")
        assert result.returncode == 0, result.stderr
    return base


def _copy_home(probe: Probe, name: str) -> Path:
    home = probe.home(name)
    shutil.copytree(_corpus_home(probe), home)
    return home


def _live(home: Path) -> Path:
    return home / "index" / (home / "index" / "CURRENT").read_text().strip()


def probe_index_segment(probe: Probe) -> str:
    home = _copy_home(probe, "segment")
    next(_live(home).glob("*.seg")).unlink()
    search = probe.cli("--home", str(home), "search", "free school meals", "--json")
    hits = json.loads(search.stdout)["total"] if search.returncode == 0 else 0
    repair = probe.cli("--home", str(home), "check", "--repair")
    return f"search: {outcome(search)} ({hits} results); check --repair: {outcome(repair)}"


def probe_index_toc(probe: Probe) -> str:
    home = _copy_home(probe, "toc")
    toc = next(_live(home).glob("_MAIN_*.toc"))
    toc.write_bytes(bytes((i * 37 + 11) % 256 for i in range(toc.stat().st_size)))
    search = probe.cli("--home", str(home), "search", "free school meals")
    reindexes = [probe.cli("--home", str(home), "reindex") for _ in range(2)]
    builds = len(list((home / "index").glob("build-*")))
    after = probe.cli("--home", str(home), "search", "free school meals")
    return (
        f"search: {outcome(search)}; reindex x2: {outcome(reindexes[-1])}, {builds} build folders;"
        f" search after: {outcome(after)}"
    )


def probe_store(probe: Probe) -> str:
    home = _copy_home(probe, "store")
    db_file = home / "minutebook.sqlite3"
    con = sqlite3.connect(db_file)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (page_size,) = con.execute("PRAGMA page_size").fetchone()
    pages = [r[0] for r in con.execute("SELECT pageno FROM dbstat WHERE name = 'documents'")]
    con.close()
    with db_file.open("r+b") as handle:
        handle.seek((pages[0] - 1) * page_size)
        handle.write(bytes((n * 131) % 256 for n in range(page_size)))
    meetings = probe.cli("--home", str(home), "meetings")
    repair = probe.cli("--home", str(home), "check", "--repair")
    probe.cli("--home", str(home), "ingest", str(CORPUS))
    after = probe.cli("--home", str(home), "meetings", "--json")
    count = sum(len(m["documents"]) for m in json.loads(after.stdout)) if after.returncode == 0 else 0
    return (
        f"meetings: {outcome(meetings)}; check --repair: {outcome(repair)}; after re-ingest:"
        f" {outcome(after)}, {count} documents"
    )


def probe_case_edit(probe: Probe) -> str:
    home = probe.home("case")
    paper = probe.work / "case" / "minutes.txt"
    paper.parent.mkdir(exist_ok=True)
    shutil.copy(MINUTES, paper)
    probe.cli("--home", str(home), "ingest", str(paper))
    paper.write_text(MINUTES.read_text().replace("Free School Meals Update", "FREE SCHOOL MEALS UPDATE"))
    again = probe.cli("--home", str(home), "ingest", str(paper), "--json")
    found = probe.cli("--home", str(home), "search", '"school meals update"', "--json")
    titles = sorted({h["item_title"] for h in json.loads(found.stdout)["hits"]})
    return f"re-ingest: {json.loads(again.stdout)['ingested']} ingested; search shows item titles {titles}"


def probe_rename_prune(probe: Probe) -> str:
    home = probe.home("rename")
    folder = probe.work / "rename-papers"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    shutil.copy(MINUTES, folder / "june.txt")
    shutil.copy(PANEL, folder / "march.txt")
    probe.cli("--home", str(home), "ingest", str(folder))
    (folder / "june.txt").rename(folder / "june-renamed.txt")
    (folder / "march.txt").unlink()
    rename = probe.cli("--home", str(home), "ingest", str(folder))
    prune = probe.cli("--home", str(home), "ingest", str(folder), "--prune")
    paths = sorted(Path(p).name for p in stored(home))
    return (
        f"after rename and delete: ingest {outcome(rename)}; --prune {outcome(prune)}; stored paths {paths}"
    )


def probe_paths(probe: Probe) -> str:
    folder = probe.work / "paths"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "locked").mkdir(parents=True)
    shutil.copy(MINUTES, folder / "good.txt")
    shutil.copy(PANEL, folder / "locked" / "inside.txt")
    (folder / "locked").chmod(0)
    home = probe.home("paths-home")
    try:
        walk = probe.cli("--home", str(home), "ingest", str(folder), "--json", as_user=True)
        under = probe.cli(
            "--home", str(home), "ingest", str(folder / "locked" / "inside.txt"), str(MINUTES), as_user=True
        )
    finally:
        (folder / "locked").chmod(0o755)
    long = probe.cli(
        "--home", str(probe.home("long-home")), "ingest", str(folder / ("x" * 300 + ".txt")), str(MINUTES)
    )
    reported = "locked" in walk.stdout
    return (
        f"unreadable sub-folder: {outcome(walk)}, reported: {reported}; path under it: {outcome(under)};"
        f" 300-byte name: {outcome(long)}, good file stored: {bool(stored(probe.work / 'long-home'))}"
    )


def probe_symlink(probe: Probe) -> str:
    folder = probe.work / "links"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "papers").mkdir(parents=True)
    shutil.copy(MINUTES, folder / "papers" / "june.txt")
    (folder / "alias").symlink_to(folder / "papers", target_is_directory=True)
    result = probe.cli(
        "--home", str(probe.home("links-home")), "ingest", str(folder / "papers"), str(folder / "alias")
    )
    return f"folder reached twice: {result.stdout.strip().splitlines()[-1]}"


def probe_messages(probe: Probe) -> str:
    folder = probe.work / "messages"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "unicode.txt").write_bytes(MINUTES.read_text().encode("utf-16"))
    (folder / "garbage.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    form = b"<< /Length 9 >>"
    raw_pdf(
        folder / "recursive.pdf", form, b"/Fm1 Do\n\n",
        extra=[b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792]"
               b" /Resources << /XObject << /Fm1 6 0 R >> >>"
               b" /Length 25 >>\nstream\n0 0 m 100 100 l S /Fm1 Do\nendstream"],
        resources=b"/XObject << /Fm1 6 0 R >>",
    )  # fmt: skip
    (folder / "two\nlines.txt").write_bytes(b"")
    result = probe.cli("--home", str(probe.home("messages-home")), "ingest", str(folder), "--json")
    report = json.loads(result.stdout) if result.stdout.strip().startswith("{") else {"failed": []}
    errors = {Path(f["path"]).name: f["error"] for f in report["failed"]}
    split = any(line.startswith("lines.txt") for line in result.stderr.splitlines())
    return (
        f"utf-16: {errors.get('unicode.txt', 'ingested')}; %PDF-+garbage: {errors.get('garbage.pdf')};"
        f" self-drawing form: {errors.get('recursive.pdf')};"
        f" newline in a name: {'splits the error line' if split else 'one error line'}"
    )


def probe_ask_star(probe: Probe) -> str:
    result = probe.cli("--home", str(_corpus_home(probe)), "ask", "*", "--json")
    answer = json.loads(result.stdout)
    return f"answer {answer['answer']!r}, confidence {answer['confidence']}"


def probe_snippet(probe: Probe) -> str:
    paper = probe.work / "long-word.txt"
    paper.write_text(
        MINUTES.read_text().replace(
            "Free School Meals Update", "Free School Meals Update zqlong " + "x" * 100_000
        )
    )
    home = probe.home("snippet")
    probe.cli("--home", str(home), "ingest", str(paper))
    result = probe.cli("--home", str(home), "search", "zqlong", "--json")
    hits = json.loads(result.stdout)["hits"]
    return (
        f"snippet of a hit with a 100,000-character word: {max(len(h['snippet']) for h in hits)} characters"
    )


def probe_ui(probe: Probe) -> str:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-c", ENTRY, "--home", str(_corpus_home(probe)), "ui", "--port", str(port)],
        cwd=probe.code, env=probe.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        addresses: set[str] = set()
        deadline = time.monotonic() + 90
        while not addresses and time.monotonic() < deadline:
            time.sleep(0.5)
            for table, wide in (("tcp", False), ("tcp6", True)):
                for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
                    fields = line.split()
                    address, port_hex = fields[1].split(":")
                    if fields[3] == "0A" and int(port_hex, 16) == port:
                        addresses.add(
                            ("::" if set(address) == {"0"} else address)
                            if wide
                            else ".".join(str(b) for b in reversed(bytes.fromhex(address)))
                        )
        return f"`minutebook ui` listens on {sorted(addresses)}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _big_item(path: Path, chars: int) -> Path:
    """Minutes with one item of `chars` characters of prose in one paragraph (no headings, so
    one section: the whole of it reaches spaCy as one text)."""
    import random

    rng = random.Random(3)
    vocabulary = MINUTES.read_text().split()
    words: list[str] = []
    size = 0
    while size < chars:
        sentence = " ".join(rng.choice(vocabulary) for _ in range(15)).rstrip(".") + "."
        if len(words) % 40 == 0:
            sentence = "Councillor Jane Doe thanked Norfolk County Council for the report. " + sentence
        words.append(sentence)
        size += len(sentence) + 1
    path.write_text("Minutes of the Panel held on 13 March 2014\n\n1. Everything\n\n" + " ".join(words))
    return path


def probe_item_500k(probe: Probe) -> str:
    paper = _big_item(probe.work / "item-500k.txt", 500_000)
    code, wall, peak, stderr = peak_run(
        probe, ["--home", str(probe.home("item500")), "ingest", str(paper), "--workers", "1"]
    )
    return f"500 KB item: exit {code}, {wall:.1f} s, peak {peak:.0f} MB"


def probe_item_1m(probe: Probe) -> str:
    paper = _big_item(probe.work / "item-1m.txt", 1_100_000)
    result = probe.cli("--home", str(probe.home("item1m")), "ingest", str(paper), "--workers", "1")
    return f"1.1M-character item: {outcome(result)}"


PROBES: dict[str, Callable[[Probe], str]] = {
    "kill9": probe_kill9,
    "sigint": probe_sigint,
    "bomb": probe_bomb,
    "index-segment": probe_index_segment,
    "index-toc": probe_index_toc,
    "store": probe_store,
    "case-edit": probe_case_edit,
    "rename-prune": probe_rename_prune,
    "paths": probe_paths,
    "symlink": probe_symlink,
    "messages": probe_messages,
    "ask-star": probe_ask_star,
    "snippet": probe_snippet,
    "ui": probe_ui,
    "item-500k": probe_item_500k,
    "item-1m": probe_item_1m,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=HERE.parents[2], help="the checkout to probe")
    parser.add_argument("--only", help="comma-separated probe names: " + ", ".join(PROBES))
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(PROBES)
    with tempfile.TemporaryDirectory(prefix="probe-") as tmp:
        probe = Probe(args.code, Path(tmp))
        for name in names:
            started = time.perf_counter()
            try:
                line = PROBES[name](probe)
            except Exception as err:  # a probe that breaks says so; the others still run
                line = f"probe failed: {type(err).__name__}: {err}"
            print(f"{name:<14} {line}  [{time.perf_counter() - started:.0f} s]", flush=True)


if __name__ == "__main__":
    main()
