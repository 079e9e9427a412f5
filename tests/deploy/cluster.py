"""Two web servers, two task workers and a dispatcher, started from the Procfile as a
deployment starts them (`sh -c COMMAND`, variables from the environment), on the test
database (PostgreSQL) and one Redis. For tests/deploy/test_scale_out.py."""

import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PROCFILE = ROOT / "Procfile"
PORTS = range(18600, 18700)


def procfile():
    """{name: command} from the Procfile."""
    entries = {}
    for line in PROCFILE.read_text().splitlines():
        match = re.match(r"^([a-z][a-z0-9_-]*):\s*(.+)$", line)
        if match:
            entries[match.group(1)] = match.group(2)
    return entries


def free_port():
    for port in random.sample(PORTS, len(PORTS)):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 18600-18699")


def wait_for(condition, seconds, step=0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return bool(condition())


class Cluster:
    """The processes, their environment and their logs (one file each)."""

    def __init__(self, database_url, redis_url, workdir, **env):
        self.workdir = workdir
        self.run_id = uuid.uuid4().hex[:10]
        self.sms_path = workdir / "sms.jsonl"
        self.queue = f"scale-{self.run_id}"
        self.processes = {}
        self.env = dict(
            os.environ,
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            DJANGO_SETTINGS_MODULE="config.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1",
            BASE_URL="http://127.0.0.1",
            # No TLS proxy in front here: plain HTTP, and no redirect to HTTPS.
            SECURE_SSL_REDIRECT="false",
            DATABASE_URL=database_url,
            CONN_MAX_AGE="60",
            REDIS_URL=redis_url,
            CACHE_KEY_PREFIX=f"scale-{self.run_id}",
            TASKS_BACKEND="django_tasks_rq.RQBackend",
            RQ_REDIS_URL=redis_url,
            ENSEMBLE_OUTBOX_QUEUE=self.queue,
            SMS_BACKEND="tests.notifications.slow_sms.SlowerSmsBackend",
            SMS_FILE_PATH=str(self.sms_path),
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            STATIC_ROOT=str(workdir / "static"),
            ENSEMBLE_CLIENT_IP_HEADER="HTTP_X_REAL_IP",
            HOST="127.0.0.1",
            WEB_CONCURRENCY="2",
            LOG_LEVEL="INFO",
            PYTHONUNBUFFERED="1",
        )
        self.env.update(env)  # a test's own values win over the defaults above
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    def start(self, kind, name, **env):
        command = procfile()[kind]
        log = self.workdir / f"{name}.log"
        with log.open("w") as output:
            process = subprocess.Popen(
                ["sh", "-c", f"exec {command}"],
                cwd=ROOT,
                env={**self.env, **env},
                stdout=output,
                stderr=subprocess.STDOUT,
                # A process and its children (gunicorn's, RQ's forks) end together.
                start_new_session=True,
            )
        process.log = log
        self.processes[name] = process
        return process

    def release(self):
        done = subprocess.run(
            ["sh", "-c", procfile()["release"]],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    def web(self, name):
        port = free_port()
        self.start("web", name, PORT=str(port))
        url = f"http://127.0.0.1:{port}"

        def healthy():
            try:
                return requests.get(f"{url}/healthz", timeout=5).status_code == 200
            except (requests.ConnectionError, requests.Timeout):
                return False

        assert wait_for(healthy, 60, 0.25), self.log(name)
        return url

    def kill(self, name):
        process = self.processes[name]
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)

    def stop_all(self):
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for name, process in self.processes.items():
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill(name)

    def log(self, name):
        return self.processes[name].log.read_text()[-4000:]

    def web_logs(self):
        return "".join(
            process.log.read_text()
            for name, process in self.processes.items()
            if name.startswith("web")
        )
