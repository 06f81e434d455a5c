#!/usr/bin/env python3
"""Executes Faultline's notebooks headless on the Java kernel and writes HTML beside each one.

Usage: notebooks/run [--timeout S] [--startup-timeout S] [--attempts N] [--repeat N] [--no-html]
                     [--starts N] [NOTEBOOK.ipynb ...]

The kernel (rapaio-jupyter-kernel 3.0.1) sometimes never answers after it starts: races between its
channel threads at start-up. The kernelspec therefore starts it through our launcher
(launcher/KernelLauncher.java), which prints a ready line once every channel loop runs and the
message handlers are installed, or reports at once that a loop ended. This runner sends nothing
before that line; then it proves the kernel alive before handing it a notebook: it waits for the
kernel_info reply on the shell channel and the kernel's status for it on iopub, then runs a probe
cell and waits for its result on iopub and its reply on shell. A kernel that fails any of these
within the start-up timeout is killed and started again, up to --attempts times. Only then does
nbclient execute the notebook on that kernel. A cell that throws fails the run (exit 1); a kernel
that never comes up exits 3. Each notebook run is a child process of its own (see
notebooks/README.md for why). --starts N only starts N kernels and counts how many answered at
their first start.
"""
import argparse
import json
import os
import queue
import subprocess
import sys
import time

try:
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter
except ImportError as e:  # pragma: no cover - depends on the machine
    sys.stderr.write(
        "notebooks: Jupyter's Python packages are missing (%s); install them with "
        "'apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client'\n" % e.name)
    sys.exit(2)

KERNEL = "faultline-java"
RESTARTS = {}  # why each kernel start was abandoned -> how many times
RESTARTS_LINE = "notebooks-restarts: "  # how a child process reports its restarts
READY = "faultline-kernel: ready"  # printed by notebooks/launcher/KernelLauncher.java
STARTS = __import__("itertools").count(1)
PROBE = 'System.out.println("faultline-probe-" + (40 + 2));'


def start_kernel(args, log):
    """Starts a kernel that answers on shell and iopub, or raises RuntimeError."""
    for attempt in range(1, args.attempts + 1):
        os.makedirs(os.path.join(args.target, "kernels"), exist_ok=True)
        path = os.path.join(args.target, "kernels", "kernel-%d-%d.log" % (os.getpid(), next(STARTS)))
        kernel_log = open(path, "w", encoding="utf-8")
        km = KernelManager(kernel_name=KERNEL)
        km.start_kernel(stdout=kernel_log, stderr=kernel_log)
        kc = km.client()
        kc.start_channels()
        try:
            # Nothing goes to the kernel before our launcher says it can take it: a shell message
            # that arrives before the kernel installed its handlers is lost or kills the shell loop.
            announced(km, path, args.startup_timeout)
            ready(kc, path, args.startup_timeout)
            probe(kc, args.startup_timeout)
            return km, kc, attempt
        except (RuntimeError, TimeoutError, queue.Empty) as e:
            reason = str(e) or type(e).__name__
            log("notebooks: kernel start %d of %d did not answer (%s); starting another"
                % (attempt, args.attempts, reason))
            kc.stop_channels()
            km.shutdown_kernel(now=True)
            RESTARTS[reason.split(":")[0]] = RESTARTS.get(reason.split(":")[0], 0) + 1
        finally:
            kernel_log.close()
    raise RuntimeError("the Java kernel did not answer in %d starts" % args.attempts)


def announced(km, kernel_log, timeout):
    """Waits for the launcher's ready line; fails at once when it reports the start-up race."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(kernel_log, encoding="utf-8", errors="replace") as f:
            text = f.read()
        if READY in text:
            return
        for line in text.splitlines():
            if line.startswith("faultline-kernel: "):
                raise RuntimeError(line[len("faultline-kernel: "):])
        if not km.is_alive():
            raise RuntimeError("the kernel exited before it was ready")
        time.sleep(0.05)
    raise TimeoutError("the launcher did not report the kernel ready in %d s" % timeout)


def ready(kc, kernel_log, timeout):
    """Sends kernel_info until it is answered on shell and its status seen on iopub.

    The iopub subscription connected before the kernel bound its socket, and is renewed only when
    ZeroMQ reconnects: output published before then is lost (the slow joiner). The kernel publishes
    busy and idle for every request, so seeing one proves iopub delivers. Fails at once if a channel
    thread of the kernel died.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg_id = kc.kernel_info()
        try:
            while True:
                reply = kc.get_shell_msg(timeout=1)
                if reply.get("parent_header", {}).get("msg_id") == msg_id:
                    break
            while True:
                status = kc.get_iopub_msg(timeout=1)
                if status.get("parent_header", {}).get("msg_id") == msg_id:
                    return
        except queue.Empty:
            pass
        with open(kernel_log, encoding="utf-8", errors="replace") as f:
            if "Exception in thread" in f.read():
                raise RuntimeError("a channel thread of the kernel died at start-up")
    raise TimeoutError("no kernel_info reply, or no status on iopub, in %d s" % timeout)


def probe(kc, timeout):
    """Runs one cell and waits for its output on iopub and its reply on shell."""
    msg_id = kc.execute(PROBE)
    deadline = time.monotonic() + timeout
    seen = False
    while not seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no probe output on iopub")
        msg = kc.get_iopub_msg(timeout=left)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        content = msg.get("content", {})
        if msg["msg_type"] == "stream" and "faultline-probe-42" in content.get("text", ""):
            seen = True
        if msg["msg_type"] == "error":
            raise RuntimeError("the probe cell failed: " + content.get("evalue", ""))
    while True:  # late kernel_info replies may still be queued on shell: skip them
        reply = kc.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
        if reply.get("parent_header", {}).get("msg_id") == msg_id:
            break
    if reply["content"].get("status") != "ok":
        raise RuntimeError("the probe cell's reply was " + reply["content"].get("status", "?"))


def execute(path, args, log):
    nb = nbformat.read(path, as_version=4)
    km, kc, attempt = start_kernel(args, log)
    try:
        client = NotebookClient(nb, km=km, timeout=args.timeout, kernel_name=KERNEL,
                                resources={"metadata": {"path": os.path.dirname(path)}})
        client.kc = kc
        client.execute()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return nb, attempt


def starts(args, log):
    """Starts kernels one after another: how many came up at the first start."""
    first = 0
    for n in range(1, args.starts + 1):
        try:
            km, kc, attempt = start_kernel(args, log)
        except RuntimeError as e:
            log("notebooks: %s" % e)
            return 3
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        first += attempt == 1
    print("notebooks: %d of %d kernels answered at their first start" % (first, args.starts))
    print_restarts()
    return 0


def print_restarts():
    print("notebooks: %d kernel restart(s) needed%s" % (sum(RESTARTS.values()), "".join(
        "; %d: %s" % (n, why) for why, n in sorted(RESTARTS.items()))))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Execute the notebooks and write HTML beside them.")
    ap.add_argument("notebooks", nargs="*")
    ap.add_argument("--timeout", type=int, default=600, help="seconds one cell may take")
    ap.add_argument("--startup-timeout", type=int, default=30, help="seconds a kernel may take to answer")
    ap.add_argument("--attempts", type=int, default=8, help="kernel starts before giving up")
    ap.add_argument("--repeat", type=int, default=1, help="run each notebook this many times")
    ap.add_argument("--no-html", action="store_true", help="execute only")
    ap.add_argument("--starts", type=int, default=0,
                    help="only start this many kernels, one after another, and count the starts "
                         "that needed a restart (no notebook runs)")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # one run of one notebook, in a child process
    ap.add_argument("--target", default=os.path.join(here, "target"),
                    help="where each kernel's own log goes (under kernels/)")
    args = ap.parse_args()
    paths = args.notebooks or sorted(
        os.path.join(here, f) for f in os.listdir(here) if f.endswith(".ipynb"))
    log = lambda s: (sys.stderr.write(s + "\n"), sys.stderr.flush())
    if args.starts:
        return starts(args, log)
    if args.one:
        code = run_one(args.one, args, log)
        # Leave without tearing down: the sockets' finalizers, run at interpreter exit after the
        # kernel is gone, print ZeroMQ tracebacks ("Socket operation on non-socket") that mean
        # nothing.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    # Each run is a process of its own: jupyter_client and nbclient drive the same ZeroMQ sockets
    # from two asyncio loops, and after a notebook a later kernel in the same process could lose
    # its iopub messages (the probe's output never came, in every other run).
    options = ["--timeout", str(args.timeout), "--startup-timeout", str(args.startup_timeout),
               "--attempts", str(args.attempts), "--target", args.target]
    options += ["--no-html"] if args.no_html else []
    failed = 0
    for path in paths:
        for run in range(1, args.repeat + 1):
            child = subprocess.run([sys.executable, os.path.abspath(__file__), "--one", path]
                                   + options, stdout=subprocess.PIPE, text=True)
            for line in child.stdout.splitlines():
                if line.startswith(RESTARTS_LINE):
                    for why, n in json.loads(line[len(RESTARTS_LINE):]).items():
                        RESTARTS[why] = RESTARTS.get(why, 0) + n
                else:
                    print(line)
            sys.stdout.flush()
            if child.returncode == 3:
                return 3
            failed += child.returncode != 0
    total = len(paths) * args.repeat
    print_restarts()
    print("notebooks: %d passed, %d failed" % (total - failed, failed))
    return 1 if failed else 0


def run_one(path, args, log):
    """Executes one notebook once; exit 0, 1 (a cell failed) or 3 (no kernel came up)."""
    started = time.monotonic()
    try:
        try:
            nb, attempt = execute(path, args, log)
        except CellExecutionError as e:
            lines = [l for l in str(e).strip().splitlines() if l.strip()]
            log("notebooks: %s: a cell failed:\n  %s" % (path, "\n  ".join(lines[-25:])))
            return 1
        except RuntimeError as e:
            log("notebooks: %s: %s" % (path, e))
            return 3
        took = time.monotonic() - started
        if not args.no_html:
            html, _ = HTMLExporter().from_notebook_node(nb)
            out = os.path.splitext(path)[0] + ".html"
            with open(out, "w", encoding="utf-8") as f:
                f.write(html)
            print("notebooks: %s -> %s (%.1f s, kernel start %d)" % (path, out, took, attempt))
        else:
            print("notebooks: %s ran (%.1f s, kernel start %d)" % (path, took, attempt))
        return 0
    finally:
        print(RESTARTS_LINE + json.dumps(RESTARTS))


if __name__ == "__main__":
    sys.exit(main())
