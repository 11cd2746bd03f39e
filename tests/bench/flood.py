#!/usr/bin/env python3
"""SockScope flood benchmark (first version).

    python3 tests/bench/flood.py --binary build/app/sockscope [--quick]

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
import resource
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
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
    def __init__(self, mode, expect, timeout):
        self.port = free_port(socket.SOCK_DGRAM if mode == "udp" else socket.SOCK_STREAM)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", RAW_RECEIVER, mode, str(self.port), str(expect), str(timeout)],
            stdout=subprocess.PIPE, text=True)
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

    def hwm(self):
        return proc_status_kib(self.pid, "VmHWM")


def run(args):
    rows = []  # (test, figure, value, unit, raw, ratio, check)
    notes = []
    cfg = {
        "raw_tcp_mib": 256 if args.quick else 1024,
        "bulk_mib": 256 if args.quick else 1024,
        "lines": 100_000,
        "udp_count": 100_000,
        "udp_paced_count": 30_000 if args.quick else 100_000,
        "udp_rate": 10_000,
        "clients": 1000,
        "client_bytes": 1024,
    }
    workdir = tempfile.mkdtemp(prefix="sockscope-flood-")
    chunk = bytes((i * 31 + 7) & 0xFF for i in range(CHUNK))
    results = {"config": cfg, "machine": machine_info()}

    # Let the python process (and the sockscope children, which inherit it) hold 1,000+ sockets.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = hard if hard != resource.RLIM_INFINITY else 65536
    if soft < want:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
        except (ValueError, OSError) as e:
            notes.append(f"could not raise RLIMIT_NOFILE: {e}")
    results["nofile"] = resource.getrlimit(resource.RLIMIT_NOFILE)

    # ---- 1a. raw TCP
    log(f"raw TCP: {cfg['raw_tcp_mib']} MiB in 64 KiB writes")
    rr = RawReceiver("tcp", 0, 120)
    c0 = cpu_seconds(rr.pid)
    dt, sent, closed, scpu = tcp_send_and_wait_close(rr.port, cfg["raw_tcp_mib"] * MiB // CHUNK,
                                                     chunk, 120)
    rcpu = (cpu_seconds(rr.pid) or 0) - (c0 or 0)
    got = rr.result().get("bytes")
    raw_tcp = sent / MiB / dt
    results["raw_tcp"] = {"s": dt, "sent": sent, "recv": got, "closed": closed,
                          "sender_cpu_pct": pct(scpu, dt), "recv_cpu_pct": pct(rcpu, dt)}
    rows.append(("1 raw TCP (py recv_into)", "throughput", raw_tcp, "MiB/s", raw_tcp,
                 f"sender CPU {pct(scpu, dt):.0f}%, recv CPU {pct(rcpu, dt):.0f}%",
                 "OK" if got == sent and closed else f"MISMATCH recv={got} sent={sent}"))

    # ---- 1b. raw UDP, as fast as possible
    log(f"raw UDP: {cfg['udp_count']} x 100 B, max rate")
    rr = RawReceiver("udp", cfg["udp_count"], 60)
    t0, t_last, sent, scpu = udp_send(rr.port, cfg["udp_count"], 100, None, 60)
    t_done, drops = wait_udp_drained(rr.port, 30)
    _q, drops = udp_queue(rr.port)
    res = rr.result()
    recv = res.get("datagrams", 0)
    t_done = t_done or time.monotonic()
    raw_udp = recv / (t_done - t0)
    raw_udp_loss = 100.0 * (sent - recv) / sent if sent else None
    send_rate = sent / (t_last - t0)
    results["raw_udp"] = {"sent": sent, "recv": recv, "s": t_done - t0, "send_rate": send_rate,
                          "sender_cpu_pct": pct(scpu, t_last - t0)}
    rows.append(("1 raw UDP max rate (py recv_into)", "received", raw_udp, "dgram/s", raw_udp,
                 f"sent {send_rate:,.0f}/s; loss {raw_udp_loss:.1f}%", f"{recv}/{sent} received"))

    # ---- 2. sockscope TCP bulk, hex
    n_chunks = cfg["bulk_mib"] * MiB // CHUNK
    log(f"sockscope TCP bulk: {cfg['bulk_mib']} MiB in 64 KiB writes, --encoding hex")
    srv = Server(args.binary, "tcp-server", ["--framing", "raw"], 900, workdir)
    rss = RssSampler(srv.pid)
    c0 = cpu_seconds(srv.pid)
    # The sender runs in this thread; RSS is sampled between writes via a small wrapper.
    s = socket.create_connection((HOST, srv.port), timeout=10)
    s.settimeout(300)
    mv = memoryview(chunk)
    sent = 0
    cpu_s0 = self_cpu()
    t0 = time.monotonic()
    deadline = t0 + 300
    for i in range(n_chunks):
        s.sendall(mv)
        sent += CHUNK
        if i % 64 == 0:
            rss.sample()
            if time.monotonic() > deadline:
                notes.append("bulk: sender stopped at the 300 s bound")
                break
    t_written = time.monotonic()
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
    srv_cpu = (cpu_seconds(srv.pid) or 0) - (c0 or 0)
    rss.sample()
    hwm = rss.hwm()
    rep = srv.stop() or {}  # SIGTERM right away: the report is written after the last record
    t_rep = time.monotonic()
    dt_close = t1 - t0
    dt = t_rep - t0
    got = rep.get("rx_bytes_total")
    lag = rep.get("event_loop_lag_ms", {})
    bulk = sent / MiB / dt
    results["bulk"] = {"s": dt, "close_s": dt_close, "write_s": t_written - t0, "sent": sent, "rx_bytes_total": got,
                       "closed_by_server": closed, "vmhwm_kib": hwm, "max_vmrss_kib": rss.max_rss,
                       "sender_cpu_pct": pct(scpu, dt), "server_cpu_pct": pct(srv_cpu, dt),
                       "lag": lag}
    ok = "OK" if got == sent else f"MISMATCH counted={got} sent={sent}"
    rows.append(("2 sockscope TCP bulk, hex", "throughput", bulk, "MiB/s", raw_tcp,
                 f"to report {dt:.2f} s (server closed at {dt_close:.2f} s = "
                 f"{sent / MiB / dt_close:.0f} MiB/s); server CPU {pct(srv_cpu, dt_close):.0f}%, "
                 f"sender CPU {pct(scpu, dt_close):.0f}%", ok))
    rows.append(("", "peak RSS (VmHWM)", (hwm or 0) / 1024, "MiB", None, "", ""))
    rows.append(("", "event-loop lag p99 / max",
                 fmt_lag(lag), "ms", None, "", ""))
    if not closed:
        notes.append("bulk: the server did not close after the stream ended; time is up to the bound")

    # ---- 3. small messages, line framing
    nl = cfg["lines"]
    line = (b"%063x" % 0)[:63]
    log(f"sockscope lines: {nl} x 64 B, --framing line")
    payload = bytearray()
    for i in range(nl):
        payload += (b"%08d" % i) + line[8:] + b"\n"
    srv = Server(args.binary, "tcp-server", ["--framing", "line"], 600, workdir)
    c0 = cpu_seconds(srv.pid)
    # Sent as 64 KiB writes of the concatenated lines.
    chunks = [bytes(payload[i:i + CHUNK]) for i in range(0, len(payload), CHUNK)]
    s = socket.create_connection((HOST, srv.port), timeout=10)
    s.settimeout(120)
    t0 = time.monotonic()
    for c in chunks:
        s.sendall(c)
    s.shutdown(socket.SHUT_WR)
    closed = False
    try:
        deadline = t0 + 120
        while time.monotonic() < deadline:
            if s.recv(65536) == b"":
                closed = True
                break
    except (socket.timeout, OSError):
        pass
    t1 = time.monotonic()
    s.close()
    srv_cpu = (cpu_seconds(srv.pid) or 0) - (c0 or 0)
    rep = srv.stop() or {}  # SIGTERM right away: the report is written after the last record
    t_rep = time.monotonic()
    dt_close = t1 - t0
    dt = t_rep - t0
    frames = rep.get("rx_frames_total")
    msgs = nl / dt
    lag = rep.get("event_loop_lag_ms", {})
    results["lines"] = {"s": dt, "close_s": dt_close, "sent": nl, "rx_frames_total": frames,
                        "rx_bytes_total": rep.get("rx_bytes_total"), "closed_by_server": closed,
                        "server_cpu_pct": pct(srv_cpu, dt), "lag": lag}
    rows.append(("3 sockscope 64 B lines, --framing line", "messages", msgs, "msg/s",
                 raw_tcp * MiB / 64,  # raw TCP bytes/s as 64 B messages/s
                 f"= {msgs * 64 / MiB:.2f} MiB/s; to report {dt:.2f} s (closed at {dt_close:.2f} s);"
                 f" server CPU {pct(srv_cpu, dt_close):.0f}%; "
                 f"lag p99/max {fmt_lag(lag)} ms",
                 "OK" if frames == nl else f"MISMATCH frames={frames} sent={nl}"))

    # ---- 4. UDP paced and max rate
    for label, count, rate in (("paced 10k/s", cfg["udp_paced_count"], cfg["udp_rate"]),
                               ("max rate", cfg["udp_count"], None)):
        log(f"sockscope UDP {label}: {count} x 100 B")
        srv = Server(args.binary, "udp", [], 600, workdir)
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
        results[f"udp_{'paced' if rate else 'max'}"] = {
            "sent": sent, "recv": recv, "rx_frames_total": rep.get("rx_frames_total"),
            "kernel_drops": drops, "send_rate": sent / (t_last - t0), "s": t_done - t0,
            "server_cpu_pct": pct(srv_cpu, t_done - t0), "lag": lag}
        rows.append((f"4 sockscope UDP {label}", "received", rate_recv, "dgram/s", raw_udp,
                     f"sent {sent / (t_last - t0):,.0f}/s; loss {loss:.2f}% "
                     f"(kernel drops {drops}); server CPU {pct(srv_cpu, t_done - t0):.0f}%",
                     f"{recv}/{sent} received"))

    # ---- 5. 1,000 concurrent clients x 1 KiB (raw first, then sockscope)
    n, size = cfg["clients"], cfg["client_bytes"]
    log(f"raw {n} clients x {size} B")
    rr = RawReceiver("many", n, 60)
    mc = many_clients(rr.port, n, size, 60)
    close_all(mc["socks"])
    rres = rr.result()
    raw_settle = mc["settle"]
    rows.append((f"5 raw {n} clients x 1 KiB (py selectors)", "time to settle",
                 (raw_settle or float("nan")) * 1000, "ms", (raw_settle or float("nan")) * 1000,
                 f"peak {rres.get('peak')}",
                 "OK" if rres.get("bytes") == n * size else f"MISMATCH bytes={rres.get('bytes')}"))
    log(f"sockscope {n} clients x {size} B")
    srv = Server(args.binary, "tcp-server", ["--framing", "raw"], 600, workdir)
    c0 = cpu_seconds(srv.pid)
    mc = many_clients(srv.port, n, size, 60)
    time.sleep(0.3)  # queues are empty: let the event loop finish counting
    srv_cpu = (cpu_seconds(srv.pid) or 0) - (c0 or 0)
    hwm = proc_status_kib(srv.pid, "VmHWM")
    rep = srv.stop() or {}   # stop while the clients are still connected
    close_all(mc["socks"])
    rxb = rep.get("rx_bytes_total")
    peak = rep.get("peak_clients")
    lag = rep.get("event_loop_lag_ms", {})
    ok = rxb == n * size and peak == n and mc["failed"] == 0
    results["clients"] = {"settle_s": mc["settle"], "failed": mc["failed"], "peak_clients": peak,
                          "rx_bytes_total": rxb, "connections": len(rep.get("connections", [])),
                          "vmhwm_kib": hwm, "lag": lag}
    rows.append((f"5 sockscope {n} clients x 1 KiB", "time to settle",
                 (mc["settle"] or float("nan")) * 1000, "ms", (raw_settle or float("nan")) * 1000,
                 f"peak_clients {peak}; lag p99/max {fmt_lag(lag)} ms;"
                 f" RSS {(hwm or 0) / 1024:.0f} MiB",
                 "OK" if ok else f"MISMATCH bytes={rxb} peak={peak} failed={mc['failed']}"))

    # ---- GUI rows
    rows.append(("6 GUI log view under flood (XTest)", "not measured yet", None, "", None, "", ""))
    rows.append(("7 GUI input latency under flood (XTest)", "not measured yet", None, "", None, "", ""))
    results["notes"] = notes
    results["load_after"] = os.getloadavg()
    return rows, results


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
    print(f"Mode: {'quick' if results['config'].get('bulk_mib') == 256 else 'full'}; "
          f"RLIMIT_NOFILE {results['nofile']}")
    hdr = ("test", "figure", "value", "unit", "raw limit", "ratio", "check", "notes")
    table = []
    for test, fig, val, unit, raw, note, check in rows:
        ratio = "-"
        if isinstance(val, (int, float)) and isinstance(raw, (int, float)) and raw and raw == raw \
                and val == val:
            ratio = f"{val / raw:.3f}"
            if unit == "ms":  # a time: ratio >1 means slower than raw
                ratio += " (x time)"
        table.append((test, fig, fmt_num(val), unit, fmt_num(raw), ratio, check, note))
    widths = [max(len(str(r[i])) for r in table + [hdr]) for i in range(len(hdr))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(hdr, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in table:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")
    for n in results.get("notes", []):
        print(f"note: {n}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", required=True, help="path to the sockscope binary")
    ap.add_argument("--quick", action="store_true", help="smaller volumes (~40 s)")
    ap.add_argument("--json", help="also write the raw results to this file")
    args = ap.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"not executable: {args.binary} (build it: cmake --build build --target sockscope)")
    args.binary = os.path.abspath(args.binary)
    t0 = time.monotonic()
    rows, results = run(args)
    results["wall_s"] = time.monotonic() - t0
    print_table(rows, results)
    print(f"Wall time: {results['wall_s']:.1f} s")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2, default=str)


if __name__ == "__main__":
    main()
