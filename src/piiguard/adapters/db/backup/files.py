"""The backup files in a target folder: `<id>.pgbak` (encrypted, backup_cipher.py) and
`<id>.manifest.json` beside it, written owner-only; copies made with sqlite.py or
postgres.py by the database's dialect. The plaintext of a copy exists only in private
temporary directories (mode 0700) under the target folder's `.work/`, removed at once."""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url

from piiguard.adapters.db.backup import postgres, sqlite
from piiguard.adapters.db.backup.facts import private_dir
from piiguard.adapters.secret_file import write_secret
from piiguard.adapters.vault.backup_cipher import SealingWriter, open_sealed
from piiguard.adapters.vault.keyfile import KeyProvider
from piiguard.domain.backups.model import BackupKind, Facts
from piiguard.domain.backups.ports import BackupUnreadable, Written
from piiguard.domain.errors import InvalidInput

SUFFIX = ".pgbak"
MANIFEST = ".manifest.json"
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _check_id(backup_id: str) -> str:
    if not _ID.match(backup_id):
        raise InvalidInput("a backup id is letters, digits, - and _", field="id")
    return backup_id


class DatabaseBackups:
    """The BackupEngine port (domain/backups/ports.py) for this installation's two
    databases: `urls` maps each kind (data, keystore) to its SQLAlchemy URL."""

    def __init__(
        self, urls: dict[BackupKind, str], provider: KeyProvider, witness: Path | None = None
    ) -> None:
        self._urls = urls
        self._provider = provider
        self._witness = witness

    def dialect(self, kind: BackupKind) -> str:
        return make_url(self._urls[kind]).get_backend_name()

    def folder_ok(self, folder: str) -> str:
        path = Path(folder).expanduser()
        if not path.is_absolute():
            path = path.resolve()
        try:
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            (path / ".work").mkdir(exist_ok=True, mode=0o700)
        except OSError as e:
            raise InvalidInput(
                f"the backup folder {path} cannot be created ({type(e).__name__})", field="target"
            ) from None
        if not os.access(path, os.W_OK):
            raise InvalidInput(f"the backup folder {path} is not writable", field="target")
        return str(path)

    def _work(self, folder: str) -> Path:
        work = Path(folder) / ".work"
        work.mkdir(parents=True, exist_ok=True, mode=0o700)
        return work

    def create(self, kind: BackupKind, backup_id: str, folder: str) -> Written:
        _check_id(backup_id)
        url = self._urls[kind]
        final = Path(folder) / f"{backup_id}{SUFFIX}"
        partial = final.with_suffix(".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                sink = SealingWriter(out, self._provider, backup_id)
                if self.dialect(kind) == "sqlite":
                    facts = sqlite.copy_to(url, sink, self._work(folder))
                else:
                    facts = postgres.copy_to(url, sink)
                sink.close()
                out.flush()
                os.fsync(out.fileno())
            partial.rename(final)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return Written(str(final), sink.size, sink.sha256, sink.kek_version, facts)

    def write_manifest(self, location: str, text: str) -> None:
        path = Path(location)
        write_secret(
            path.with_name(path.name.removesuffix(SUFFIX) + MANIFEST), text.encode(), replace=True
        )

    def read_manifest(self, folder: str, backup_id: str) -> tuple[str, dict[str, object]] | None:
        _check_id(backup_id)
        base = Path(folder)
        path = base / f"{backup_id}{MANIFEST}"
        if not path.exists():
            return None
        try:
            doc = json.loads(path.read_text())
        except ValueError:
            raise BackupUnreadable(f"the manifest of backup {backup_id} is not JSON") from None
        if not isinstance(doc, dict):
            raise BackupUnreadable(f"the manifest of backup {backup_id} is not an object")
        return str(base / f"{backup_id}{SUFFIX}"), doc

    def digest(self, location: str) -> tuple[int, str]:
        h = hashlib.sha256()
        size = 0
        try:
            with Path(location).open("rb") as fh:
                while block := fh.read(1 << 20):
                    h.update(block)
                    size += len(block)
        except FileNotFoundError:
            raise BackupUnreadable("the backup file is missing") from None
        return size, h.hexdigest()

    @contextmanager
    def decrypt(self, location: str, backup_id: str) -> Iterator[Path]:
        work = self._work(str(Path(location).parent))
        size = Path(location).stat().st_size if Path(location).exists() else 0
        with tempfile.TemporaryDirectory(dir=private_dir(size, work), prefix="plain-") as tmp:
            plain = Path(tmp) / "plain"
            try:
                with Path(location).open("rb") as src, plain.open("wb") as out:
                    open_sealed(src, out, self._provider, backup_id)
            except FileNotFoundError:
                raise BackupUnreadable("the backup file is missing") from None
            yield plain

    @contextmanager
    def scratch(self, kind: BackupKind, plain: Path) -> Iterator[str]:
        if self.dialect(kind) == "sqlite":
            with sqlite.scratch(plain) as url:
                yield url
        else:
            with postgres.scratch(plain, self._urls[kind]) as url:
                yield url

    def facts_of(self, kind: BackupKind, url: str) -> Facts:
        if make_url(url).get_backend_name() == "sqlite":
            return sqlite.facts_at(sqlite.sqlite_path(url))
        return postgres.facts_of(url)

    def is_empty(self, kind: BackupKind) -> bool:
        url = self._urls[kind]
        if self.dialect(kind) == "sqlite":
            return sqlite.is_empty(url)
        return postgres.is_empty(url)

    def restore(self, kind: BackupKind, plain: Path) -> None:
        url = self._urls[kind]
        if self.dialect(kind) == "sqlite":
            sqlite.restore_over(plain, url)
        else:
            postgres.restore_over(plain, url)

    def delete(self, location: str) -> None:
        path = Path(location)
        path.unlink(missing_ok=True)
        path.with_name(path.name.removesuffix(SUFFIX) + MANIFEST).unlink(missing_ok=True)

    def witness_upto(self, seq: int) -> str | None:
        w = self._witness
        if w is None or not w.exists():
            return None
        kept = [
            line
            for line in w.read_text("utf-8").splitlines()
            if line.strip() and int(json.loads(line)["last_seq"]) <= seq
        ]
        aside = w.with_name(f"{w.name}.before-restore-{secrets.token_hex(4)}")
        w.replace(aside)
        write_secret(w, "".join(f"{line}\n" for line in kept).encode(), replace=True)
        return str(aside)
