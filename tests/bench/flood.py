#!/usr/bin/env python3
"""SockScope flood benchmark: headless and windowed (xvfb-run) SockScope vs the raw loopback limit.

    python3 tests/bench/flood.py --binary build-bench/app/sockscope [--quick] [--no-gui]
                                 [--only bulk|lines|udp|relay|tls] [--runs N]

Rows as in issue #5: 1 raw limits, 2 headless bulk, 3 GUI bulk, 4 lines, 5 UDP, 6 1,000 clients
(raw, headless, GUI), 7 key-to-paint latency typed with xdotool (XTest) into the window, read
back through the app's opt-in input probe (SOCKSCOPE_INPUT_PROBE=1, ui/inputprobe.h).
Row 8 (issue #14): 1 GiB client→upstream directly, through socat -b 262144 and through
SockScope's relay with the hex log (headless; the window once it has a relay), in the same run;
`--only relay` runs just that row.
Row 9 (issue #15): 1 GiB into a headless TLS server (--tls --gen-cert, hex log) next to the same
flood into a plaintext one, in the same run, from a Python ssl sender; also that sender into a
Python ssl receiver (no SockScope), to show the sender is not the limit. `--only tls` runs it.
Issue #16 (line rate): row 4 is 63-byte lines in 64 KiB writes, headless and in the window, next
to the same sender's own limit; row 5 adds three UDP senders at full speed (raw, then headless);
rows 2, 3, 4, 5 and 7 check the issue's targets (OK / MISSED, x value / what the target names).
`--only bulk|lines|udp` reruns one group with its references; `--runs N` repeats the selected rows
and ends with the spread (min–max and each run) of every figure.

Python 3 standard library only. All traffic stays on 127.0.0.1. Every loop is
bounded in count and in time, every child process is stopped at the end (the
sockscope servers also get --duration as a safety net), so the run ends by itself.

Each figure is printed next to the "raw loopback limit" measured in the same run
by a plain Python receiver (a child process that discards with recv_into into a
preallocated buffer), and as a ratio to it. See tests/bench/FLOOD.md.

Completion is detected the same way for the raw receiver and for SockScope, so
the ratios compare like with like:
  * TCP bulk / lines: the sender writes everything, shuts down its write side and
    waits for the server to close the connection (which it only does after it has
    read the end of the stream, i.e. all bytes); the clock runs from the first
    byte sent to that close.
  * UDP: the clock runs from the first datagram to the moment the receiving
    socket's queue in /proc/net/udp is empty again.
  * 1,000 clients: from the first connect to the moment the listen queue and all
    1,000 server-side receive queues in /proc/net/tcp are empty.
"""

import argparse
import errno
import json
import os
import re
import resource
import selectors
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

HOST = "127.0.0.1"
MiB = 1024 * 1024
CHUNK = 64 * 1024
CLK_TCK = os.sysconf("SC_CLK_TCK")

# --------------------------------------------------------------------------- helpers


def log(msg):
    print(f"[flood {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def free_port(kind=socket.SOCK_STREAM):
    s = socket.socket(socket.AF_INET, kind)
    s.bind((HOST, 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _proc_net(name):
    """Rows of /proc/net/{tcp,udp}: (local_port, remote_port, state, tx_q, rx_q, drops)."""
    rows = []
    try:
        with open(f"/proc/net/{name}") as f:
            next(f)
            for line in f:
                p = line.split()
                lport = int(p[1].split(":")[1], 16)
                rport = int(p[2].split(":")[1], 16)
                txq, rxq = (int(x, 16) for x in p[4].split(":"))
                drops = int(p[-1]) if name == "udp" else 0
                rows.append((lport, rport, p[3], txq, rxq, drops))
    except OSError:
        pass
    return rows


def wait_listening(port, udp=False, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for lport, _r, st, *_ in _proc_net("udp" if udp else "tcp"):
            if lport == port and st == ("07" if udp else "0A"):
                return True
        time.sleep(0.02)
    return False


def udp_queue(port):
    for lport, _r, _st, _tx, rxq, drops in _proc_net("udp"):
        if lport == port:
            return rxq, drops
    return None, None


def wait_udp_drained(port, timeout):
    """Until the receive queue of the UDP socket on `port` is empty. Returns (t, drops)."""
    deadline = time.monotonic() + timeout
    drops = None
    while time.monotonic() < deadline:
        rxq, drops = udp_queue(port)
        if rxq == 0 or rxq is None:
            return time.monotonic(), drops
        time.sleep(0.002)
    return None, drops


def tcp_settled(port, expected):
    """Listen queue empty and `expected` server-side sockets with empty receive queues."""
    listen_q = None
    idle = 0
    busy = 0
    for lport, _r, st, _tx, rxq, _d in _proc_net("tcp"):
        if lport != port:
            continue
        if st == "0A":
            listen_q = rxq  # for a listening socket: the accept queue length
        elif st in ("01", "08"):  # ESTABLISHED, CLOSE_WAIT
            if rxq == 0:
                idle += 1
            else:
                busy += 1
    return listen_q == 0 and idle >= expected and busy == 0


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    except (OSError, IndexError, ValueError):
        return None


def proc_status_kib(pid, key):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def self_cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def pct(part, whole):
    if part is None or not whole:
        return None
    return 100.0 * part / whole


# --------------------------------------------------------------------------- raw receiver (child)

RAW_RECEIVER = r"""
import json, selectors, socket, sys, time
mode, port, expect = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
buf = bytearray(1 << 20)
mv = memoryview(buf)
out = {}
hard_deadline = time.monotonic() + float(sys.argv[4])
if mode == "tcp":
    ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", port)); ls.listen(16); ls.settimeout(30)
    c, _ = ls.accept(); c.settimeout(60)
    total = 0
    while time.monotonic() < hard_deadline:
        n = c.recv_into(mv)
        if n == 0:
            break
        total += n
    c.close(); out = {"bytes": total}
elif mode == "many":
    ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", port)); ls.listen(4096); ls.setblocking(False)
    sel = selectors.DefaultSelector(); sel.register(ls, selectors.EVENT_READ)
    total = accepted = closed = peak = 0
    open_ = 0
    while closed < expect and time.monotonic() < hard_deadline:
        for key, _ in sel.select(0.5):
            s = key.fileobj
            if s is ls:
                for _i in range(4096):
                    try:
                        c, _a = ls.accept()
                    except BlockingIOError:
                        break
                    c.setblocking(False); sel.register(c, selectors.EVENT_READ)
                    accepted += 1; open_ += 1; peak = max(peak, open_)
            else:
                try:
                    n = s.recv_into(mv)
                except BlockingIOError:
                    continue
                except OSError:
                    n = 0
                if n == 0:
                    sel.unregister(s); s.close(); closed += 1; open_ -= 1
                else:
                    total += n
    out = {"bytes": total, "accepted": accepted, "peak": peak}
elif mode == "udp":
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    if len(sys.argv) > 5:  # SO_RCVBUF, as SockScope asks for its UDP socket
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, int(sys.argv[5]))
    s.bind(("127.0.0.1", port)); s.settimeout(30)
    count = total = 0
    try:
        while count < expect and time.monotonic() < hard_deadline:
            n = s.recv_into(mv)
            count += 1; total += n
            s.settimeout(1.0)  # after the first datagram: stop after 1 s of silence
    except socket.timeout:
        pass
    out = {"datagrams": count, "bytes": total}
print(json.dumps(out), flush=True)
"""


class RawReceiver:
    def __init__(self, mode, expect, timeout, rcvbuf=None):
        self.port = free_port(socket.SOCK_DGRAM if mode == "udp" else socket.SOCK_STREAM)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", RAW_RECEIVER, mode, str(self.port), str(expect), str(timeout)]
            + ([str(rcvbuf)] if rcvbuf else []), stdout=subprocess.PIPE, text=True)
        if not wait_listening(self.port, udp=(mode == "udp")):
            self.stop()
            raise RuntimeError("raw receiver did not start")

    @property
    def pid(self):
        return self.proc.pid

    def result(self, timeout=90):
        try:
            out, _ = self.proc.communicate(timeout=timeout)
            return json.loads(out.strip().splitlines()[-1])
        except (subprocess.TimeoutExpired, ValueError, IndexError):
            self.stop()
            return {}

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)


# --------------------------------------------------------------------------- sockscope server


class Server:
    def __init__(self, binary, mode, extra, duration, workdir):
        udp = mode == "udp"
        self.port = free_port(socket.SOCK_DGRAM if udp else socket.SOCK_STREAM)
        self.report_path = os.path.join(workdir, f"report-{mode}-{self.port}.json")
        self.stderr_path = os.path.join(workdir, f"stderr-{mode}-{self.port}.txt")
        self.stderr = open(self.stderr_path, "wb")
        cmd = [binary, "--headless", "--mode", mode, "--bind", HOST, "--port", str(self.port),
               "--encoding", "hex", "--report", self.report_path, "--duration", str(int(duration))]
        cmd += extra
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=self.stderr, env=env)
        if not wait_listening(self.port, udp=udp):
            self.stop()
            raise RuntimeError(f"sockscope did not start listening: {self.stderr_text()}")

    @property
    def pid(self):
        return self.proc.pid

    def stderr_text(self):
        try:
            with open(self.stderr_path, "rb") as f:
                return f.read()[-500:].decode(errors="replace")
        except OSError:
            return ""

    def stop(self):
        """SIGTERM, wait, read the report (None when missing)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.stderr.close()
        try:
            with open(self.report_path) as f:
                return json.load(f)
        except (OSError, ValueError):
            return None


# --------------------------------------------------------------------------- senders


def tcp_send_and_wait_close(port, payload_iter_count, chunk, timeout):
    """Send `payload_iter_count` writes of `chunk`, SHUT_WR, wait for the peer to close.

    Returns (seconds, bytes_sent, closed_by_peer, sender_cpu_seconds)."""
    s = socket.create_connection((HOST, port), timeout=10)
    s.settimeout(timeout)
    mv = memoryview(chunk)
    sent = 0
    cpu0 = self_cpu()
    t0 = time.monotonic()
    deadline = t0 + timeout
    for _ in range(payload_iter_count):
        s.sendall(mv)
        sent += len(mv)
        if time.monotonic() > deadline:
            break
    s.shutdown(socket.SHUT_WR)
    closed = False
    try:
        while time.monotonic() < deadline:
            if s.recv(65536) == b"":
                closed = True
                break
    except (socket.timeout, OSError):
        pass
    t1 = time.monotonic()
    cpu1 = self_cpu()
    s.close()
    return t1 - t0, sent, closed, cpu1 - cpu0


def udp_send(port, count, size, rate, timeout):
    """Send `count` datagrams of `size` bytes; `rate` per second (None: as fast as possible).

    Returns (t_first, t_last_send, sent, sender_cpu)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    addr = (HOST, port)
    payload = bytes((i * 7) & 0xFF for i in range(size))
    sent = 0
    cpu0 = self_cpu()
    t0 = time.monotonic()
    deadline = t0 + timeout
    if rate is None:
        for _ in range(count):
            try:
                s.sendto(payload, addr)
                sent += 1
            except OSError as e:  # ENOBUFS etc.: counted as not sent
                if e.errno not in (errno.ENOBUFS, errno.EAGAIN):
                    raise
    else:
        batch = max(1, rate // 1000)  # ~1 ms worth per wake-up
        i = 0
        while i < count:
            now = time.monotonic()
            if now > deadline:
                break
            due = t0 + i / rate
            if now < due:
                time.sleep(due - now)
            for _ in range(min(batch, count - i)):
                try:
                    s.sendto(payload, addr)
                    sent += 1
                except OSError as e:
                    if e.errno not in (errno.ENOBUFS, errno.EAGAIN):
                        raise
                i += 1
    t1 = time.monotonic()
    cpu1 = self_cpu()
    s.close()
    return t0, t1, sent, cpu1 - cpu0


def many_clients(port, n, size, timeout):
    """n concurrent non-blocking clients, each sends `size` bytes, all kept open until the
    server has drained everything (settled), then closed. Returns a dict."""
    sel = selectors.DefaultSelector()
    payload = bytes((i * 13) & 0xFF for i in range(size))
    socks = []
    pending = {}
    t0 = time.monotonic()
    deadline = t0 + timeout
    for _ in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        err = s.connect_ex((HOST, port))
        if err not in (0, errno.EINPROGRESS):
            s.close()
            continue
        socks.append(s)
        pending[s] = memoryview(payload)
        sel.register(s, selectors.EVENT_WRITE)
    failed = n - len(socks)
    # Write each client's bytes as soon as it is connected.
    while pending and time.monotonic() < deadline:
        for key, _ev in sel.select(0.2):
            s = key.fileobj
            if s not in pending:
                continue
            err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err:
                failed += 1
                del pending[s]
                sel.unregister(s)
                continue
            try:
                k = s.send(pending[s])
            except BlockingIOError:
                continue
            except OSError:
                failed += 1
                del pending[s]
                sel.unregister(s)
                continue
            rest = pending[s][k:]
            if len(rest):
                pending[s] = rest
            else:
                del pending[s]
                sel.unregister(s)
    t_sent = time.monotonic()
    settled_at = None
    while time.monotonic() < deadline:
        if tcp_settled(port, len(socks) - failed):
            settled_at = time.monotonic()
            break
        time.sleep(0.005)
    sel.close()
    return {"socks": socks, "failed": failed + len(pending), "t_sent": t_sent - t0,
            "settle": (settled_at - t0) if settled_at else None}


def close_all(socks):
    for s in socks:
        try:
            s.close()
        except OSError:
            pass


# --------------------------------------------------------------------------- tests


def machine_info():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    la = os.getloadavg()
    return {"nproc": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)), "cpu": model,
            "load": la, "kernel": os.uname().release, "python": sys.version.split()[0]}


class RssSampler:
    """Poll VmRSS of pid; VmHWM read at the end covers the peaks between polls."""

    def __init__(self, pid):
        self.pid = pid
        self.max_rss = 0

    def sample(self):
        v = proc_status_kib(self.pid, "VmRSS")
        if v:
            self.max_rss = max(self.max_rss, v)
        return v or 0

    def hwm(self):
        return proc_status_kib(self.pid, "VmHWM")


# --------------------------------------------------------------------------- GUI under xvfb-run

# Runs inside xvfb-run: tells us sockscope's pid and the display, then becomes sockscope with its
# stderr (Qt warnings and the input probe's lines) in a file.
GUI_WRAPPER = 'echo "$$ $DISPLAY $XAUTHORITY" > "$0"; exec "$@" 2>"$SOCKSCOPE_FLOOD_STDERR"'
XVFB_SCREEN = "-screen 0 1600x1000x24"
KEY_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def children(pid):
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                st = f.read()
        except OSError:
            continue
        comm = st[st.index("(") + 1:st.rindex(")")]
        ppid = int(st.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            out.append((int(d), comm))
    return out


class GuiServer:
    """SockScope with its window (tcp-server, hex log, --start, --report) under xvfb-run, with a
    fresh XDG_CONFIG_HOME and the input probe on. stop() sends SIGTERM to sockscope, which closes
    the window as the user would; the window writes --report when it closes. mode_args replace
    `--mode tcp-server` (e.g. a relay's `--mode relay --upstream HOST:PORT`)."""

    def __init__(self, binary, workdir, tag, timeout=30, mode_args=("--mode", "tcp-server")):
        self.port = free_port()
        base = os.path.join(workdir, f"gui-{tag}-{self.port}")
        self.report_path = base + "-report.json"
        self.stderr_path = base + "-stderr.txt"
        self.info_path = base + "-info.txt"
        self.config_dir = tempfile.mkdtemp(prefix=f"xdg-{tag}-", dir=workdir)
        env = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "SESSION_MANAGER")}
        env.update(QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=self.config_dir,
                   XDG_DATA_HOME=os.path.join(self.config_dir, "data"),
                   XDG_CACHE_HOME=os.path.join(self.config_dir, "cache"),
                   SOCKSCOPE_INPUT_PROBE="1", SOCKSCOPE_FLOOD_STDERR=self.stderr_path)
        cmd = ["xvfb-run", "-a", "-s", XVFB_SCREEN, "sh", "-c", GUI_WRAPPER, self.info_path,
               binary, *mode_args, "--bind", HOST, "--port", str(self.port),
               "--encoding", "hex", "--start", "--report", self.report_path]
        self.xvfb_log = open(base + "-xvfb-run.txt", "wb")
        # Own process group, so that a stuck run can be cleaned up as a whole (see kill()).
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=self.xvfb_log,
                                     stderr=subprocess.STDOUT, env=env, start_new_session=True)
        self.pid = self.display = self.xauth = None
        self.xvfb_pid = None
        self.editor = None
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline and self.pid is None:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"xvfb-run exited: {self.log_text()}")
                try:
                    with open(self.info_path) as f:
                        parts = f.read().split()
                    if len(parts) >= 2:
                        self.pid, self.display = int(parts[0]), parts[1]
                        self.xauth = parts[2] if len(parts) > 2 else ""
                except (OSError, ValueError):
                    pass
                time.sleep(0.05)
            if self.pid is None:
                raise RuntimeError("xvfb-run did not start sockscope")
            if not wait_listening(self.port, timeout=max(1.0, deadline - time.monotonic())):
                raise RuntimeError(f"the window did not start listening: {self.stderr_text()}")
            # The probe lists the visible text inputs (global geometry) after the first paint.
            while time.monotonic() < deadline and self.editor is None:
                for kv in self.probe()["inputs"]:
                    if kv.get("widget") == "editor" and kv.get("class") == "QPlainTextEdit":
                        self.editor = {k: int(kv[k]) for k in ("x", "y", "w", "h")}
                time.sleep(0.05)
            for cpid, comm in children(self.proc.pid):
                if comm == "Xvfb":
                    self.xvfb_pid = cpid
        except BaseException:
            self.kill()
            raise

    def log_text(self):
        try:
            with open(self.xvfb_log.name, "rb") as f:
                return f.read()[-400:].decode(errors="replace")
        except OSError:
            return ""

    def stderr_text(self):
        try:
            with open(self.stderr_path, "rb") as f:
                return f.read()[-500:].decode(errors="replace")
        except OSError:
            return ""

    def probe(self):
        """The input probe's stderr lines: keys (key/paint/widget/code), focus, inputs."""
        out = {"keys": [], "focus": [], "inputs": []}
        try:
            with open(self.stderr_path, "rb") as f:
                text = f.read().decode(errors="replace")
        except OSError:
            return out
        for line in text.splitlines():
            p = line.split()
            if len(p) < 2 or p[0] != "inputprobe":
                continue
            kv = dict(x.split("=", 1) for x in p[1:] if "=" in x)
            if p[1].startswith("key="):
                out["keys"].append(kv)
            elif p[1] == "focus":
                out["focus"].append(kv)
            elif p[1] == "input":
                out["inputs"].append(kv)
        return out

    def kill(self):
        """Last resort: the whole process group this script started (xvfb-run, Xvfb, sockscope)."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                pass
        self.xvfb_log.close()

    def stop(self, timeout=60):
        """SIGTERM to sockscope (closes the window, which writes the report); xvfb-run then
        stops Xvfb. Returns the report (None when missing)."""
        if self.pid and self.proc.poll() is None:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except OSError:
                pass
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        self.kill()
        try:
            with open(self.report_path) as f:
                return json.load(f)
        except (OSError, ValueError):
            return None


class XTest:
    """xdotool (XTest) against a GuiServer's display: focus the send editor, type keys."""

    def __init__(self, gui):
        self.gui = gui
        self.env = dict(os.environ, DISPLAY=gui.display, XAUTHORITY=gui.xauth or "")

    def run(self, *args, timeout=10):
        try:
            return subprocess.run(["xdotool", *args], env=self.env, capture_output=True,
                                  text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def focus_editor(self, timeout=5.0):
        """Click into the send editor (its geometry comes from the probe's input list).
        Returns None when the probe saw the editor get focus, else why not."""
        if not self.gui.editor:
            return "the probe did not list the send editor"
        r = self.run("search", "--onlyvisible", "--name", "SockScope")
        wids = r.stdout.split() if r else []
        if not wids:
            return "xdotool search --name SockScope found no window"
        self.run("windowfocus", wids[0])
        e = self.gui.editor
        x, y = e["x"] + e["w"] // 2, e["y"] + e["h"] // 2
        self.run("mousemove", "--sync", str(x), str(y))
        self.run("click", "1")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            focus = self.gui.probe()["focus"]
            if focus and focus[-1].get("widget") == "editor":
                return None
            time.sleep(0.05)
        focus = self.gui.probe()["focus"]
        return f"focus went to {focus[-1] if focus else 'nothing'}"

    def key(self, name):
        """(monotonic ns right before invoking xdotool, ms xdotool took)."""
        t = time.monotonic_ns()
        self.run("key", name)
        return t, (time.monotonic_ns() - t) / 1e6

    def screenshot(self, path):
        try:
            subprocess.run(["import", "-window", "root", path], env=self.env, timeout=20,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired):
            pass


class KeyTyper(threading.Thread):
    """Types `n` distinct letters with xdotool, key i when due_fn(i) (monotonic s) has passed;
    stops early when `stop` is set."""

    def __init__(self, xt, n, due_fn, stop, screenshot=None):
        super().__init__(daemon=True)
        self.xt, self.n, self.due_fn, self.stop = xt, n, due_fn, stop
        self.screenshot = screenshot
        self.sent = []  # (letter, t_sent_ns, xdotool_ms)
        self.t_start_ns = time.monotonic_ns()

    def run(self):
        for i in range(self.n):
            while True:
                if self.stop.is_set():
                    return
                due = self.due_fn(i)
                now = time.monotonic()
                if due is not None and now >= due:
                    break
                time.sleep(0.005 if due is None else min(0.005, due - now))
            letter = KEY_LETTERS[i % len(KEY_LETTERS)]
            t, took = self.xt.key(letter)
            self.sent.append((letter, t, took))
            if self.screenshot and i == self.n // 2:
                self.xt.screenshot(self.screenshot)


def percentile(values, p):
    """Nearest rank."""
    if not values:
        return None
    v = sorted(values)
    k = max(0, min(len(v) - 1, int(-(-p * len(v) // 100)) - 1))
    return v[k]


def key_results(gui, typer, wait_s=5.0):
    """Match every typed letter to the probe's key/paint line (same letter, arrived after it
    was sent, into the send editor). Waits up to wait_s for late repaints."""
    deadline = time.monotonic() + wait_s
    while True:
        lines = [kv for kv in gui.probe()["keys"] if int(kv.get("key", 0)) >= typer.t_start_ns]
        if len(lines) >= len(typer.sent) or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    used = set()
    total, inproc, xdo, elsewhere = [], [], [], 0
    for letter, t_sent, took in typer.sent:
        code = str(0x41 + KEY_LETTERS.index(letter))  # Qt::Key_A...
        xdo.append(took)
        for j, kv in enumerate(lines):
            if j in used or kv.get("code") != code or int(kv["key"]) < t_sent:
                continue
            used.add(j)
            if kv.get("widget") != "editor":
                elsewhere += 1
                break
            total.append((int(kv["paint"]) - t_sent) / 1e6)
            inproc.append((int(kv["paint"]) - int(kv["key"])) / 1e6)
            break
    return {"sent": len(typer.sent), "repainted": len(total), "elsewhere": elsewhere,
            "total_ms": total, "inproc_ms": inproc, "xdotool_ms": xdo}


def fmt_ms3(values):
    if not values:
        return "n/a"
    return " / ".join(f"{percentile(values, p):.1f}" for p in (50, 99, 100))


def unread_bytes(port, cport):
    """Bytes sent by the client (local port cport) that the server on `port` has not read yet:
    the client's send queue plus the server socket's receive queue."""
    q = 0
    for lport, rport, _st, txq, rxq, _d in _proc_net("tcp"):
        if lport == port and rport == cport:
            q += rxq
        elif lport == cport and rport == port:
            q += txq
    return q


def bulk_flood(pid, port, volume, second, chunk, progress=None, timeout=300):
    """One connection: `volume` bytes in len(chunk) writes, then (second) the same again; VmRSS
    sampled right after each; SHUT_WR; wait for the server to close. Returns a dict with times
    relative to the first byte (t0 also given, monotonic)."""
    rss = RssSampler(pid)
    s = socket.create_connection((HOST, port), timeout=10)
    s.settimeout(timeout)
    cport = s.getsockname()[1]
    mv = memoryview(chunk)
    n = volume // len(chunk)
    sent = 0
    phases = []
    cpu_s0 = self_cpu()
    c0 = cpu_seconds(pid) or 0
    t0 = time.monotonic()
    if progress is not None:
        progress["t0"] = t0
    deadline = t0 + timeout
    bounded = False
    for _ph in range(2 if second else 1):
        ph_max = 0
        for i in range(n):
            s.sendall(mv)
            sent += len(mv)
            if progress is not None:
                progress["sent"] = sent
            if i % 64 == 0:
                ph_max = max(ph_max, rss.sample())
                if time.monotonic() > deadline:
                    bounded = True
                    break
        t = time.monotonic()
        unread = unread_bytes(port, cport)
        phases.append({"t": t - t0, "sent": sent, "unread": unread,
                       "vmrss_kib": proc_status_kib(pid, "VmRSS"), "max_vmrss_kib": ph_max,
                       "server_cpu_s": (cpu_seconds(pid) or 0) - c0})
        if bounded:
            break
    t_written = time.monotonic()
    if progress is not None and "stop" in progress:
        progress["stop"].set()
    s.shutdown(socket.SHUT_WR)
    closed = False
    try:
        while time.monotonic() < deadline:
            rss.sample()
            if s.recv(65536) == b"":
                closed = True
                break
    except (socket.timeout, OSError):
        pass
    t1 = time.monotonic()
    scpu = self_cpu() - cpu_s0
    s.close()
    rss.sample()
    return {"t0": t0, "sent": sent, "phases": phases, "write_s": t_written - t0,
            "close_s": t1 - t0, "closed_by_server": closed, "bounded": bounded,
            "server_cpu_s": (cpu_seconds(pid) or 0) - c0, "sender_cpu_s": scpu,
            "vmhwm_kib": rss.hwm(), "max_vmrss_kib": rss.max_rss}


def bulk_rows(label, fl, rep, t_rep, volume, raw_tcp, extra_note="", targets=None):
    """Rows for a bulk flood (headless or GUI). Throughput = the first `volume` bytes: with a
    second volume on the same connection, up to the moment they were written minus what was
    still queued in the kernel (client send queue + server receive queue) at that moment;
    without, first byte -> report written, as the first version did. `targets` (issue #16):
    "ratio" (of raw), "mibs" and "rss_bytes" (VmHWM), checked in the check column."""
    rows = []
    got = rep.get("rx_bytes_total")
    lag = rep.get("event_loop_lag_ms", {})
    sent = fl["sent"]
    dt_rep = t_rep - fl["t0"]
    p1 = fl["phases"][0]
    if len(fl["phases"]) > 1:
        read1 = p1["sent"] - p1["unread"]
        mibs = read1 / MiB / p1["t"]
        how = (f"1st {volume // MiB} MiB: {p1['t']:.2f} s ({p1['unread'] / MiB:.1f} MiB still "
               f"queued); all {sent // MiB} MiB to report {dt_rep:.2f} s = "
               f"{sent / MiB / dt_rep:.0f} MiB/s")
        cpu_s, cpu_t = p1["server_cpu_s"], p1["t"]
    else:
        mibs = sent / MiB / dt_rep
        how = (f"to report {dt_rep:.2f} s (server closed at {fl['close_s']:.2f} s = "
               f"{sent / MiB / fl['close_s']:.0f} MiB/s)")
        cpu_s, cpu_t = fl["server_cpu_s"], fl["close_s"]
    ok = "OK" if got == sent else f"MISMATCH counted={got} sent={sent}"
    targets = targets or {}
    if targets:
        # The raw limit is known once every raw run is done: the check is resolved then.
        ok = lambda raw, ok=ok: ok + bulk_targets(mibs, raw, targets)  # noqa: E731
    rows.append((label, f"throughput ({volume // MiB} MiB)", mibs, "MiB/s", raw_tcp,
                 f"{how}; server CPU {pct(cpu_s, cpu_t):.0f}%{extra_note}", ok))
    hwm = fl["vmhwm_kib"]
    rss_check = ""
    if "rss_bytes" in targets:
        rss_check = (f"< {targets['rss_bytes'] // 1000 // 1000} MB: "
                     + verdict(hwm is not None and hwm * 1024 < targets["rss_bytes"],
                               None if hwm is None else hwm * 1024, targets["rss_bytes"]))
    rows.append(("", "peak RSS (VmHWM)", (hwm or 0) / 1024, "MiB", None, "", rss_check))
    if len(fl["phases"]) > 1:
        r1 = (fl["phases"][0]["vmrss_kib"] or 0) / 1024
        r2 = (fl["phases"][1]["vmrss_kib"] or 0) / 1024
        ratio = r2 / r1 if r1 else float("nan")
        m1 = (fl["phases"][0]["max_vmrss_kib"] or 0) / 1024
        m2 = (fl["phases"][1]["max_vmrss_kib"] or 0) / 1024
        rows.append(("", f"VmRSS after {volume // MiB} / {2 * volume // MiB} MiB",
                     f"{r1:,.0f} / {r2:,.0f}", "MiB", None,
                     f"highest VmRSS polled during the 1st / 2nd {volume // MiB} MiB: "
                     f"{m1:,.0f} / {m2:,.0f} MiB",
                     f"x{ratio:.3f} " + ("flat (±10%)" if abs(ratio - 1) <= 0.10 else "NOT FLAT"),
                     f"{ratio:.3f} (2nd/1st)"))
    rows.append(("", "event-loop lag p99 / max", fmt_lag(lag), "ms", None, "", ""))
    return rows


def bulk_targets(mibs, raw, targets):
    """"; ≥ 1,190 MiB/s: OK (x1.02); ≥ 0.5 of raw: MISSED (x0.90)" for the targets given."""
    out = ""
    if "mibs" in targets:
        m = targets["mibs"]
        out += f"; ≥ {m:,} MiB/s: {verdict(mibs >= m, mibs, m)}"
    if "ratio" in targets:
        r = mibs / raw if isinstance(raw, (int, float)) and raw else None
        out += (f"; ≥ {targets['ratio']} of raw: "
                + verdict(r is not None and r >= targets["ratio"], r, 1.0))
    return out


RAW_TCP = "raw-tcp"  # placeholders for the raw limits, resolved when all raw runs are done
RAW_UDP = "raw-udp"


def gui_skip_reason(args):
    if args.no_gui:
        return "skipped: --no-gui"
    if not shutil.which("xvfb-run"):
        return "skipped: install xvfb (xvfb-run)"
    return None


# --------------------------------------------------------------------------- relay (row 8)

# The window has a Relay tab (issue #14) and accepts `--mode relay --upstream HOST:PORT --start`:
# row 8's window line runs through GuiServer exactly as the headless line runs through Server.
WINDOW_HAS_RELAY = True
RELAY_RSS_MAX_BYTES = 300 * 1000 * 1000  # issue #14: RSS < 300 MB
RELAY_LAG_P99_MAX_MS = 50.0              # issue #14: lag p99 < 50 ms


class Socat:
    """`socat -b 262144 TCP-LISTEN:P,bind=127.0.0.1,reuseaddr TCP:127.0.0.1:Q`, the tuned relay the
    issue compares with. Without fork it serves one connection and exits; stop() returns None
    (no report), like a Server whose report is missing."""

    def __init__(self, upstream_port, workdir):
        self.port = free_port()
        self.stderr_path = os.path.join(workdir, f"stderr-socat-{self.port}.txt")
        self.stderr = open(self.stderr_path, "wb")
        cmd = ["socat", "-b", "262144", f"TCP-LISTEN:{self.port},bind={HOST},reuseaddr",
               f"TCP:{HOST}:{upstream_port}"]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=self.stderr)
        if not wait_listening(self.port):
            self.stop()
            raise RuntimeError("socat did not start listening")

    @property
    def pid(self):
        return self.proc.pid

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.stderr.close()
        return None


def relay_once(start_middle, volume, chunk, timeout=300):
    """One flood of `volume` bytes from a python sender to the raw receiver (row 1's sink), through
    start_middle(sink_port) (an object with port, pid, stop() -> report or None), or directly
    when start_middle is None. Timed as row 1: first byte sent -> the sender sees the close that
    the sink's close after EOF causes (through a relay: the relay passing that close on)."""
    rr = RawReceiver("tcp", 0, timeout)
    mid = None
    try:
        mid = start_middle(rr.port) if start_middle else None
        c0 = cpu_seconds(mid.pid) if mid else None
        dt, sent, closed, scpu = tcp_send_and_wait_close(
            mid.port if mid else rr.port, volume // len(chunk), chunk, timeout)
        mid_cpu = (cpu_seconds(mid.pid) or 0) - (c0 or 0) if mid else None
        # Before stop(): a relay's peak RSS, while it still runs (socat has exited by now).
        hwm = proc_status_kib(mid.pid, "VmHWM") if mid else None
        rep = mid.stop() if mid else None
        got = rr.result().get("bytes")
    finally:
        rr.stop()
        if mid:
            mid.stop()
    return {"mibs": sent / MiB / dt, "s": dt, "sent": sent, "recv": got, "closed": closed,
            "sender_cpu_pct": pct(scpu, dt), "mid_cpu_pct": pct(mid_cpu, dt), "mid_cpu_s": mid_cpu,
            "vmhwm_kib": hwm,
            "c2s_bytes_total": (rep or {}).get("c2s_bytes_total"),
            "lag": (rep or {}).get("event_loop_lag_ms", {})}


def relay_variants(args, workdir):
    """(key, start_middle or None, why skipped or None) for row 8, in the order they run."""
    def sockscope(port):
        return Server(args.binary, "relay", ["--upstream", f"{HOST}:{port}"], 600, workdir)

    def window(port):
        return GuiServer(args.binary, workdir, "relay",
                         mode_args=("--mode", "relay", "--upstream", f"{HOST}:{port}"))

    gui_why = gui_skip_reason(args) or (None if WINDOW_HAS_RELAY
                                        else "skipped: the window has no relay yet")
    return [("direct", None, None),
            ("socat", lambda port: Socat(port, workdir),
             None if shutil.which("socat") else "skipped: install socat"),
            ("headless", sockscope, None),
            ("window", window, gui_why)]


def relay_rows(args, cfg, chunk, workdir, results, notes):
    """Row 8: `relay_mib` client→upstream, direct / socat / SockScope headless (/ window), each
    `relay_rounds` times interleaved (the machine's loopback rate drifts); the best run counts."""
    vol = cfg["relay_mib"] * MiB
    variants = relay_variants(args, workdir)
    runs = {key: [] for key, _s, _w in variants}
    failed = {}
    for rnd in range(cfg["relay_rounds"]):
        for key, start, why in variants:
            if why or key in failed:
                continue
            log(f"relay {key}: {cfg['relay_mib']} MiB client→upstream"
                f" (round {rnd + 1}/{cfg['relay_rounds']})")
            try:
                runs[key].append(relay_once(start, vol, chunk))
            except (RuntimeError, OSError) as e:  # e.g. a sockscope from before the relay
                failed[key] = "failed: " + " ".join(str(e).split())[:160]
    results["relay"] = runs
    best = {k: max(v, key=lambda r: r["mibs"]) for k, v in runs.items() if v}
    direct = best.get("direct", {}).get("mibs")
    socat = best.get("socat", {}).get("mibs")
    label = f"8 relay {cfg['relay_mib']} MiB client→upstream"
    rows = []
    for key, _start, why in variants:
        title = {"direct": f"{label}: direct (py → py)",
                 "socat": "8 … socat -b 262144",
                 "headless": "8 … SockScope headless relay, hex, stdout→/dev/null",
                 "window": "8 … SockScope window relay, hex log (xvfb)"}[key]
        why = why or failed.get(key)
        if why:
            rows.append((title, why, None, "", None, "", ""))
            continue
        rows += relay_variant_rows(key, title, runs[key], best[key], direct, socat)
        if not best[key]["closed"]:
            notes.append(f"8 {key}: the sender saw no close after the stream ended; "
                         "time is up to the bound")
    return rows


def relay_variant_rows(key, title, runs, b, direct, socat):
    """The rows of one row-8 variant: throughput (reference: direct), and for SockScope the
    issue's targets (≥ socat, RSS, lag) in the check column."""
    sockscope = key not in ("direct", "socat")  # has a report that counts the bytes too
    ok = b["recv"] == b["sent"] and (not sockscope or b["c2s_bytes_total"] == b["sent"])
    check = "OK" if ok else (f"MISMATCH sent={b['sent']} sink={b['recv']}"
                             + (f" c2s_bytes_total={b['c2s_bytes_total']}" if sockscope else ""))
    note = ("runs " + " / ".join(f"{r['mibs']:,.0f}" for r in runs) + " MiB/s; best: "
            f"{b['s']:.2f} s, sender CPU {b['sender_cpu_pct']:.0f}%")
    if b["mid_cpu_pct"] is not None:
        # CPU seconds per GiB: what relaying costs, less swayed by the machine's load than MiB/s.
        note += (f", {'socat' if key == 'socat' else 'sockscope'} CPU {b['mid_cpu_pct']:.0f}% "
                 f"({b['mid_cpu_s'] * 1024 * MiB / b['sent']:.2f} s/GiB)")
    if not sockscope:
        return [(title, "throughput", b["mibs"], "MiB/s", direct, note, check)]
    ratio = [f"{b['mibs'] / direct:.3f} direct"] if direct else []
    if socat:
        vs = b["mibs"] / socat
        check += f"; ≥ socat: {'OK' if vs >= 1.0 else 'MISSED'} (x{vs:.2f})"
        ratio.append(f"{vs:.3f} socat")
    else:
        check += "; ≥ socat: not measured"
    ratio = ", ".join(ratio) or "-"
    hwm = b["vmhwm_kib"]
    rss_ok = hwm is not None and hwm * 1024 < RELAY_RSS_MAX_BYTES
    p99 = b["lag"].get("p99")
    lag_ok = isinstance(p99, (int, float)) and p99 < RELAY_LAG_P99_MAX_MS
    return [(title, "throughput", b["mibs"], "MiB/s", direct, note, check, ratio),
            ("", "peak RSS (VmHWM)", (hwm or 0) / 1024, "MiB", None, "",
             f"< 300 MB: {'OK' if rss_ok else 'OVER'}"),
            ("", "event-loop lag p99 / max", fmt_lag(b["lag"]), "ms", None, "",
             f"p99 < {RELAY_LAG_P99_MAX_MS:.0f} ms: {'OK' if lag_ok else 'OVER'}")]


# --------------------------------------------------------------------------- TLS (row 9)

TLS_RATIO_MIN = 0.5                     # issue #15: TLS ingest >= 0.5 of plaintext ingest
TLS_RSS_MAX_BYTES = 300 * 1000 * 1000   # issue #15: RSS < 300 MB

# Row 9's reference without SockScope: a Python ssl receiver (recv_into a preallocated buffer),
# like row 1's raw receiver. It prints {"bytes": n} after the sender's end of stream.
RAW_TLS_RECEIVER = r"""
import json, socket, ssl, sys, time
port, cert, key, timeout = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", port)); ls.listen(4); ls.settimeout(30)
c, _ = ls.accept(); c.settimeout(60)
c = ctx.wrap_socket(c, server_side=True)
mv = memoryview(bytearray(1 << 20))
total = 0
deadline = time.monotonic() + timeout
try:
    while time.monotonic() < deadline:
        n = c.recv_into(mv)
        if n == 0:
            break
        total += n
except (ssl.SSLError, OSError):
    pass
c.close()
print(json.dumps({"bytes": total}), flush=True)
"""


class RawTlsReceiver:
    """RAW_TLS_RECEIVER as a child process, with a throwaway certificate made by `openssl req`."""

    def __init__(self, workdir, timeout):
        cert = os.path.join(workdir, "raw-tls-cert.pem")
        key = os.path.join(workdir, "raw-tls-key.pem")
        if not os.path.exists(cert):
            subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                            "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", cert,
                            "-days", "1", "-subj", "/CN=localhost"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", RAW_TLS_RECEIVER, str(self.port), cert, key, str(timeout)],
            stdout=subprocess.PIPE, text=True)
        if not wait_listening(self.port):
            self.stop()
            raise RuntimeError("the raw TLS receiver did not start")

    @property
    def pid(self):
        return self.proc.pid

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)
        return None

    def result(self, timeout=90):
        try:
            out, _ = self.proc.communicate(timeout=timeout)
            return json.loads(out.strip().splitlines()[-1])
        except (subprocess.TimeoutExpired, ValueError, IndexError):
            self.stop()
            return {}


def tls_flood(port, volume, chunk, use_tls, pid=None, timeout=300):
    """`volume` bytes in len(chunk) writes over TLS (Python ssl, nothing verified: the server's
    certificate is a throwaway one) or plain TCP, then the end of the stream, then wait for the
    server to close. The clock runs from the first byte (after the handshake) to that close, as
    in rows 1 and 2. Over TLS the end of stream is a bare FIN (SHUT_WR, no close_notify: Python
    can only send that with a blocking two-way unwrap()). VmRSS of `pid` sampled meanwhile."""
    rss = RssSampler(pid) if pid else None
    raw = socket.create_connection((HOST, port), timeout=10)
    s = raw
    if use_tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        s = ctx.wrap_socket(raw, server_hostname="localhost")
    s.settimeout(timeout)
    protocol = s.version() if use_tls else None
    cipher = s.cipher()[0] if use_tls else None
    mv = memoryview(chunk)
    sent = 0
    cpu0 = self_cpu()
    c0 = (cpu_seconds(pid) or 0) if pid else 0
    t0 = time.monotonic()
    deadline = t0 + timeout
    for i in range(volume // len(chunk)):
        s.sendall(mv)
        sent += len(mv)
        if rss and i % 64 == 0:
            rss.sample()
        if time.monotonic() > deadline:
            break
    t_written = time.monotonic()
    s.shutdown(socket.SHUT_WR)  # on an SSLSocket: drops the TLS layer, then a plain SHUT_WR
    closed = False
    try:
        while time.monotonic() < deadline:
            if rss:
                rss.sample()
            if s.recv(65536) == b"":
                closed = True
                break
    except (socket.timeout, OSError):
        pass
    t1 = time.monotonic()
    scpu = self_cpu() - cpu0
    srv_cpu = ((cpu_seconds(pid) or 0) - c0) if pid else None
    s.close()
    return {"sent": sent, "s": t1 - t0, "write_s": t_written - t0, "mibs": sent / MiB / (t1 - t0),
            "closed": closed, "sender_cpu_pct": pct(scpu, t1 - t0),
            "server_cpu_pct": pct(srv_cpu, t1 - t0), "server_cpu_s": srv_cpu,
            "vmhwm_kib": rss.hwm() if rss else None, "max_vmrss_kib": rss.max_rss if rss else None,
            "protocol": protocol, "cipher": cipher}


def tls_once(args, key, volume, chunk, workdir):
    """One row-9 flood: key is "plain" / "tls" (SockScope) or "python-tls" (no SockScope)."""
    if key == "python-tls":
        rr = RawTlsReceiver(workdir, 300)
        try:
            r = tls_flood(rr.port, volume, chunk, True)
            r["recv"] = rr.result().get("bytes")
        finally:
            rr.stop()
        return r
    extra = ["--tls", "--gen-cert"] if key == "tls" else []
    srv = Server(args.binary, "tcp-server", extra, 600, workdir)
    try:
        r = tls_flood(srv.port, volume, chunk, key == "tls", pid=srv.pid)
        r["vmhwm_kib"] = proc_status_kib(srv.pid, "VmHWM")  # before stop(): still running
    finally:
        rep = srv.stop() or {}
    r["recv"] = rep.get("rx_bytes_total")
    r["lag"] = rep.get("event_loop_lag_ms", {})
    conns = rep.get("connections") or [{}]
    r["report_tls"] = (conns[0] or {}).get("tls")
    return r


def tls_rows(args, cfg, chunk, workdir, results, notes):
    """Row 9: `tls_mib` into a plaintext and a TLS SockScope server (hex log), and from the same
    sender into a Python ssl receiver, `tls_rounds` times interleaved; the best run counts."""
    vol = cfg["tls_mib"] * MiB
    variants = [("plain", None), ("tls", None),
                ("python-tls", None if shutil.which("openssl") else "skipped: install openssl")]
    runs = {k: [] for k, _w in variants}
    failed = {}
    for rnd in range(cfg["tls_rounds"]):
        for key, why in variants:
            if why or key in failed:
                continue
            log(f"TLS row: {cfg['tls_mib']} MiB, {key} (round {rnd + 1}/{cfg['tls_rounds']})")
            try:
                runs[key].append(tls_once(args, key, vol, chunk, workdir))
            except (RuntimeError, OSError, subprocess.CalledProcessError) as e:
                failed[key] = "failed: " + " ".join(str(e).split())[:160]
    results["tls"] = runs
    best = {k: max(v, key=lambda r: r["mibs"]) for k, v in runs.items() if v}
    plain = best.get("plain", {}).get("mibs")
    rows = []
    label = f"9 TLS ingest {cfg['tls_mib']} MiB, hex log"
    titles = {"plain": f"{label}: plaintext server (py → sockscope)",
              "tls": "9 … TLS server (--tls --gen-cert, py ssl → sockscope)",
              "python-tls": "9 … py ssl → py ssl (the sender's limit, no SockScope)"}
    for key, why in variants:
        why = why or failed.get(key)
        if why:
            rows.append((titles[key], why, None, "", None, "", ""))
            continue
        b = best[key]
        ok = b["recv"] == b["sent"] and b["closed"]
        check = "OK" if ok else f"MISMATCH sent={b['sent']} counted={b['recv']} closed={b['closed']}"
        note = ("runs " + " / ".join(f"{r['mibs']:,.0f}" for r in runs[key]) + " MiB/s; best: "
                f"{b['s']:.2f} s, sender CPU {b['sender_cpu_pct']:.0f}%")
        if b["server_cpu_pct"] is not None:
            note += (f", sockscope CPU {b['server_cpu_pct']:.0f}% "
                     f"({b['server_cpu_s'] * 1024 * MiB / b['sent']:.2f} s/GiB); "
                     f"lag p99/max {fmt_lag(b['lag'])} ms")
        if b["protocol"]:
            note += f"; {b['protocol']} {b['cipher']}"
        if key == "tls":
            ratio = b["mibs"] / plain if plain else None
            check += ("; ≥ 0.5 of plaintext: " + ("not measured" if ratio is None else
                      f"{'OK' if ratio >= TLS_RATIO_MIN else 'MISSED'} (x{ratio:.2f})"))
            hwm = b["vmhwm_kib"]
            rss_ok = hwm is not None and hwm * 1024 < TLS_RSS_MAX_BYTES
            rows.append((titles[key], "throughput", b["mibs"], "MiB/s", plain, note, check,
                         f"{ratio:.3f} plaintext" if ratio else "-"))
            rows.append(("", "peak RSS (VmHWM)", (hwm or 0) / 1024, "MiB", None,
                         f"plaintext: {(best['plain']['vmhwm_kib'] or 0) / 1024:.0f} MiB"
                         if plain else "", f"< 300 MB: {'OK' if rss_ok else 'OVER'}"))
            if not b.get("report_tls"):
                notes.append("9 tls: the report's connection has no tls object")
        else:
            rows.append((titles[key], "throughput", b["mibs"], "MiB/s", None, note, check))
        if not b["closed"]:
            notes.append(f"9 {key}: the sender saw no close after the stream ended; "
                         "time is up to the bound")
    return rows


# --------------------------------------------------------------------------- issue #16 (line rate)

LINE_BYTES = 63                     # 62 printable bytes + "\n"
LINES_MSGS_MIN = 1_000_000          # headless lines: ≥ 1 M msg/s, or the sender's limit if lower
WINDOW_LINES_MSGS_MIN = 300_000     # the window, lines, log following
HEADLESS_RATIO_MIN = 0.7            # row 2: ≥ 0.7 of raw
WINDOW_MIBS_MIN = 1190              # row 3: 10 GbE line rate ...
WINDOW_RATIO_MIN = 0.5              # ... and ≥ 0.5 of raw
WINDOW_RSS_MAX_BYTES = 300 * 1000 * 1000
KEY_P99_MAX_MS = 50.0               # row 7 during row 3's flood
UDP_SENDERS = 3                     # row 5: three senders at full speed ...
UDP_HELD_MAX_MS = 50.0              # ... the loop never held > 50 ms ...
UDP_RATIO_MIN = 0.95                # ... and ≥ 0.95 of what the raw receiver gets
UDP_RCVBUF = 4 * MiB                # SockScope's UdpSession asks for this SO_RCVBUF: the raw
                                    # receiver of the three-sender line asks for the same


def verdict(ok, value, target):
    """'OK (x1.23)' / 'MISSED (x0.81)'. The factor is value / what the target names: for a
    target of its own (1,190 MiB/s, 50 ms) value / target; for "≥ 0.7 of raw" the caller passes
    the ratio to raw and 1 (as rows 8 and 9 print "≥ socat: MISSED (x0.59)")."""
    if value is None or value != value or not target:
        return "not measured"
    return f"{'OK' if ok else 'MISSED'} (x{value / target:.2f})"


def line_payload(n):
    """n lines of LINE_BYTES: an 8-digit counter and letters (62 printable bytes), then "\\n".
    Built from 10,000-line blocks (the counter's high 4 digits are the join separator), which is
    a few times faster than formatting a million lines one by one."""
    filler = bytes(0x61 + i % 26 for i in range(LINE_BYTES - 1 - 8))
    low = [b""] + [b"%04d%s\n" % (j, filler) for j in range(10_000)]
    return b"".join((b"%04d" % k).join(low[:min(10_000, n - k * 10_000) + 1])
                    for k in range(-(-n // 10_000)))


def payload_flood(port, payload, timeout, pid=None):
    """`payload` in CHUNK-byte writes (lines straddle the write boundaries), SHUT_WR, wait for the
    peer's close. The clock runs from the first byte to that close, as in rows 1 and 2: the raw
    receiver closes when it reads the end of stream, SockScope too, after it has framed and
    counted everything before it (the frames are counted in the same call that reads them)."""
    s = socket.create_connection((HOST, port), timeout=10)
    s.settimeout(timeout)
    mv = memoryview(payload)
    sent = 0
    cpu0 = self_cpu()
    c0 = (cpu_seconds(pid) or 0) if pid else 0
    t0 = time.monotonic()
    deadline = t0 + timeout
    for off in range(0, len(mv), CHUNK):
        s.sendall(mv[off:off + CHUNK])
        sent += min(CHUNK, len(mv) - off)
        if time.monotonic() > deadline:
            break
    t_written = time.monotonic()
    s.shutdown(socket.SHUT_WR)
    closed = False
    try:
        while time.monotonic() < deadline:
            if s.recv(65536) == b"":
                closed = True
                break
    except (socket.timeout, OSError):
        pass
    t1 = time.monotonic()
    scpu = self_cpu() - cpu0
    srv_cpu = ((cpu_seconds(pid) or 0) - c0) if pid else None
    s.close()
    return {"s": t1 - t0, "write_s": t_written - t0, "sent": sent, "closed": closed,
            "sender_cpu_pct": pct(scpu, t1 - t0), "server_cpu_pct": pct(srv_cpu, t1 - t0)}


# One of row 5's three senders: waits for "go" on stdin (so the three start together), sends
# `count` datagrams as fast as it can, prints its monotonic start/end (CLOCK_MONOTONIC, the same
# clock as the parent's) and what it sent.
UDP_SENDER = r"""
import errno, json, socket, sys, time
port, count, size = (int(a) for a in sys.argv[1:4])
timeout = float(sys.argv[4])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
addr = ("127.0.0.1", port)
payload = bytes((i * 7) & 0xFF for i in range(size))
print("ready", flush=True)
sys.stdin.readline()
sent = 0
c0 = time.process_time()
t0 = time.monotonic()
deadline = t0 + timeout
for i in range(count):
    try:
        s.sendto(payload, addr)
        sent += 1
    except OSError as e:
        if e.errno not in (errno.ENOBUFS, errno.EAGAIN):
            raise
    if (i & 4095) == 0 and time.monotonic() > deadline:
        break
t1 = time.monotonic()
print(json.dumps({"t0": t0, "t1": t1, "sent": sent, "cpu": time.process_time() - c0}), flush=True)
"""


def udp_senders(port, k, count, size, timeout):
    """k sender processes, count datagrams of size bytes each, started together. Returns
    {"t0": first start, "t1": last end, "sent": total, "cpu_s": total, "rates": [per sender]}."""
    procs = [subprocess.Popen([sys.executable, "-c", UDP_SENDER, str(port), str(count), str(size),
                               str(timeout)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True) for _ in range(k)]
    outs = []
    try:
        for p in procs:
            p.stdout.readline()  # "ready" ("" if it died: its result is then missing)
        for p in procs:
            p.stdin.write("go\n")
            p.stdin.flush()
        for p in procs:
            out, _ = p.communicate(timeout=timeout + 30)
            outs.append(json.loads(out.strip().splitlines()[-1]))
    except (subprocess.TimeoutExpired, ValueError, IndexError, OSError):
        pass
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait(5)
    if len(outs) < k:
        raise RuntimeError(f"only {len(outs)} of {k} UDP senders reported")
    return {"t0": min(o["t0"] for o in outs), "t1": max(o["t1"] for o in outs),
            "sent": sum(o["sent"] for o in outs), "cpu_s": sum(o["cpu"] for o in outs),
            "rates": [o["sent"] / (o["t1"] - o["t0"]) for o in outs]}


# --------------------------------------------------------------------------- one run


class Bench:
    """What the rows of one run share: options, sizes, the work directory, the raw measurements
    (resolved into the rows at the end, see RAW_TCP / RAW_UDP) and the row-7 key rows."""

    def __init__(self, args):
        quick = args.quick
        self.args = args
        self.cfg = {
            "raw_tcp_mib": 256 if quick else 1024,
            "bulk_mib": 256 if quick else 1024,
            "second_volume": not args.no_second_gib,
            "lines": 250_000 if quick else 1_000_000,
            "lines_limit_rounds": 3,
            "udp_count": 100_000,
            "udp_paced_count": 30_000 if quick else 100_000,
            "udp_rate": 10_000,
            "udp3_count": 30_000 if quick else 80_000,  # per sender: ~1-2 s on 2 quiet cores
            "clients": 1000,
            "client_bytes": 1024,
            "keys": args.keys,
            "relay_mib": 256 if quick else 1024,
            "relay_rounds": 1 if quick else 2,
            "tls_mib": 256 if quick else 1024,
            "tls_rounds": 1 if quick else 2,
        }
        self.workdir = tempfile.mkdtemp(prefix="sockscope-flood-")
        self.chunk = bytes((i * 31 + 7) & 0xFF for i in range(CHUNK))
        self.results = {"config": self.cfg, "machine": machine_info(), "workdir": self.workdir,
                        "nofile": resource.getrlimit(resource.RLIMIT_NOFILE), "only": args.only}
        self.notes = [args.nofile_note] if args.nofile_note else []
        self.raw_runs = {"tcp": [], "udp": []}
        self.key_rows = []
        self.baseline_p99 = None
        self.gui_skip = gui_skip_reason(args)
        self.xdotool = shutil.which("xdotool")

    # ---- 1. raw limits. The machine is shared and loopback throughput swings with what else
    # runs, so raw TCP is measured three times spread over the run (start, between rows 2 and 3,
    # after row 3) and raw UDP twice (start, before row 5); the best of each is the limit that
    # every ratio uses.
    def measure_raw_tcp(self):
        cfg = self.cfg
        log(f"raw TCP: {cfg['raw_tcp_mib']} MiB in 64 KiB writes")
        rr = RawReceiver("tcp", 0, 120)
        c0 = cpu_seconds(rr.pid)
        dt, sent, closed, scpu = tcp_send_and_wait_close(
            rr.port, cfg["raw_tcp_mib"] * MiB // CHUNK, self.chunk, 120)
        rcpu = (cpu_seconds(rr.pid) or 0) - (c0 or 0)
        got = rr.result().get("bytes")
        self.raw_runs["tcp"].append({"mibs": sent / MiB / dt, "s": dt, "sent": sent, "recv": got,
                                     "ok": got == sent and closed,
                                     "sender_cpu_pct": pct(scpu, dt),
                                     "recv_cpu_pct": pct(rcpu, dt)})

    def measure_raw_udp(self):
        cfg = self.cfg
        log(f"raw UDP: {cfg['udp_count']} x 100 B, max rate")
        rr = RawReceiver("udp", cfg["udp_count"], 60)
        t0, t_last, sent, scpu = udp_send(rr.port, cfg["udp_count"], 100, None, 60)
        t_done, _drops = wait_udp_drained(rr.port, 30)
        res = rr.result()
        recv = res.get("datagrams", 0)
        t_done = t_done or time.monotonic()
        self.raw_runs["udp"].append({"rate": recv / (t_done - t0), "sent": sent, "recv": recv,
                                     "s": t_done - t0, "send_rate": sent / (t_last - t0),
                                     "sender_cpu_pct": pct(scpu, t_last - t0)})

    # ---- 2. headless TCP bulk, hex
    def headless_bulk(self):
        args, cfg = self.args, self.cfg
        vol = cfg["bulk_mib"] * MiB
        second = cfg["second_volume"]
        log(f"headless TCP bulk: {cfg['bulk_mib']} MiB{' + the same again' if second else ''} in "
            "64 KiB writes, --encoding hex")
        srv = Server(args.binary, "tcp-server", ["--framing", "raw"], 900, self.workdir)
        fl = bulk_flood(srv.pid, srv.port, vol, second, self.chunk)
        rep = srv.stop() or {}  # SIGTERM right away: the report is written after the last record
        t_rep = time.monotonic()
        self.results["bulk"] = dict(fl, report_s=t_rep - fl["t0"],
                                    rx_bytes_total=rep.get("rx_bytes_total"),
                                    lag=rep.get("event_loop_lag_ms", {}))
        if not fl["closed_by_server"]:
            self.notes.append("2: the server did not close after the stream ended; "
                              "time is up to the bound")
        return bulk_rows("2 headless TCP bulk, hex, stdout→/dev/null", fl, rep, t_rep, vol,
                         RAW_TCP, f", sender CPU {pct(fl['sender_cpu_s'], fl['write_s']):.0f}%",
                         targets={"ratio": HEADLESS_RATIO_MIN})

    # ---- 3 + 7. GUI bulk, with keys typed (XTest) before (baseline) and during the flood
    def gui_bulk(self):
        args, cfg = self.args, self.cfg
        rows = []
        if self.gui_skip:
            self.key_rows.append(("7 GUI key→paint (XTest)", self.gui_skip, None, "", None, "",
                                  ""))
            return [("3 GUI TCP bulk, hex log (xvfb)", self.gui_skip, None, "", None, "", "")]
        vol = cfg["bulk_mib"] * MiB
        second = cfg["second_volume"]
        log(f"GUI TCP bulk under xvfb-run: {cfg['bulk_mib']} MiB"
            f"{' + the same again' if second else ''}, hex log")
        gui = GuiServer(args.binary, self.workdir, "bulk")
        try:
            xt = XTest(gui) if self.xdotool else None
            why_no_keys = None if self.xdotool else "skipped: install xdotool"
            if xt:
                why = xt.focus_editor()
                if why:
                    why_no_keys = f"skipped: could not focus the send editor ({why})"
            if why_no_keys is None:
                # 7 baseline: the window idle (listening, no client), one key every 100 ms.
                log(f"GUI key→paint baseline: {args.keys} keys, window idle")
                stop = threading.Event()
                t_b = time.monotonic() + 0.2
                kt = KeyTyper(xt, args.keys, lambda i: t_b + i * 0.1, stop)
                kt.start()
                kt.join(args.keys * 0.1 + 30)
                kr = key_results(gui, kt)
                self.baseline_p99 = percentile(kr["total_ms"], 99)
                self.results["keys_idle"] = kr
                self.key_rows.append(key_row("7 GUI key→paint, idle (baseline)", kr,
                                             self.baseline_p99))
            gui_cpu0 = cpu_seconds(gui.pid) or 0
            xvfb_cpu0 = cpu_seconds(gui.xvfb_pid) if gui.xvfb_pid else None
            total = vol * (2 if second else 1)
            progress = {"sent": 0, "stop": threading.Event()}

            def due(i, n=args.keys):
                # Key i at (i+1)/(n+1) of the flood's expected length, estimated from its rate.
                t0, sent_now = progress.get("t0"), progress["sent"]
                if t0 is None or sent_now < 16 * MiB:
                    return None
                est = (time.monotonic() - t0) * total / sent_now
                return t0 + est * (i + 1) / (n + 1)

            kt = None
            if why_no_keys is None:
                shot = os.path.join(args.screenshots, "gui-bulk.png") if args.screenshots else None
                kt = KeyTyper(xt, args.keys, due, progress["stop"], screenshot=shot)
                kt.start()
            fl = bulk_flood(gui.pid, gui.port, vol, second, self.chunk, progress=progress)
            if kt:
                kt.join(30)
            gui_cpu = (cpu_seconds(gui.pid) or 0) - gui_cpu0
            xvfb_cpu = ((cpu_seconds(gui.xvfb_pid) or 0) - xvfb_cpu0) if xvfb_cpu0 is not None \
                else None
            kr = key_results(gui, kt) if kt else None
            t_stop = time.monotonic()
            rep = gui.stop() or {}
            t_rep = time.monotonic()
        except BaseException:
            gui.kill()
            raise
        self.results["gui_bulk"] = dict(fl, report_s=t_rep - fl["t0"],
                                        close_window_s=t_rep - t_stop,
                                        rx_bytes_total=rep.get("rx_bytes_total"),
                                        lag=rep.get("event_loop_lag_ms", {}), xvfb_cpu_s=xvfb_cpu,
                                        gui_cpu_s=gui_cpu)
        span = fl["phases"][0]["t"] if second else fl["close_s"]
        xv = f", Xvfb CPU {pct(xvfb_cpu, fl['close_s']):.0f}%" if xvfb_cpu is not None else ""
        rows += bulk_rows("3 GUI TCP bulk, hex log, follow on (xvfb)", fl, rep, t_rep, vol,
                          RAW_TCP, f"{xv}; window closed + report in {t_rep - t_stop:.2f} s"
                          + (f"; {len(kt.sent)} xdotool keys during it" if kt else ""),
                          targets={"ratio": WINDOW_RATIO_MIN, "mibs": WINDOW_MIBS_MIN,
                                   "rss_bytes": WINDOW_RSS_MAX_BYTES})
        if not fl["closed_by_server"]:
            self.notes.append("3: the window did not close the connection after the stream ended")
        if why_no_keys:
            self.key_rows.append(("7 GUI key→paint (XTest)", why_no_keys, None, "", None, "", ""))
        elif kr:
            self.results["keys_bulk"] = kr
            self.key_rows.append(key_row("7 GUI key→paint during 3 (bulk)", kr, self.baseline_p99,
                                         f"keys spread over {span:.1f} s",
                                         p99_max=KEY_P99_MAX_MS))
        return rows

    # ---- 4. small messages: 63-byte lines in 64 KiB writes, line framing
    def lines(self):
        args, n = self.args, self.cfg["lines"]
        payload = line_payload(n)
        rows = [self.lines_limit(payload, n)]
        limit = rows[0][2]
        target = min(LINES_MSGS_MIN, limit)
        what = "1 M msg/s" if target == LINES_MSGS_MIN else "the sender's limit"

        log(f"headless lines: {n} x {LINE_BYTES} B in 64 KiB writes, --framing line")
        srv = Server(args.binary, "tcp-server", ["--framing", "line"], 600, self.workdir)
        try:
            fl = payload_flood(srv.port, payload, 120, pid=srv.pid)
            fl["vmhwm_kib"] = proc_status_kib(srv.pid, "VmHWM")
            t_stop = time.monotonic()
        finally:
            rep = srv.stop() or {}  # SIGTERM right away: the report follows the last record
        fl["report_s"] = time.monotonic() - t_stop + fl["s"]
        rows.append(self.lines_row(f"4 headless {LINE_BYTES} B lines, --framing line, hex", fl,
                                   rep, n, len(payload), limit,
                                   f"≥ {what}", target, "lines"))

        if self.gui_skip:
            rows.append(("4 window lines, hex log (xvfb)", self.gui_skip, None, "", None, "", ""))
            return rows
        log(f"window lines under xvfb-run: {n} x {LINE_BYTES} B, --framing line, hex log")
        gui = GuiServer(args.binary, self.workdir, "lines",
                        mode_args=("--mode", "tcp-server", "--framing", "line"))
        try:
            fl = payload_flood(gui.port, payload, 300, pid=gui.pid)
            fl["vmhwm_kib"] = proc_status_kib(gui.pid, "VmHWM")
            t_stop = time.monotonic()
            rep = gui.stop() or {}
        except BaseException:
            gui.kill()
            raise
        fl["report_s"] = time.monotonic() - t_stop + fl["s"]
        rows.append(self.lines_row(f"4 window {LINE_BYTES} B lines, hex log, follow on (xvfb)",
                                   fl, rep, n, len(payload), limit,
                                   "≥ 300 k msg/s", WINDOW_LINES_MSGS_MIN, "window_lines"))
        return rows

    def lines_limit(self, payload, n):
        """The sender's own limit: the same lines, same writes, same code, into row 1's receiver,
        best of cfg["lines_limit_rounds"] (the first flood of a fresh payload is the slowest)."""
        cfg = self.cfg
        limit_runs = []
        for rnd in range(cfg["lines_limit_rounds"]):
            log(f"lines, the sender's limit: {n} x {LINE_BYTES} B into the raw receiver "
                f"(round {rnd + 1}/{cfg['lines_limit_rounds']})")
            rr = RawReceiver("tcp", 0, 120)
            try:
                fl = payload_flood(rr.port, payload, 120)
                fl["recv"] = rr.result().get("bytes")
            finally:
                rr.stop()
            limit_runs.append(fl)
        best = min(limit_runs, key=lambda r: r["s"])
        limit = n / best["s"]
        bad = [r for r in limit_runs if r["recv"] != len(payload) or not r["closed"]]
        self.results["lines_limit"] = limit_runs
        return (f"4 lines: the sender's limit (py → py recv_into), best of {len(limit_runs)}",
                "lines", limit, "msg/s", limit,
                "runs " + " / ".join(f"{n / r['s']:,.0f}" for r in limit_runs)
                + f" lines/s; best: {best['s'] * 1000:.1f} ms, "
                f"{len(payload) / MiB / best['s']:,.0f} MiB/s, "
                f"sender CPU {best['sender_cpu_pct']:.0f}%",
                "OK" if not bad else f"MISMATCH recv={bad[0]['recv']} sent={len(payload)}")

    def lines_row(self, label, fl, rep, n, nbytes, limit, target_text, target, key):
        """msg/s = lines / (first byte → the server's close after the end of stream)."""
        frames, rxb = rep.get("rx_frames_total"), rep.get("rx_bytes_total")
        lag = rep.get("event_loop_lag_ms", {})
        msgs = n / fl["s"]
        self.results[key] = dict(fl, rx_frames_total=frames, rx_bytes_total=rxb, lag=lag)
        ok = frames == n and rxb == nbytes and fl["closed"]
        check = "OK" if ok else (f"MISMATCH frames={frames} bytes={rxb} sent={n} lines "
                                 f"({nbytes} B) closed={fl['closed']}")
        check += f"; {target_text}: {verdict(msgs >= target, msgs, target)}"
        note = (f"= {msgs * LINE_BYTES / MiB:.1f} MiB/s; first byte → server's close "
                f"{fl['s']:.2f} s (written in {fl['write_s']:.2f} s), to report "
                f"{fl['report_s']:.2f} s = {n / fl['report_s']:,.0f} msg/s; server CPU "
                f"{fl['server_cpu_pct']:.0f}%, sender CPU {fl['sender_cpu_pct']:.0f}%; "
                f"lag p99/max {fmt_lag(lag)} ms; peak RSS {(fl['vmhwm_kib'] or 0) / 1024:.0f} MiB")
        if not fl["closed"]:
            self.notes.append(f"{label}: the server did not close after the stream ended; "
                              "time is up to the bound")
        return (label, "messages", msgs, "msg/s", limit, note, check)

    # ---- 5. UDP paced, max rate, and three senders at full speed
    def udp(self):
        args, cfg = self.args, self.cfg
        rows = []
        for label, count, rate in (("paced 10k/s", cfg["udp_paced_count"], cfg["udp_rate"]),
                                   ("max rate", cfg["udp_count"], None)):
            log(f"headless UDP {label}: {count} x 100 B")
            srv = Server(args.binary, "udp", [], 600, self.workdir)
            c0 = cpu_seconds(srv.pid)
            t0, t_last, sent, scpu = udp_send(srv.port, count, 100, rate, 120)
            t_done, _d = wait_udp_drained(srv.port, 60)
            _q, drops = udp_queue(srv.port)
            t_done = t_done or time.monotonic()
            time.sleep(0.3)  # let the event loop count what it has just read
            srv_cpu = (cpu_seconds(srv.pid) or 0) - (c0 or 0)
            rep = srv.stop() or {}
            rxb = rep.get("rx_bytes_total") or 0
            recv = rxb // 100
            loss = 100.0 * (sent - recv) / sent if sent else None
            rate_recv = recv / (t_done - t0)
            lag = rep.get("event_loop_lag_ms", {})
            self.results[f"udp_{'paced' if rate else 'max'}"] = {
                "sent": sent, "recv": recv, "rx_frames_total": rep.get("rx_frames_total"),
                "kernel_drops": drops, "send_rate": sent / (t_last - t0), "s": t_done - t0,
                "server_cpu_pct": pct(srv_cpu, t_done - t0), "lag": lag}
            rows.append((f"5 headless UDP {label}", "received", rate_recv, "dgram/s", RAW_UDP,
                         f"sent {sent / (t_last - t0):,.0f}/s; loss {loss:.2f}% "
                         f"(kernel drops {drops}); server CPU {pct(srv_cpu, t_done - t0):.0f}%",
                         f"{recv}/{sent} received"))
        return rows + self.udp_three()

    def udp_three_once(self, port, pid=None):
        """Three senders into `port` at full speed; until the socket's queue is empty again."""
        n = self.cfg["udp3_count"]
        c0 = cpu_seconds(pid) if pid else None
        snd = udp_senders(port, UDP_SENDERS, n, 100, 60)
        t_done, _d = wait_udp_drained(port, 30)
        _q, drops = udp_queue(port)  # before the receiver goes away
        t_done = t_done or time.monotonic()
        srv_cpu = ((cpu_seconds(pid) or 0) - (c0 or 0)) if pid else None
        return dict(snd, s=t_done - snd["t0"], kernel_drops=drops,
                    server_cpu_pct=pct(srv_cpu, t_done - snd["t0"]))

    def udp_three(self):
        """Row 5, three senders at full speed: the raw receiver, then headless SockScope."""
        n = self.cfg["udp3_count"]
        total = UDP_SENDERS * n
        log(f"raw UDP, {UDP_SENDERS} senders at full speed: {UDP_SENDERS} x {n} x 100 B")
        rr = RawReceiver("udp", total, 60, rcvbuf=UDP_RCVBUF)
        try:
            raw = self.udp_three_once(rr.port, rr.pid)
            raw["recv"] = rr.result().get("datagrams", 0)
        finally:
            rr.stop()
        log(f"headless UDP, {UDP_SENDERS} senders at full speed: {UDP_SENDERS} x {n} x 100 B")
        srv = Server(self.args.binary, "udp", [], 600, self.workdir)
        try:
            ss = self.udp_three_once(srv.port, srv.pid)
            time.sleep(0.3)  # let the event loop count what it has just read
        finally:
            rep = srv.stop() or {}
        ss["recv"] = (rep.get("rx_bytes_total") or 0) // 100
        lag = rep.get("event_loop_lag_ms", {})
        ss["lag"], ss["rx_frames_total"] = lag, rep.get("rx_frames_total")
        self.results["udp_three"] = {"raw": raw, "headless": ss}

        def note(r):
            return (f"{r['recv'] / r['s']:,.0f} dgram/s received over {r['s']:.2f} s; sent "
                    f"{r['sent'] / (r['t1'] - r['t0']):,.0f}/s ("
                    + " + ".join(f"{x:,.0f}" for x in r["rates"]) + "); loss "
                    f"{100.0 * (r['sent'] - r['recv']) / max(1, r['sent']):.1f}% (kernel drops "
                    f"{r['kernel_drops']}); senders' CPU {r['cpu_s']:.2f} s")

        # What the raw receiver would have got of as many datagrams as SockScope was sent (the
        # same count unless a sendto() failed).
        ref = raw["recv"] * ss["sent"] / raw["sent"] if raw["sent"] else None
        ratio = ss["recv"] / ref if ref else None
        held = lag.get("max")
        held_ok = isinstance(held, (int, float)) and held <= UDP_HELD_MAX_MS
        label = f"5 … {UDP_SENDERS} senders at full speed"
        return [
            (f"5 raw UDP, {UDP_SENDERS} senders at full speed (py recv_into, SO_RCVBUF 4 MiB)",
             "received",
             raw["recv"], "dgram", raw["recv"],
             note(raw) + f"; receiver CPU {raw['server_cpu_pct']:.0f}%",
             f"{raw['recv']}/{raw['sent']} received"),
            (f"5 headless UDP, {UDP_SENDERS} senders at full speed", "received", ss["recv"],
             "dgram", ref, note(ss) + f"; server CPU {ss['server_cpu_pct']:.0f}%",
             f"{ss['recv']}/{ss['sent']} received; ≥ {UDP_RATIO_MIN} of raw: "
             + verdict(ratio is not None and ratio >= UDP_RATIO_MIN, ratio, 1.0)),
            ("", "loop held max (event-loop lag max)", held, "ms", None,
             f"{label}: lag p99/max {fmt_lag(lag)} ms",
             f"never held > {UDP_HELD_MAX_MS:.0f} ms: "
             + verdict(held_ok, held if isinstance(held, (int, float)) else None,
                       UDP_HELD_MAX_MS)),
        ]

    # ---- 6. 1,000 concurrent clients x 1 KiB (raw, headless, GUI), 7 during it
    def clients(self):
        args, cfg, results = self.args, self.cfg, self.results
        rows = []
        n, size = cfg["clients"], cfg["client_bytes"]
        log(f"raw {n} clients x {size} B")
        rr = RawReceiver("many", n, 60)
        mc = many_clients(rr.port, n, size, 60)
        close_all(mc["socks"])
        rres = rr.result()
        raw_settle = mc["settle"]
        rows.append((f"6 raw {n} clients x 1 KiB (py selectors)", "time to settle",
                     (raw_settle or float("nan")) * 1000, "ms",
                     (raw_settle or float("nan")) * 1000, f"peak {rres.get('peak')}",
                     "OK" if rres.get("bytes") == n * size
                     else f"MISMATCH bytes={rres.get('bytes')}"))
        log(f"headless {n} clients x {size} B")
        srv = Server(args.binary, "tcp-server", ["--framing", "raw"], 600, self.workdir)
        mc = many_clients(srv.port, n, size, 60)
        time.sleep(0.3)  # queues are empty: let the event loop finish counting
        hwm = proc_status_kib(srv.pid, "VmHWM")
        rep = srv.stop() or {}   # stop while the clients are still connected
        close_all(mc["socks"])
        rows.append(clients_row(f"6 headless {n} clients x 1 KiB", mc, rep, hwm, raw_settle, n,
                                size, results, "clients"))
        if self.gui_skip:
            rows.append((f"6 GUI {n} clients x 1 KiB (xvfb)", self.gui_skip, None, "", None, "",
                         ""))
            return rows
        log(f"GUI {n} clients x {size} B under xvfb-run")
        gui = GuiServer(args.binary, self.workdir, "clients")
        gmc = None
        try:
            xt = XTest(gui) if self.xdotool else None
            why_no_keys = None if self.xdotool else "skipped: install xdotool"
            if xt:
                why = xt.focus_editor()
                if why:
                    why_no_keys = f"skipped: could not focus the send editor ({why})"
            kt = None
            if why_no_keys is None:
                # Keys every 25 ms from the first connect on: the burst itself is ~0.1 s, the
                # window may stay busy after the kernel queues are empty.
                stop = threading.Event()
                t_k = time.monotonic()
                kt = KeyTyper(xt, args.keys, lambda i: t_k + i * 0.025, stop)
                kt.start()
            gmc = many_clients(gui.port, n, size, 60)
            time.sleep(0.3)
            if kt:
                kt.join(args.keys * 0.025 + 30)
            kr = key_results(gui, kt) if kt else None
            hwm = proc_status_kib(gui.pid, "VmHWM")
            rep = gui.stop() or {}  # close the window while the clients are still connected
        except BaseException:
            gui.kill()
            raise
        finally:
            if gmc:
                close_all(gmc["socks"])
        rows.append(clients_row(f"6 GUI {n} clients x 1 KiB (xvfb)", gmc, rep, hwm, raw_settle,
                                n, size, results, "gui_clients"))
        if why_no_keys:
            self.key_rows.append(("7 GUI key→paint (XTest)", why_no_keys, None, "", None, "", ""))
        elif kr:
            results["keys_clients"] = kr
            self.key_rows.append(key_row("7 GUI key→paint during 6 (1000 clients)", kr,
                                         self.baseline_p99,
                                         "keys every 25 ms from the first connect"))
        return rows

    def resolve(self, rows):
        """The raw rows first (best of the repeated raw measurements), then `rows` with the
        RAW_TCP / RAW_UDP placeholders (and checks that depend on them) resolved."""
        head = []
        refs = {}
        tcp, udp = self.raw_runs["tcp"], self.raw_runs["udp"]
        self.results["raw_tcp"], self.results["raw_udp"] = tcp, udp
        if tcp:
            best = max(tcp, key=lambda r: r["mibs"])
            refs[RAW_TCP] = best["mibs"]
            bad = [r for r in tcp if not r["ok"]]
            head.append((
                f"1 raw TCP (py recv_into), best of {len(tcp)}", "throughput", best["mibs"],
                "MiB/s", best["mibs"],
                "runs " + " / ".join(f"{r['mibs']:,.0f}" for r in tcp) + " MiB/s; best: "
                f"sender CPU {best['sender_cpu_pct']:.0f}%, recv CPU {best['recv_cpu_pct']:.0f}%",
                "OK" if not bad else f"MISMATCH recv={bad[0]['recv']} sent={bad[0]['sent']}"))
        if udp:
            best = max(udp, key=lambda r: r["rate"])
            refs[RAW_UDP] = best["rate"]
            head.append((
                f"1 raw UDP max rate (py recv_into), best of {len(udp)}", "received",
                best["rate"], "dgram/s", best["rate"],
                "runs " + " / ".join(f"{r['rate']:,.0f}" for r in udp) + " dgram/s; best: "
                f"sent {best['send_rate']:,.0f}/s, loss "
                f"{100.0 * (best['sent'] - best['recv']) / max(1, best['sent']):.1f}%",
                f"{best['recv']}/{best['sent']} received"))
        resolved = []
        for row in head + rows:
            raw = row[4]
            if isinstance(raw, tuple):
                raw = refs[raw[0]] * raw[1]
            elif isinstance(raw, str) and raw in refs:
                raw = refs[raw]
            check = row[6](raw) if callable(row[6]) else row[6]
            resolved.append(row[:4] + (raw, row[5], check) + row[7:])
        return resolved


def run(args):
    """One run of the rows `args.only` selects. Returns (rows, results)."""
    b = Bench(args)
    only = args.only
    rows = []  # (test, figure, value, unit, raw, note, check[, ratio override])
    if only in ("relay", "tls"):
        rows_of = relay_rows if only == "relay" else tls_rows
        rows = rows_of(args, b.cfg, b.chunk, b.workdir, b.results, b.notes)
        b.results["notes"] = b.notes
        b.results["load_after"] = os.getloadavg()
        return rows, b.results
    if only in (None, "bulk", "lines"):
        b.measure_raw_tcp()
    if only is None:
        b.measure_raw_udp()
    if only in (None, "bulk"):
        rows += b.headless_bulk()
        b.measure_raw_tcp()
        rows += b.gui_bulk()
        b.measure_raw_tcp()
    if only in (None, "lines"):
        rows += b.lines()
    if only in (None, "udp"):
        b.measure_raw_udp()
        rows += b.udp()
    if only is None:
        rows += b.clients()
    for r in b.key_rows:  # a "skipped" row once, not once per GUI flood
        if r not in rows:
            rows.append(r)
    if only is None:
        # ---- 8. relay: direct, socat and SockScope in the same run (own reference: direct)
        rows += relay_rows(args, b.cfg, b.chunk, b.workdir, b.results, b.notes)
        # ---- 9. TLS ingest: plaintext and TLS SockScope, py ssl → py ssl, in the same run
        rows += tls_rows(args, b.cfg, b.chunk, b.workdir, b.results, b.notes)
    rows = b.resolve(rows)
    b.results["notes"] = b.notes
    b.results["load_after"] = os.getloadavg()
    return rows, b.results


def clients_row(label, mc, rep, hwm, raw_settle, n, size, results, key):
    rxb = rep.get("rx_bytes_total")
    peak = rep.get("peak_clients")
    lag = rep.get("event_loop_lag_ms", {})
    ok = rxb == n * size and peak == n and mc["failed"] == 0
    results[key] = {"settle_s": mc["settle"], "failed": mc["failed"], "peak_clients": peak,
                    "rx_bytes_total": rxb, "connections": len(rep.get("connections", [])),
                    "vmhwm_kib": hwm, "lag": lag}
    return (label, "time to settle", (mc["settle"] or float("nan")) * 1000, "ms",
            (raw_settle or float("nan")) * 1000,
            f"peak_clients {peak}, rx_bytes_total {rxb}; lag p99/max {fmt_lag(lag)} ms;"
            f" peak RSS {(hwm or 0) / 1024:.0f} MiB",
            "OK" if ok else f"MISMATCH bytes={rxb} peak={peak} failed={mc['failed']}")


def key_row(label, kr, baseline_p99, extra="", p99_max=None):
    """key→paint = probe's paint time - time.monotonic_ns() right before running xdotool key.
    p99_max: the target for the p99 (issue #16: < 50 ms during the bulk flood)."""
    p99 = percentile(kr["total_ms"], 99)
    ratio = "-"
    if p99 is not None and baseline_p99:
        ratio = f"{p99 / baseline_p99:.2f} (p99 vs idle)"
    note = (f"{kr['repainted']}/{kr['sent']} repainted"
            + (f", {kr['elsewhere']} went elsewhere" if kr["elsewhere"] else "")
            + f"; in-process key→paint {fmt_ms3(kr['inproc_ms'])}; "
            f"xdotool run p50 {percentile(kr['xdotool_ms'], 50) or 0:.1f} ms"
            + (f"; {extra}" if extra else ""))
    check = f"{kr['repainted']}/{kr['sent']}"
    if p99_max is not None:
        # Every key must have been repainted for the p99 to count.
        ok = p99 is not None and p99 < p99_max and kr["repainted"] == kr["sent"]
        check += f"; p99 < {p99_max:.0f} ms: {verdict(ok, p99, p99_max)}"
    return (label, "key→paint p50 / p99 / max", fmt_ms3(kr["total_ms"]), "ms",
            baseline_p99, note, check, ratio)


def fmt_lag(lag):
    """p99 / max of the report's event-loop lag, with the number of samples behind them."""
    def r(v):
        return f"{v:.1f}" if isinstance(v, (int, float)) else "?"
    return f"{r(lag.get('p99'))} / {r(lag.get('max'))} (n={lag.get('samples', '?')})"


def fmt_num(v):
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    if v != v:  # nan
        return "n/a"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:.2f}"


def print_table(rows, results):
    m = results["machine"]
    print(f"Machine: nproc {m['nproc']} (affinity {m['affinity']}), CPU {m['cpu']}, "
          f"kernel {m['kernel']}, Python {m['python']}")
    la0, la1 = m["load"], results.get("load_after", (0, 0, 0))
    print(f"Load average: before {la0[0]:.2f} {la0[1]:.2f} {la0[2]:.2f}; "
          f"after {la1[0]:.2f} {la1[1]:.2f} {la1[2]:.2f}")
    print(f"Mode: {'quick' if results['config'].get('bulk_mib') == 256 else 'full'}"
          + (f", only {results['only']}" if results.get("only") else "") + "; "
          f"RLIMIT_NOFILE {results['nofile']}")
    hdr = ("test", "figure", "value", "unit", "raw limit", "ratio", "check", "notes")
    table = []
    for row in rows:
        test, fig, val, unit, raw, note, check = row[:7]
        table.append((test, fig, fmt_num(val), unit, fmt_num(raw), row_ratio(row), check, note))
    print_markdown(hdr, table)
    for n in results.get("notes", []):
        print(f"note: {n}")


def row_ratio(row):
    """The ratio column: the row's own (8th field) or value / raw limit."""
    _test, _fig, val, unit, raw = row[:5]
    if len(row) > 7:
        return row[7]
    if isinstance(val, (int, float)) and isinstance(raw, (int, float)) and raw and raw == raw \
            and val == val:
        return f"{val / raw:.3f}" + (" (x time)" if unit == "ms" else "")  # a time: >1 slower
    return "-"


def print_markdown(hdr, table):
    widths = [max(len(str(r[i])) for r in table + [hdr]) for i in range(len(hdr))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(hdr, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in table:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |", flush=True)


def numbers(cell):
    """The numbers of a value cell: 872.4 -> [872.4]; "20.3 / 25.2 (n=203)" -> [20.3, 25.2];
    "1,024 / 1,050" -> [1024, 1050]; text -> []."""
    if isinstance(cell, bool) or cell is None:
        return []
    if isinstance(cell, (int, float)):
        return [cell] if cell == cell else []
    out = []
    for part in str(cell).split("(")[0].split("/"):
        try:
            out.append(float(part.strip().replace(",", "")))
        except ValueError:
            return []
    return out


def first_number(cell):
    """A ratio cell's number: "0.512 direct, 0.700 socat" -> [0.512]; "-" -> []."""
    m = re.match(r"\s*(\d+(?:\.\d+)?)", str(cell))
    return [float(m.group(1))] if m else []


def spread_table(runs):
    """Issue #16 asks for spreads over runs: for every figure with numbers (value, and the ratio
    where it is not the row's own reference), min–max over the runs and each run's value, and
    for a figure whose check has targets (OK / MISSED) in how many runs all were met.
    Rows are matched across runs by (test, figure); a blank test continues the one above."""
    order, seen, met = [], {}, {}
    for i, rows in enumerate(runs):
        test, prev = "", None
        for row in rows:
            test = row[0] or test
            _t, fig, val, unit, raw = row[:5]
            cells = [(fig, unit, numbers(val))]
            if raw is None or raw != val:  # not the row's own reference (ratio 1)
                cells.append((f"{fig}: ratio", "", first_number(row_ratio(row))))
            for name, u, nums in cells:
                if not nums:
                    continue
                key = (test, name, u)
                if key not in seen:  # after the figure it followed in this run
                    seen[key] = {}
                    order.insert(order.index(prev) + 1 if prev else 0, key)
                seen[key][i] = nums
                prev = key
            check = str(row[6])
            if "OK (x" in check or "MISSED (x" in check:
                met.setdefault((test, fig, unit), {})[i] = "MISSED (x" not in check
    hdr = ("test", "figure", "unit", "min–max", "targets met") + tuple(
        f"run {i + 1}" for i in range(len(runs)))
    table = []
    for key in order:
        per_run = seen[key]
        width = max(len(v) for v in per_run.values())
        cols = [[v[j] for v in per_run.values() if len(v) == width] for j in range(width)]
        u = key[2]
        span = " / ".join(f"{fmt_spread(min(c), u)}–{fmt_spread(max(c), u)}" for c in cols)
        each = [" / ".join(fmt_spread(x, u) for x in per_run[i]) if i in per_run else "-"
                for i in range(len(runs))]
        m = met.get(key)
        table.append(key + (span, f"{sum(m.values())}/{len(m)} runs" if m else "")
                     + tuple(each))
    return hdr, table


def fmt_spread(v, unit):
    if not unit:  # a ratio
        return f"{v:.3f}"
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.1f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", required=True, help="path to the sockscope binary")
    ap.add_argument("--quick", action="store_true", help="smaller volumes (~20 s)")
    ap.add_argument("--json", help="also write the raw results to this file")
    ap.add_argument("--no-gui", action="store_true",
                    help="skip the rows with the window (3, 6 GUI, 7)")
    ap.add_argument("--only", choices=["bulk", "lines", "udp", "relay", "tls"],
                    help="run only these rows, with their references: bulk (1 raw TCP, 2, 3, 7 "
                         "idle and during 3), lines (1 raw TCP, 4 with the sender's limit, 4 "
                         "window), udp (1 raw UDP, 5 with its three-sender reference), relay (8, "
                         "with its own direct reference), tls (9, with its own plaintext "
                         "reference)")
    ap.add_argument("--runs", type=int, default=1,
                    help="run the selected rows N times (each run prints its table), then print "
                         "the spread of every figure over the runs (default 1)")
    ap.add_argument("--no-second-gib", action="store_true",
                    help="bulk rows: send the volume once (no RSS flatness check)")
    ap.add_argument("--keys", type=int, default=20,
                    help="XTest key presses per phase of row 7 (default 20, at most 26)")
    ap.add_argument("--screenshots", metavar="DIR",
                    help="save a screenshot of the Xvfb screen in the middle of the GUI bulk flood")
    args = ap.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"not executable: {args.binary} (build it: cmake --build build --target sockscope)")
    args.binary = os.path.abspath(args.binary)
    args.keys = max(1, min(args.keys, len(KEY_LETTERS)))
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
        args.screenshots = os.path.abspath(args.screenshots)
    args.runs = max(1, args.runs)
    raise_nofile(args)
    all_rows, all_results = [], []
    for i in range(args.runs):
        if args.runs > 1:
            log(f"run {i + 1}/{args.runs}")
            print(f"Run {i + 1}/{args.runs}")
        t0 = time.monotonic()
        rows, results = run(args)
        results["wall_s"] = time.monotonic() - t0
        print_table(rows, results)
        print(f"Wall time: {results['wall_s']:.1f} s", flush=True)
        all_rows.append(rows)
        all_results.append(results)
    if args.runs > 1:
        print(f"Spread over {args.runs} runs")
        print_markdown(*spread_table(all_rows))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(all_results[0] if args.runs == 1 else {"runs": all_results}, f, indent=2,
                      default=str)


def raise_nofile(args):
    """Let the python process (and the sockscope children, which inherit it) hold 1,000+
    sockets (row 6)."""
    args.nofile_note = None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = hard if hard != resource.RLIM_INFINITY else 65536
    if soft < want:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
        except (ValueError, OSError) as e:
            args.nofile_note = f"could not raise RLIMIT_NOFILE: {e}"


if __name__ == "__main__":
    main()
