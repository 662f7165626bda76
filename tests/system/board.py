# SPDX-License-Identifier: Apache-2.0
"""A newsticker board in a virtual machine: boot, monitor, guest commands, screen.

Used by tests/system/board-test. The VM is a Debian 12 image made by build-board-image, booted
headless by qemu with a virtual GPU that gives the guest a real KMS/DRM device, so the display
unit runs as on a board (systemd, Type=notify, the watchdog, the sandbox, SDL's KMSDRM driver).
It is driven through QMP (screendump, display link, power) and qemu-guest-agent (commands as
root in the guest; the guest has no network).
"""
import base64
import json
import os
import socket
import subprocess
import time

from PIL import Image


class Qmp:
    """QEMU's machine protocol on a unix socket: one command at a time, events skipped."""

    def __init__(self, path, timeout=60):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.file = self.sock.makefile("rwb")
        self._reply()  # the greeting
        self.execute("qmp_capabilities")

    def _reply(self):
        while True:
            line = self.file.readline()
            if not line:
                raise ConnectionError("QMP socket closed")
            reply = json.loads(line)
            if "event" not in reply:
                return reply

    def execute(self, command, arguments=None):
        """Runs COMMAND; returns its "return" value; raises RuntimeError on a QMP error."""
        message = {"execute": command}
        if arguments:
            message["arguments"] = arguments
        self.file.write(json.dumps(message).encode() + b"\n")
        self.file.flush()
        reply = self._reply()
        if "error" in reply:
            raise RuntimeError(f"{command}: {reply['error'].get('desc', reply['error'])}")
        return reply.get("return")

    def close(self):
        self.sock.close()


class Agent:
    """qemu-guest-agent: runs shell commands in the guest as root."""

    def __init__(self, path):
        self.path = path

    def _connect(self, timeout):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        sock.connect(self.path)
        f = sock.makefile("rwb")
        token = int(time.time() * 1000) % 2**31
        f.write(json.dumps({"execute": "guest-sync-delimited", "arguments": {"id": token}}).encode() + b"\n")
        f.flush()
        while True:  # skip what an earlier client left unread, up to this token's answer
            line = f.readline()
            if not line:
                raise ConnectionError("guest agent closed the socket")
            line = line.lstrip(b"\xff").strip()
            if line and json.loads(line).get("return") == token:
                return sock, f

    @staticmethod
    def _call(f, command, arguments=None):
        message = {"execute": command}
        if arguments is not None:
            message["arguments"] = arguments
        f.write(json.dumps(message).encode() + b"\n")
        f.flush()
        while True:
            line = f.readline()
            if not line:
                raise ConnectionError("guest agent closed the socket")
            line = line.lstrip(b"\xff").strip()
            if not line:
                continue
            reply = json.loads(line)
            if "error" in reply:
                raise RuntimeError(f"{command}: {reply['error'].get('desc')}")
            if "return" in reply:
                return reply["return"]

    def wait(self, timeout):
        """True once the agent answers (the guest has booted far enough), False after TIMEOUT s."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                sock, _ = self._connect(5)
                sock.close()
                return True
            except (OSError, ConnectionError, ValueError, RuntimeError):
                time.sleep(1)
        return False

    def run(self, command, stdin=None, timeout=120):
        """Runs COMMAND under /bin/sh -c in the guest; returns (exit status, stdout+stderr text).

        Status 124 when it ran past TIMEOUT seconds (it is left running)."""
        sock, f = self._connect(30)
        try:
            arguments = {"path": "/bin/sh", "arg": ["-c", command], "capture-output": True}
            if stdin is not None:
                data = stdin.encode() if isinstance(stdin, str) else stdin
                arguments["input-data"] = base64.b64encode(data).decode()
            pid = self._call(f, "guest-exec", arguments)["pid"]
            deadline = time.time() + timeout
            while True:
                status = self._call(f, "guest-exec-status", {"pid": pid})
                if status.get("exited"):
                    break
                if time.time() > deadline:
                    return 124, f"(still running after {timeout} s)"
                time.sleep(0.2)
        finally:
            sock.close()
        text = base64.b64decode(status.get("out-data", "")) + base64.b64decode(status.get("err-data", ""))
        return status.get("exitcode", 128 + status.get("signal", 0)), text.decode(errors="replace")


def kvm_runs_a_kernel(kernel, scratch):
    """True when /dev/kvm boots KERNEL far enough to print its banner within 10 s.

    /dev/kvm can exist and accept a VM yet never run a stock kernel (a nested paravirtual KVM)."""
    if not os.access("/dev/kvm", os.W_OK):
        return False
    log = os.path.join(scratch, "kvm-probe.log")
    subprocess.run(["timeout", "10", "qemu-system-x86_64", "-enable-kvm", "-cpu", "host,-arch-capabilities",
                    "-m", "256", "-display", "none", "-nodefaults", "-no-user-config", "-no-reboot",
                    "-serial", f"file:{log}", "-kernel", kernel,
                    "-append", "console=ttyS0 earlyprintk=serial panic=-1"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    try:
        with open(log, "rb") as f:
            return b"Linux version" in f.read()
    except OSError:
        return False


class Board:
    """One VM booted from IMAGE_DIR (rootfs.img, vmlinuz, initrd.img) on a copy-on-write overlay."""

    def __init__(self, image_dir, run_dir, arch="amd64", gpu=None, size=(1920, 1080), mem=1024, cpus=2,
                 kvm="auto", append=""):
        self.image_dir, self.run_dir, self.arch = image_dir, run_dir, arch
        self.gpu = gpu or ("virtio-vga" if arch == "amd64" else "virtio-gpu-pci")
        self.size, self.mem, self.cpus, self.kvm, self.append = size, mem, cpus, kvm, append
        self.accel = "TCG"
        self.started = None
        self.qmp = None
        self.agent = Agent(os.path.join(run_dir, "qga.sock"))

    def _qemu_args(self):
        run, img = self.run_dir, self.image_dir
        args = ["-name", "newsticker-board", "-m", str(self.mem), "-smp", str(self.cpus), "-display", "none",
                "-nodefaults", "-no-user-config", "-kernel", f"{img}/vmlinuz", "-initrd", f"{img}/initrd.img",
                "-drive", f"file={run}/disk.qcow2,if=virtio,format=qcow2,cache=unsafe",
                "-qmp", f"unix:{run}/qmp.sock,server=on,wait=off",
                "-chardev", f"socket,id=qga0,path={run}/qga.sock,server=on,wait=off",
                "-device", "virtio-serial-pci", "-device", "virtserialport,chardev=qga0,name=org.qemu.guest_agent.0",
                "-serial", f"file:{run}/serial.log", "-pidfile", f"{run}/qemu.pid", "-daemonize"]
        w, h = self.size
        if self.arch == "amd64":
            args += ["-vga", "std"] if self.gpu == "std" else ["-device", f"{self.gpu},id=gpu,xres={w},yres={h}"]
            if self.kvm != "no" and kvm_runs_a_kernel(f"{img}/vmlinuz", run):
                args += ["-enable-kvm", "-cpu", "host,-arch-capabilities"]
                self.accel = "KVM"
            else:
                args += ["-accel", "tcg"]
            return "qemu-system-x86_64", args, "console=ttyS0"
        args += ["-M", "virt", "-cpu", "cortex-a72", "-accel", "tcg,thread=multi",
                 "-device", f"{self.gpu},id=gpu,xres={w},yres={h}"]
        return "qemu-system-aarch64", args, "console=ttyAMA0"

    def boot(self, keep_disk=False):
        """Starts qemu (daemonized) and connects QMP; the guest boots on its own from here."""
        os.makedirs(self.run_dir, exist_ok=True)
        for name in ("qmp.sock", "qga.sock", "serial.log", "qemu.pid"):
            try:
                os.remove(os.path.join(self.run_dir, name))
            except FileNotFoundError:
                pass
        disk = os.path.join(self.run_dir, "disk.qcow2")
        if not keep_disk or not os.path.exists(disk):
            if os.path.exists(disk):
                os.remove(disk)
            subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-F", "raw", "-b",
                            os.path.join(self.image_dir, "rootfs.img"), disk], check=True)
        qemu, args, console = self._qemu_args()
        cmdline = f"{console} root=/dev/vda rw quiet systemd.hostname=newsticker-board {self.append}"
        self.started = time.time()
        subprocess.run([qemu] + args + ["-append", cmdline], check=True)
        self.qmp = Qmp(os.path.join(self.run_dir, "qmp.sock"))

    def attach(self):
        """Connects to the VM that an earlier boot() left running in RUN_DIR."""
        self.started = os.path.getmtime(os.path.join(self.run_dir, "qemu.pid"))
        self.qmp = Qmp(os.path.join(self.run_dir, "qmp.sock"))

    def since_power_on(self):
        return time.time() - self.started

    def screendump(self, path):
        """The guest's screen now, written to PATH (PNG); returns the PIL image (RGB)."""
        ppm = path + ".ppm"
        self.qmp.execute("screendump", {"filename": ppm})
        image = Image.open(ppm).convert("RGB")
        image.load()
        os.remove(ppm)
        image.save(path)
        return image

    def sh(self, command, stdin=None, timeout=120):
        """Runs COMMAND in the guest as root; returns (status, output)."""
        return self.agent.run(command, stdin=stdin, timeout=timeout)

    def stop(self):
        """Powers the VM off (no shutdown: the disk overlay is thrown away by the next boot)."""
        try:
            if self.qmp is not None:
                self.qmp.execute("quit")
        except (OSError, ConnectionError, RuntimeError):
            pass
        pid_file = os.path.join(self.run_dir, "qemu.pid")
        for _ in range(50):
            if not os.path.exists(pid_file):
                break
            try:
                os.kill(int(open(pid_file).read()), 0)
            except (OSError, ValueError):
                break
            time.sleep(0.1)
        self.qmp = None


def lit_fraction(image, step=8):
    """Share of sampled pixels (every STEP-th of every STEP-th row) that are not black."""
    px = image.load()
    w, h = image.size
    total = lit = 0
    for y in range(0, h, step):
        for x in range(0, w, step):
            r, g, b = px[x, y][:3]
            total += 1
            lit += (r | g | b) > 8
    return lit / total


def black_bands(image, rows=16):
    """The horizontal bands (of ROWS equal parts) in which every sampled pixel is black: a screen
    drawn edge to edge has none."""
    px = image.load()
    w, h = image.size
    bands = []
    for band in range(rows):
        y0, y1 = band * h // rows, (band + 1) * h // rows
        dark = all(max(px[x, y][:3]) <= 8 for y in range(y0, y1, 4) for x in range(0, w, 8))
        if dark:
            bands.append(band)
    return bands


def bright_share(image, box, level=150):
    """Share of sampled pixels inside BOX (x0, y0, x1, y1) brighter than LEVEL (0-255) in some
    channel: text on the header and the crawl; a band left blank has none."""
    px = image.load()
    x0, y0, x1, y1 = box
    total = bright = 0
    for y in range(y0, y1, 2):
        for x in range(x0, x1, 3):
            total += 1
            bright += max(px[x, y][:3]) > level
    return bright / max(total, 1)


def region_difference(a, b, box):
    """Mean absolute difference per channel (0-255) of A and B inside BOX (x0, y0, x1, y1), and the
    share of sampled pixels differing by more than 48 in some channel."""
    pa, pb = a.load(), b.load()
    total = off = 0
    diff = 0
    x0, y0, x1, y1 = box
    for y in range(y0, y1, 2):
        for x in range(x0, x1, 2):
            ra, ga, ba = pa[x, y][:3]
            rb, gb, bb = pb[x, y][:3]
            d = (abs(ra - rb), abs(ga - gb), abs(ba - bb))
            diff += sum(d)
            off += max(d) > 48
            total += 1
    return diff / (3 * total), off / total
