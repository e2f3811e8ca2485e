"""Application logs: a web server's access log, a Java service with its stack traces,
key=value lines, JSON lines; client addresses, users, tokens, and the many numbers that are
none of these (request ids, versions, durations, hashes)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from random import Random

from bench.corpus4 import numbers as n
from bench.corpus4 import people as pp
from bench.corpus4.doc import Doc, F, Piece, V

PATHS = (
    "/api/v2/orders",
    "/api/v2/members/profile",
    "/h5/warranty/register",
    "/static/js/app.js",
    "/api/v1/service/tickets",
    "/wecom/callback",
    "/health",
    "/api/v2/stores/nearby",
)
UAS = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI "
    "Language/zh_CN",
    "Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
    "Chrome/116.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/122.0.0.0 Safari/537.36",
    "okhttp/4.9.3",
    "curl/8.4.0",
)

CST = timezone(timedelta(hours=8))


def _client(rng: Random) -> str:
    return n.ipv4(rng) if rng.random() < 0.85 else n.ipv6(rng)


def _query(rng: Random) -> list[Piece]:
    r = rng.random()
    if r < 0.25:
        return ["?mobile=", V("phone", n.mobile(rng)), "&code=", str(rng.randint(100000, 999999))]
    if r < 0.4:
        lat, lon = n.coordinates(rng)
        return ["?", V("coordinates", f"lat={lat:.6f}&lng={lon:.6f}"), "&radius=5000"]
    if r < 0.5:
        return ["?access_token=", V("secret", n.token(rng, 40, n.ALNUM + "-_"))]
    if r < 0.6:
        return ["?orderNo=", F(n.id_lookalike(rng))]
    if r < 0.7:
        return ["?v=", F(n.version(rng))]
    return []


def upstream(rng: Random) -> tuple[Piece, ...]:
    return (" upstream=", V("ip_address", n.ipv4(rng, True)), ":8080")


def _nginx(rng: Random, d: Doc, t: datetime) -> None:
    for _ in range(rng.randint(12, 45)):
        t += timedelta(seconds=rng.randint(0, 40))
        stamp = t.strftime("%d/%b/%Y:%H:%M:%S +0800")
        d.line(
            V("ip_address", _client(rng)),
            " - - [",
            stamp,
            '] "',
            rng.choice(("GET", "POST")),
            " ",
            rng.choice(PATHS),
            *_query(rng),
            ' HTTP/1.1" ',
            rng.choice(("200", "200", "304", "401", "502")),
            " ",
            str(rng.randint(0, 90000)),
            ' "-" "',
            rng.choice(UAS),
            '" ',
            F(f"{rng.uniform(0, 3):.3f}"),
            *(upstream(rng) if rng.random() < 0.3 else ()),
        )


def _java(rng: Random, d: Doc, t: datetime) -> None:
    for _ in range(rng.randint(8, 24)):
        t += timedelta(milliseconds=rng.randint(5, 90000))
        head = f"{t:%Y-%m-%d %H:%M:%S}.{t.microsecond // 1000:03d} "
        level = rng.choice(("INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"))
        thread = f"[http-nio-8080-exec-{rng.randint(1, 200)}]"
        logger = rng.choice(
            (
                "c.k.crm.service.MemberService",
                "c.k.aftersales.TicketController",
                "c.k.mes.sync.OrderSyncJob",
                "o.s.web.servlet.DispatcherServlet",
            )
        )
        d.put(head, level, " ", rng.choice(("12345", "1")), " --- ", thread, " ", logger, " : ")
        p = pp.person(rng, 0.05)
        r = rng.random()
        if r < 0.25:
            d.line(
                "member login ok, mobile=",
                V("phone", n.mobile(rng)),
                ", traceId=",
                F(n.trace_id(rng)),
            )
        elif r < 0.4:
            d.line(
                "create ticket for customer ",
                V("person_name", p.full),
                " address=",
                V("address", pp.address_cn(rng, True)),
            )
        elif r < 0.5:
            d.line(
                "sync order ",
                F(n.order_no(rng, t.date())),
                " took ",
                str(rng.randint(3, 9000)),
                "ms",
            )
        elif r < 0.6:
            d.line("send mail to ", V("email", pp.email(rng, p)), " template=warranty_confirm")
        elif r < 0.7:
            d.line(
                "HikariPool-1 - Starting... jdbc:mysql://",
                V("ip_address", n.ipv4(rng, True)),
                ":3306/crm?useSSL=false&user=crm_app&password=",
                V("secret", n.password(rng)),
            )
        elif r < 0.82:
            d.line("Failed to verify identity for userId=", str(rng.randint(10000, 99999)))
            d.line(
                "java.lang.IllegalArgumentException: invalid id card: ",
                V("resident_id", n.resident_id(rng)),
            )
            for frame in (
                "c.k.crm.service.IdentityService.verify(IdentityService.java:",
                "c.k.crm.web.MemberController.bind(MemberController.java:",
                "sun.reflect.GeneratedMethodAccessor213.invoke(Unknown Source",
                "org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:",
            ):
                d.line("\tat ", frame, str(rng.randint(20, 400)) if frame[-1] == ":" else "", ")")
            d.line("\t... ", str(rng.randint(20, 90)), " common frames omitted")
        else:
            d.line(
                "app started, version ",
                F(n.version(rng)),
                ", build ",
                F(n.sha(rng)[:12]),
                ", pid ",
                str(rng.randint(1000, 65000)),
            )


def _kv(rng: Random, d: Doc, t: datetime) -> None:
    for _ in range(rng.randint(10, 40)):
        t += timedelta(seconds=rng.randint(0, 300))
        d.put(
            f"time={t:%Y-%m-%dT%H:%M:%S}+08:00 level=", rng.choice(("info", "warn", "error")), " "
        )
        r = rng.random()
        if r < 0.3:
            d.line(
                'msg="scan in" device=',
                F(n.serial(rng)),
                " gate=",
                rng.choice(("东门", "北门", "2#仓")),
                " plate=",
                V("licence_plate", n.plate(rng).replace(" ", "")),
                " ip=",
                V("ip_address", n.ipv4(rng, True)),
            )
        elif r < 0.5:
            d.line(
                'msg="sms sent" to=',
                V("phone", n.mobile(rng)),
                " tpl=SMS_",
                n.digits(rng, 9),
                " req_id=",
                F(n.uuid(rng)),
            )
        elif r < 0.6:
            kind, key = n.secret(rng)
            d.line('msg="config loaded" provider=', kind, " key=", V("secret", key))
        elif r < 0.75:
            d.line(
                'msg="firmware check" model=',
                F(n.model(rng)),
                " current=",
                F(n.version(rng)),
                " latest=",
                F(n.version(rng)),
            )
        else:
            d.line(
                'msg="gps report" vehicle=',
                V("licence_plate", n.plate(rng).replace(" ", "")),
                " pos=",
                V("coordinates", "{:.6f},{:.6f}".format(*n.coordinates(rng))),
                " speed=",
                str(rng.randint(0, 90)),
            )


def _jsonl(rng: Random, d: Doc, t: datetime) -> None:
    for _ in range(rng.randint(8, 30)):
        t += timedelta(seconds=rng.randint(0, 120))
        p = pp.person(rng, 0.1)
        d.put(
            '{"ts":"',
            f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999):03d}+08:00",
            '","level":"INFO","svc":"member-api",',
        )
        d.put('"trace_id":"', F(n.trace_id(rng)), '",')
        r = rng.random()
        if r < 0.35:
            d.put(
                '"event":"register","user":{"name":"',
                V("person_name", p.full),
                '","mobile":"',
                V("phone", n.mobile(rng)),
                '"}',
            )
        elif r < 0.55:
            d.put(
                '"event":"login","client_ip":"',
                V("ip_address", _client(rng)),
                '","ua":',
                json.dumps(rng.choice(UAS)),
            )
        elif r < 0.7:
            d.put('"event":"auth","authorization":"Bearer ', V("secret", n.jwt(rng)), '"')
        elif r < 0.85:
            d.put(
                '"event":"order","order_no":"',
                F(n.id_lookalike(rng)),
                '","amount":',
                n.money(rng, 1, 9000).replace(",", ""),
            )
        else:
            d.put('"event":"profile_update","email":"', V("email", pp.email(rng, p)), '"')
        d.line("}")


def _system(rng: Random, d: Doc, t: datetime) -> None:
    """A host's own log: jobs, disks, builds; next to no personal data."""
    host = rng.choice(("mes-db01", "erp-app02", "crm-web01", "nas-fs01"))
    for _ in range(rng.randint(15, 50)):
        t += timedelta(seconds=rng.randint(1, 900))
        d.put(f"{t:%b %d %H:%M:%S} {host} ")
        r = rng.random()
        if r < 0.2:
            d.line(
                f"CRON[{rng.randint(1000, 65000)}]: (root) CMD (/opt/backup/run.sh --keep ",
                str(rng.randint(3, 30)),
                ")",
            )
        elif r < 0.35:
            d.line(
                "kernel: EXT4-fs (sdb1): mounted filesystem, usage ",
                f"{rng.uniform(10, 99):.1f}%",
            )
        elif r < 0.5:
            d.line(
                "deploy: release ",
                F(n.version(rng)),
                " commit ",
                F(n.sha(rng)),
                " sha256 ",
                F(n.token(rng, 64, n.HEX)),
            )
        elif r < 0.6:
            d.line(
                "sshd[",
                str(rng.randint(1000, 65000)),
                "]: Accepted publickey for deploy from ",
                V("ip_address", n.ipv4(rng, True)),
                " port ",
                str(rng.randint(20000, 65000)),
            )
        elif r < 0.7:
            d.line(
                "java[",
                str(rng.randint(1000, 65000)),
                "]: GC pause (G1 Evacuation Pause) ",
                f"{rng.randint(50, 900)}M->{rng.randint(20, 400)}M({rng.randint(1, 8)}G) ",
                f"{rng.uniform(1, 90):.3f}ms",
            )
        elif r < 0.8:
            d.line(
                "nginx: worker process ",
                str(rng.randint(1000, 65000)),
                " exited, request_id=",
                F(n.uuid(rng)),
            )
        elif r < 0.9:
            d.line(
                "mes-sync: batch ",
                F(n.batch(rng, t.date())),
                " ",
                str(rng.randint(10, 9000)),
                " rows, ",
                "model ",
                F(n.model(rng)),
            )
        else:
            d.line(
                "systemd[1]: Started ",
                rng.choice(("logrotate.service", "mes-sync.timer", "certbot.service")),
                ".",
            )


def make(rng: Random) -> tuple[Doc, str, str]:
    d = Doc()
    t = datetime(2025, 1, 1, tzinfo=CST) + timedelta(minutes=rng.randint(0, 600_000))
    kind = rng.randrange(5)
    [_nginx, _java, _kv, _jsonl, _system][kind](rng, d, t)
    return d, "jsonl" if kind == 3 and rng.random() < 0.4 else "log", "utf-8"
