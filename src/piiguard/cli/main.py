"""The `piiguard` command: the same use cases as the web API, for the operator on the host.

Every command migrates the database on start and acts as the local operator (audited as
operator:local-operator).

This module assembles the command from one module per command group (cli/*.py,
cli/policy/*.py) and starts at once: `COMMANDS` below names each top-level command or group,
the module it lives in and the summary `piiguard --help` lists for it, so that the listing
imports no command module, and a command's module is imported only when that command (or its
help) is asked for. Inside the modules, what a command needs to run (bootstrap, the services,
the web stack, the scanner's engines) is imported in the command's body. A new group: a module
with a `typer.Typer` named `app`, and one line here — its summary a copy of the first
paragraph of the group's help (tests/e2e/test_cli_start.py checks they agree).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command_from_info, get_group_from_info
from typer.models import CommandInfo, TyperInfo


@dataclass(frozen=True, slots=True)
class Entry:
    """A top-level command or group: where it lives ("module:attribute", a function for a
    command, a `typer.Typer` for a group) and the summary `piiguard --help` lists."""

    target: str
    summary: str


# In the order `piiguard --help` lists them.
COMMANDS: dict[str, Entry] = {
    "decide": Entry(
        "piiguard.cli.policy.decisions:decide",
        "Ask the decision point whether a use is allowed, without reading any value: prints\n"
        "the outcome (allowed, partly_allowed: some categories refused, denied), the decision id\n"
        "and every reason (English and Chinese). The decision is recorded either way; exit 0 for\n"
        "every outcome. 判定一次使用是否允许（允许、部分允许、拒绝）。",
    ),
    "explain": Entry(
        "piiguard.cli.policy.decisions:explain",
        "Why a recorded decision came out as it did: the decision, then rule by rule in the\n"
        "order the decision point evaluates them (✓ passed, ✗ refused, with the reasons).\n"
        "逐条解释一项判定。",
    ),
    "minor": Entry(
        "piiguard.cli.policy.guardians:minor",
        "Declare a subject a minor (or not) when no date of birth says so. 声明未成年人。",
    ),
    "worker": Entry(
        "piiguard.cli.worker:worker",
        "Run the request jobs every PIIGUARD_SCHEDULER_SECONDS: reminders 7/3/1 days before a\n"
        "request is due, escalation to the privacy officers when overdue, signed webhooks to the\n"
        "systems holding corrected or deleted data (retried until confirmed), replies the mail\n"
        "server refused. Set PIIGUARD_SCHEDULER=off on the `serve` processes when this runs\n"
        "apart. Ctrl-C stops it.",
    ),
    "init": Entry(
        "piiguard.cli.server:init",
        "Create ./var (database, key store, master key, audit signing key), migrate, seed the\n"
        "policy, print the one-time link that sets up the first staff account and how to back up\n"
        "each store.",
    ),
    "serve": Entry(
        "piiguard.cli.server:serve",
        "Initialise (as `init`) and serve the API and pages. Ctrl-C stops it (exit 0).",
    ),
    "scan": Entry(
        "piiguard.cli.scan:scan",
        "Find personal data in files, folders and databases, in Chinese and English.\n"
        "在文件、文件夹和数据库中查找个人数据（中英文）。",
    ),
    "client": Entry(
        "piiguard.cli.clients:app", "System clients (ERP, CRM, ...) that call the API with a key."
    ),
    "subject": Entry(
        "piiguard.cli.subjects:app", "Subjects (the people the data is about) and their data."
    ),
    "keys": Entry("piiguard.cli.keys:app", "Key-encryption keys: rotate, retire, status."),
    "audit": Entry("piiguard.cli.audit:app", "The tamper-evident audit trail."),
    "paper": Entry(
        "piiguard.cli.custody:paper_app",
        "Paper records (R5.2): printouts registered, locked away, archived, shredded with a "
        "witness; overdue ones flagged. 纸质记录登记簿。",
    ),
    "media": Entry(
        "piiguard.cli.custody:media_app",
        "Removable media (R5.4): registered (encrypted when they hold sensitive data), "
        "checked out and in, counted at inventories, wiped or destroyed with a witness. "
        "移动介质登记簿。",
    ),
    "backup": Entry(
        "piiguard.cli.backups:app",
        "Backups (R5.7): the data database and the key store, each apart, encrypted, "
        "restore-tested with evidence, restored when needed. 备份、恢复测试与恢复。",
    ),
    "purpose": Entry(
        "piiguard.cli.policy.purposes:app",
        "The purpose register (R2.3): the purposes personal data may be used for, each with "
        "its legal basis, categories, retention and whether it needs consent. 用途登记簿。",
    ),
    "system": Entry(
        "piiguard.cli.policy.systems:app",
        "The data map's designated systems (R2.7, R5.6): register, approve, retire, list. "
        "Personal data flows only to an approved system. 指定系统。",
    ),
    "consent": Entry(
        "piiguard.cli.policy.consents:app",
        "Consent with its evidence (R2.4, R6.1): grant, withdraw, list. Sensitive data, "
        "transfer abroad and a child's data each need their own kind. 同意记录。",
    ),
    "exception": Entry(
        "piiguard.cli.policy.legal_exceptions:app",
        "Legal exceptions (R2.5): use without consent under a recorded legal ground, "
        "approved by a second privacy officer. 法定例外。",
    ),
    "processing": Entry(
        "piiguard.cli.policy.processing:app",
        "What the person asked of their data's processing (R4.2): restrict it (for every "
        "purpose, or one), object to a purpose, lift either. The next decision already "
        "follows it. 限制或拒绝处理。",
    ),
    "guardian": Entry(
        "piiguard.cli.policy.guardians:app",
        "A child's guardians (R6.1): link a guardian (a subject) to a child, then verify the "
        "link; only a verified guardian's consent counts. 监护人。",
    ),
    "category": Entry(
        "piiguard.cli.policy.categories:app",
        "The company's own data categories (R2.1), each under an existing one and never "
        "weaker than it: add, retire. 公司数据类别。",
    ),
    "export": Entry(
        "piiguard.cli.policy.exports:app",
        "Exports of personal data out of a system (R2.7): who gets what, for which purpose, "
        "until when. An expired export becomes a finding. 数据导出登记。",
    ),
    "finding": Entry(
        "piiguard.cli.policy.findings:app",
        "Findings (R2.7): expired or unregistered exports, data where the data map does not "
        "say it is (the scanner). Open, assigned, fixed, or accepted with a reason. 发现项。",
    ),
    "recipient": Entry(
        "piiguard.cli.sharing.recipients:app",
        "The recipient register (R3.2, R3.3): group companies, business partners, processors, "
        "authorities and acquirers that receive personal data; what each gets per purpose "
        "(profiles), its own API key and webhook. 数据接收方登记簿。",
    ),
    "agreement": Entry(
        "piiguard.cli.sharing.recipients:agreement_app",
        "Agreements that bind recipients (R3.6): a DPA, an intra-group agreement, China's "
        "standard contract with its filing reference, a certification, a CAC security "
        "assessment …; nothing is shared without one in force. 数据处理与提供协议。",
    ),
    "share": Entry(
        "piiguard.cli.sharing.shares:app",
        "Shares (R3.1, R3.6, R7.1): data to a recipient through the decision point, "
        "minimised as its profile says, pulled with its own key or pushed to its webhook; the "
        "disclosure log; corrections and deletions passed on. 向接收方提供个人信息。",
    ),
    "abroad-notice": Entry(
        "piiguard.cli.sharing.notices:app",
        "Notices before a first transfer abroad (R7.1, PIPL Art. 39): before a person's data "
        "first goes to a recipient abroad (not a group company) they are mailed who, where, "
        "what for, which data and how to exercise their rights there; shares of them wait "
        "until it is sent. 向境外提供个人信息前的告知。",
    ),
    "exemption": Entry(
        "piiguard.cli.sharing.exemptions:app",
        "Exemption cases for transfers abroad (R7.1): a contract the person is party to "
        "(art. 5(1)), cross-border HR management (art. 5(2)), an emergency (art. 5(3)) of the "
        "2024 Provisions — recorded, approved by a second officer; shares in scope need no "
        "assessment, standard contract or certification and are counted apart. 数据出境豁免情形。",
    ),
    "legal-request": Entry(
        "piiguard.cli.sharing.legal:app",
        "Legal requests (R3.5, R2.5): authorities' demands for personal data, approved by a "
        "second privacy officer, disclosed minimised through the decision point, the person "
        "told when the law lets us. 国家机关调取个人信息的法律请求。",
    ),
    "business-transfer": Entry(
        "piiguard.cli.sharing.business:app",
        "Business transfers (R3.4): merger, acquisition, bankruptcy or asset transfer to an "
        "acquirer bound by its undertaking; approved by a second privacy officer, logged, and "
        "every person it concerns told by mail. 合并、收购、破产、资产转让中的个人信息转移。",
    ),
    "records": Entry(
        "piiguard.cli.policy.records:app",
        "The record of processing activities (R10.1, GDPR Art. 30, PIPL Art. 51): "
        "generated from the registers, each version kept with its SHA-256; table, JSON, CSV or "
        "XLSX. 个人信息处理活动记录。",
    ),
    "evidence": Entry(
        "piiguard.cli.evidence:app",
        "The signed evidence report (R10.2, R10.3): for every requirement the control, the "
        "tests that prove it and this installation's live evidence; HTML or PDF, signed with the "
        "audit signing key. 合规证据报告（签名）。",
    ),
    "assessment": Entry(
        "piiguard.cli.accountability.assessments:app",
        "Impact assessments (R10.4, PIPL Art. 55-56): assessed, reviewed and approved by two "
        "privacy officers before sensitive data, automated decisions, shares or transfers abroad "
        "are processed; the decision point refuses what none covers. 个人信息保护影响评估。",
    ),
    "duties": Entry(
        "piiguard.cli.accountability.duties:app",
        "Compliance-audit and PI-protection-officer duties by the number of people held "
        "(CAC Measures 2025, PIPL Art. 52, 54): the count, the duties, the audits recorded and "
        "the next due. 合规审计与个人信息保护负责人义务。",
    ),
    "staff": Entry(
        "piiguard.cli.staff:app",
        "Staff accounts (R2.9): one per person, invited by link, with a department and roles; "
        "unlock, deactivate, reset TOTP; the departments' purposes. 员工账户。",
    ),
    "request": Entry(
        "piiguard.cli.requests:app",
        "Requests of the person (R4, R9): the queue, overdue ones first; where systems "
        "receive correction and deletion notices. 个人信息权利请求。",
    ),
    "retention": Entry(
        "piiguard.cli.policy.retention:app",
        "Retention and disposal (R2.11, R2.8, R6.3): the schedule, reviews, an item's "
        "retain-until, the disposal preview, batches and certificates, confirmation intervals "
        "and requests, a child's data found. 保存期限与销毁。",
    ),
    "hold": Entry(
        "piiguard.cli.policy.retention:hold_app",
        "Legal holds (R2.11): suspend disposal of what they cover; placed and lifted by two "
        "privacy officers. 法律保全（暂停销毁）。",
    ),
    "incident": Entry(
        "piiguard.cli.incidents:app",
        "Security incidents (R5.8): report one, follow its legal clocks (CAC 1 h / 4 h, GDPR "
        "72 h, PIPL), compute who is affected from the audit trail, record reports to authorities, "
        "notify the people, close after a second officer's review. 安全事件与报告时限。",
    ),
    "vuln": Entry(
        "piiguard.cli.vulns:app",
        "Vulnerabilities (R5.9): the register with remediation deadlines by severity, "
        "accepted risks (four eyes), pip-audit and SARIF imports. 漏洞登记与修复期限。",
    ),
    "policy": Entry(
        "piiguard.cli.policy.versions:app",
        "Privacy policy versions (R8.1): read them and their diff, propose, publish (a "
        "material change by a second privacy officer), notices and renewed consent. 隐私政策版本。",
    ),
}


def build(name: str) -> Any:  # a click command (typer carries its own click)
    """The click command for the top-level entry `name`, built from its module (imported
    now) as `app.add_typer` / `app.command` would have built it."""
    module, attribute = COMMANDS[name].target.split(":")
    found = getattr(importlib.import_module(module), attribute)
    if isinstance(found, typer.Typer):
        return get_group_from_info(
            TyperInfo(found, name=name),
            pretty_exceptions_short=app.pretty_exceptions_short,
            rich_markup_mode=app.rich_markup_mode,
            suggest_commands=app.suggest_commands,
        )
    return get_command_from_info(
        CommandInfo(name, callback=found),
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )


class _Commands(MutableMapping[str, Any]):
    """The top-level commands by name, each built the first time it is looked up."""

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built[name] = build(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        yield from COMMANDS
        yield from (n for n in self._built if n not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS.keys() | self._built.keys())


class LazyGroup(TyperGroup):
    """The `piiguard` group: commands built on demand; its help lists the summaries."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _Commands()

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # the names, without building every command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        built, self.commands = (
            self.commands,
            {name: TyperCommand(name=name, help=entry.summary) for name, entry in COMMANDS.items()},
        )
        try:
            super().format_help(ctx, formatter)
        finally:
            self.commands = built


app = typer.Typer(
    help="piiguard — personal data held, used and proved as the privacy policy "
    "promises. Settings come from PIIGUARD_* environment variables "
    "(see docs/operations.md).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=LazyGroup,
)


@app.callback()
def _root() -> None:
    # every run (also in process, as the tests run commands) prints through fresh consoles;
    # and typer makes a group only of an app with a callback or with commands of its own
    from piiguard.cli.common import new_run

    new_run()
