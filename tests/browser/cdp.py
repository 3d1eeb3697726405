"""A small driver for headless Chromium over the DevTools protocol.

Chromium is started with --remote-debugging-pipe: the protocol's JSON
messages, each ended by a NUL byte, go to it on file descriptor 3 and come
back on 4, so no port is opened and nothing but Python's standard library is
needed. Used by the report's browser tests (tests/browser/test_report.py).
"""

import json
import os
import select
import shutil
import subprocess
import tempfile
import time

CHROMIUM = os.environ.get("HS_CHROMIUM", "/usr/bin/chromium")

# The flags the project launches Chromium with (docs/report.md, "Tests").
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--font-render-hinting=none", "--force-color-profile=srgb"]


class BrowserError(Exception):
    pass


class Browser:
    def __init__(self, timeout=60):
        if not os.access(CHROMIUM, os.X_OK):
            raise FileNotFoundError(CHROMIUM)
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="hs-chromium-")
        to_r, self._to_w = os.pipe()
        self._from_r, from_w = os.pipe()

        def child_fds():
            # Chromium reads on 3 and writes on 4; dup first, as 3 or 4 may
            # be one of the pipes' own numbers.
            a, b = os.dup(to_r), os.dup(from_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.log = open(os.path.join(self.profile, "stderr.log"), "wb")
        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, "--user-data-dir=" + self.profile,
                                      "--remote-debugging-pipe", "about:blank"],
                                     preexec_fn=child_fds, close_fds=False, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=self.log, start_new_session=True)
        os.close(to_r)
        os.close(from_w)
        self._buf = b""
        self._id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)

    # ---- the protocol ----------------------------------------------------------------

    def _send(self, msg):
        data = json.dumps(msg).encode() + b"\0"
        while data:
            n = os.write(self._to_w, data)
            data = data[n:]

    def _next(self, deadline):
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("Chromium did not answer within %d s" % self.timeout)
            ready, _, _ = select.select([self._from_r], [], [], left)
            if ready:
                chunk = os.read(self._from_r, 1 << 20)
                if not chunk:
                    raise BrowserError("Chromium closed the pipe (exit %s)" % self.proc.poll())
                self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=False):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        self._send(msg)
        deadline = time.monotonic() + self.timeout
        while True:
            m = self._next(deadline)
            if m.get("id") == self._id:
                if "error" in m:
                    raise BrowserError("%s: %s" % (method, m["error"].get("message")))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method):
        deadline = time.monotonic() + self.timeout
        for i, m in enumerate(self.events):
            if m.get("method") == method:
                del self.events[i]
                return m
        while True:
            m = self._next(deadline)
            if m.get("method") == method:
                return m
            self.events.append(m)

    # ---- what the tests use ------------------------------------------------------------

    def viewport(self, width, height):
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)

    def scripts(self, enabled):
        self.call("Emulation.setScriptExecutionDisabled", {"value": not enabled}, session=True)

    def open(self, url):
        """Load url afresh, even when only its #fragment differs from the
        page's (a fragment alone would not reload it)."""
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
        if self.call("Page.navigate", {"url": "about:blank"}, session=True).get("loaderId"):
            self.wait_event("Page.loadEventFired")
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_event("Page.loadEventFired")

    def eval(self, expression):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True},
                      session=True)
        if "exceptionDetails" in r:
            raise BrowserError("%s: %s" % (expression[:60], r["exceptionDetails"].get("text")))
        return r["result"].get("value")

    def key(self, key, code=None, keycode=0):
        """Press and release a key in the focused element, as a user would
        (Enter and space carry their text, which is what activates a
        button)."""
        text = {"Enter": "\r", " ": " "}.get(key)
        for kind in ("keyDown", "keyUp"):
            params = {"type": kind, "key": key, "code": code or key, "windowsVirtualKeyCode": keycode,
                      "nativeVirtualKeyCode": keycode}
            if kind == "keyDown" and text:
                params["text"] = text
            self.call("Input.dispatchKeyEvent", params, session=True)

    def screenshot(self, clip=None):
        """A PNG of the viewport, or of clip {x, y, width, height} in page pixels."""
        params = {"format": "png", "captureBeyondViewport": True}
        if clip:
            params["clip"] = dict(clip, scale=1)
        import base64
        return base64.b64decode(self.call("Page.captureScreenshot", params, session=True)["data"])

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, 9)
            self.proc.wait()
        os.close(self._to_w)
        os.close(self._from_r)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
