"""A Redis that is not there: the deployment's cache (REDIS_URL) or task queue
(RQ_REDIS_URL) settings, as config/settings/base.py builds them, pointed at a local
port where nothing listens."""

import importlib.util
import signal
import socket
import subprocess
import time


def closed_port():
    """A port that was free a moment ago, and where nothing listens now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def dead_redis_url():
    return f"redis://127.0.0.1:{closed_port()}/0"


def deployment_settings(**environment):
    """config/settings/base.py as a deployment with these variables reads it (a fresh
    copy of the module)."""
    import pytest

    spec = importlib.util.find_spec("config.settings.base")
    module = importlib.util.module_from_spec(spec)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environment.items():
            patch.setenv(name, value)
        spec.loader.exec_module(module)
    return module


def deployment_caches(redis_url):
    """CACHES as config/settings/base.py builds them for a deployment's REDIS_URL."""
    return deployment_settings(REDIS_URL=redis_url).CACHES


def deployment_queue(redis_url):
    """TASKS and RQ_QUEUES as config/settings/base.py builds them for a deployment whose
    task queue is RQ (TASKS_BACKEND=django_tasks_rq.RQBackend) on RQ_REDIS_URL."""
    module = deployment_settings(TASKS_BACKEND="django_tasks_rq.RQBackend", RQ_REDIS_URL=redis_url)
    return module.TASKS, module.RQ_QUEUES


class RedisServer:
    """A redis-server of the test's own, which the test can freeze (SIGSTOP: it keeps its
    data and its port and answers nothing) and thaw (SIGCONT), or shut down and start
    again from its saved data (a Redis with persistence restarting)."""

    def __init__(self, workdir):
        import shutil

        import pytest

        self.binary = shutil.which("redis-server")
        if self.binary is None:
            pytest.skip("needs redis-server (apt-get install redis-server)")
        self.workdir = workdir
        self.port = closed_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while not self.answers():
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def client(self):
        import redis

        return redis.Redis.from_url(self.url, socket_timeout=0.5)

    def answers(self):
        import redis

        try:
            return self.client().ping()
        except redis.exceptions.RedisError:
            return False

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)

    def shut_down(self):
        """Save the data (dump.rdb, read by the next start), then end the process."""
        self.client().save()
        self.process.terminate()
        self.process.wait(10)

    def stop(self):
        if self.process.poll() is None:
            self.thaw()
            self.process.terminate()
            self.process.wait(10)
