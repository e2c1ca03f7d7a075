"""The output folder's lock: one job at a time, and the lock of a dead job taken over."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from relnlp.batch._spec import LOCK, _now
from relnlp.errors import ConfigError, Errors

logger = logging.getLogger("relnlp.batch")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _pid_started(pid: int) -> str | None:
    """When process ``pid`` started (Linux: clock ticks after boot), to tell a reused pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after its end.
    fields = stat[stat.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else None


#: A lock file that cannot be read for this long is a write that never finished.
LOCK_GRACE_SECONDS = 10.0


def _lock_is_stale(lock: Path, held: Mapping[str, Any] | None, host: str) -> bool:
    """True when the job that wrote ``lock`` is certainly gone (so its lock is taken over).

    Its process has ended, or its pid now names another process (a different start
    time), or the lock was never completely written (unreadable for some seconds).
    A lock from another host is never taken over: its process cannot be checked here.
    """
    if held is None:
        try:
            return time.time() - lock.stat().st_mtime > LOCK_GRACE_SECONDS
        except FileNotFoundError:
            return True
    pid = held.get("pid")
    if not isinstance(pid, int) or held.get("host") != host:
        return False
    if not _pid_alive(pid):
        return True
    started = held.get("pid_started")
    return started is not None and _pid_started(pid) not in (None, started)


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold ``_lock.json`` while the job writes; the lock of a dead job is taken over."""
    lock = out / LOCK
    host = socket.gethostname()
    me = {
        "pid": os.getpid(),
        "host": host,
        "started": _now(),
        "pid_started": _pid_started(os.getpid()),
    }
    for _attempt in range(3):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                held = json.loads(lock.read_text())
            except (OSError, ValueError):
                held = None
            if _lock_is_stale(lock, held if isinstance(held, dict) else None, host):
                logger.info("taking over the lock of a job that ended: %s", held)
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                continue
            info = held if isinstance(held, dict) else {}
            raise ConfigError(
                Errors.E403.format(out=out, pid=info.get("pid"), host=info.get("host"), lock=lock)
            ) from None
        try:
            with os.fdopen(fd, "w") as fh:
                json.dump(me, fh)
        except OSError:  # a full disk: leave no empty lock behind
            with contextlib.suppress(OSError):
                lock.unlink()
            raise
        break
    else:  # another job took the lock over at the same moment, each time
        raise ConfigError(Errors.E403.format(out=out, pid="?", host=host, lock=lock))
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()
