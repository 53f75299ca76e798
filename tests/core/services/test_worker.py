"""The library worker: one thread runs every call, interactive ones first, long jobs in steps."""

import threading
import time

import pytest

from glossator.core.services import worker


@pytest.fixture
def library_worker():
    running = worker.LibraryWorker(name="test-library")
    yield running
    running.stop()


def test_calls_run_on_the_worker_thread_and_errors_come_back(library_worker):
    assert library_worker.call(lambda: threading.current_thread().name) == "test-library"
    with pytest.raises(KeyError, match="missing"):
        library_worker.call(lambda: {}["missing"])


def test_an_interactive_call_goes_before_the_rest_of_a_long_job(library_worker):
    order = []
    started = threading.Event()

    def long_job():
        for step in range(20):
            order.append(f"step {step}")
            started.set()
            time.sleep(0.01)
            yield
        return "done"

    job = library_worker.submit_steps(long_job())
    started.wait(5)
    library_worker.call(lambda: order.append("reader"))
    assert job.result(10) == "done"
    # The reader's call waited for one step at most, not for the whole job.
    assert order.index("reader") <= 2


def test_front_door_forwards_only_when_a_worker_is_installed(library_worker):
    where = worker.front_door(lambda: threading.current_thread().name)
    assert where() == threading.current_thread().name
    worker.install(library_worker)
    try:
        assert where() == "test-library"
        assert worker.in_background(where).result(5) == "test-library"
    finally:
        worker.install(None)


def test_without_a_worker_long_jobs_run_whole_where_they_are_asked(library_worker):
    def steps():
        yield
        yield
        return 3

    assert worker.in_steps(steps()).result(0) == 3


def test_a_stopped_worker_refuses_new_work():
    stopped = worker.LibraryWorker()
    stopped.stop()
    with pytest.raises(worker.WorkerStopped):
        stopped.call(lambda: 1)
