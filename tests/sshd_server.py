"""Debian's OpenSSH server on 127.0.0.1, a free port, a throw-away key, its own config."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

from support import free_port


def _keygen(path: Path) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "globe-test",
                    "-f", str(path)], check=True)


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"sshd stopped: {process.stderr.read()}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("sshd did not start listening")


@contextmanager
def ssh_server(folder: Path):
    """Yields (user@127.0.0.1, the ssh command with its options for DEPLOY_SSH, folder)."""
    sshd = shutil.which("sshd") or "/usr/sbin/sshd"
    _keygen(folder / "host_key")
    _keygen(folder / "client_key")
    shutil.copy(folder / "client_key.pub", folder / "authorized_keys")
    user = getpass.getuser()
    port = free_port()
    config = folder / "sshd_config"
    config.write_text(f"""Port {port}
ListenAddress 127.0.0.1
HostKey {folder / 'host_key'}
PidFile {folder / 'sshd.pid'}
AuthorizedKeysFile {folder / 'authorized_keys'}
AllowUsers {user}
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
""")
    if os.geteuid() == 0:  # sshd run as root wants its privilege separation folder
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)
    process = subprocess.Popen([sshd, "-D", "-e", "-f", str(config)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_port(port, process)
        host_key = (folder / "host_key.pub").read_text().split()
        known_hosts = folder / "known_hosts"
        known_hosts.write_text(f"[127.0.0.1]:{port} {host_key[0]} {host_key[1]}\n")
        ssh = (f"ssh -F /dev/null -p {port} -i {folder / 'client_key'} -o IdentitiesOnly=yes "
               f"-o UserKnownHostsFile={known_hosts} -o StrictHostKeyChecking=yes "
               # one connection for the many short commands of a deploy, as in production
               f"-o ControlMaster=auto -o ControlPath={folder / 'cm-%C'} -o ControlPersist=30")
        yield f"{user}@127.0.0.1", ssh, folder
        subprocess.run([*ssh.split(), "-O", "exit", f"{user}@127.0.0.1"],
                       capture_output=True, check=False)
    finally:
        process.terminate()
        process.wait(timeout=10)
