"""What the loopback peers share: connecting to the server under test on 127.0.0.1,
reading its stream, and the test pattern (byte k is k & 0xFF).

The peers run as `python3 tests/peers/NAME.py`, so this sibling module is on sys.path.
Exit codes they share: 4 on a timeout, 5 on a reset or an early end of stream.
"""
import hashlib
import socket
import sys
import time

TIMEOUT_EXIT = 4
RESET_EXIT = 5


def connect(port, timeout=15, rcvbuf=None, announce=True):
    """Connects to 127.0.0.1:PORT. A receive buffer is set before connecting, so the
    advertised window stays small. Prints "CONNECTED <local port>" when announce."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(timeout)
    s.connect(("127.0.0.1", port))
    if announce:
        print("CONNECTED", s.getsockname()[1], flush=True)
    return s


def read_to_end(s, size=1 << 20, pause=0.0):
    """Reads until the server closes, at most SIZE bytes a read, sleeping PAUSE seconds
    before each. Returns (bytes read, hex SHA-256 of them, "EOF" or "RESET").
    Exits TIMEOUT_EXIT on a timeout."""
    digest = hashlib.sha256()
    total = 0
    try:
        while True:
            if pause:
                time.sleep(pause)
            chunk = s.recv(size)
            if not chunk:
                return total, digest.hexdigest(), "EOF"
            digest.update(chunk)
            total += len(chunk)
    except ConnectionResetError:
        return total, digest.hexdigest(), "RESET"
    except socket.timeout:
        sys.exit(TIMEOUT_EXIT)


def read_exactly(s, n):
    """Reads exactly N bytes; returns their hex SHA-256. Exits RESET_EXIT if the stream
    ends first, TIMEOUT_EXIT on a timeout."""
    digest = hashlib.sha256()
    total = 0
    try:
        while total < n:
            chunk = s.recv(min(1 << 20, n - total))
            if not chunk:
                sys.exit(RESET_EXIT)
            digest.update(chunk)
            total += len(chunk)
    except socket.timeout:
        sys.exit(TIMEOUT_EXIT)
    return digest.hexdigest()


def pattern(n):
    """N bytes of the test pattern: byte k is k & 0xFF, so a receiver can check each."""
    return bytes(range(256)) * (n // 256) + bytes(range(n % 256))
