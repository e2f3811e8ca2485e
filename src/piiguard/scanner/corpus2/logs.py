"""Log layouts: nginx access logs (client IPs, query strings, app user agents with four-part
versions), application logs (key=value fields, JSON payloads inside a line, connection strings
with their password, stack traces)."""

from __future__ import annotations

from piiguard.scanner.corpus2.build import LOOKALIKE, File, L
from piiguard.scanner.corpus2.values import Values

_PATHS = (
    "/api/v2/orders",
    "/api/v2/vehicles/status",
    "/m/login",
    "/api/v1/tickets",
    "/static/app.js",
    "/health",
    "/api/v2/members/profile",
)
_SERVICES = ("order-svc", "crm-sync", "ticket-api", "member-svc", "ota-gateway")


def nginx(v: Values, f: File) -> None:
    r = v.r
    day = r.randint(1, 28)
    for i in range(r.randint(20, 60)):
        path = r.choice(_PATHS)
        ip = L("ip_address", v.ipv4() if r.random() < 0.93 else v.ipv6())
        f.put(ip).t(
            f" - - [{day:02d}/Mar/2024:{i // 60 + 9:02d}:{i % 60:02d}:{r.randint(10, 59)} +0800] "
        )
        f.t(f'"GET {path}')
        if path == "/api/v2/orders" and r.random() < 0.4:
            f.t("?mobile=").e("phone", v.mobile(plain=True))
        elif path == "/m/login" and r.random() < 0.3:
            f.t("?user=").e("email", v.email(v.person(0.1)))
        f.t(f' HTTP/1.1" {r.choice((200, 200, 200, 304, 404, 502))} {r.randint(120, 90000)} "-" ')
        if r.random() < 0.5:
            f.t('"LingyunApp/').e(LOOKALIKE, v.version()).t(f' (Android {r.randint(10, 14)})"\n')
        else:
            chrome = f"{r.randint(100, 126)}.0.{r.randint(4000, 6500)}.{r.randint(10, 200)}"
            f.t(f'"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/{chrome}"\n')


def app_log(v: Values, f: File) -> None:
    r = v.r
    day = v.other_date("iso")
    for i in range(r.randint(15, 50)):
        svc = r.choice(_SERVICES)
        stamp = (
            f"{day}T{9 + i // 60:02d}:{i % 60:02d}:{r.randint(10, 59)}.{r.randint(100, 999)}+08:00"
        )
        shape = r.random()
        if shape < 0.3:
            p = v.person(0.1)
            f.t(f'{stamp} INFO  [{svc}] event=login uid={v.digits(6)} user="').e(
                "person_name", p.name
            )
            f.t('" mobile=').e("phone", v.mobile(plain=True)).t(" ip=").e("ip_address", v.ipv4())
            f.t(" client_version=").e(LOOKALIKE, v.version()).t("\n")
        elif shape < 0.5:
            p = v.person(0.1)
            f.t(f"{stamp} WARN  [{svc}] sync failed, payload=")
            f.json(
                {
                    "custName": L("person_name", p.name),
                    "mobile": L("phone", v.mobile(plain=True)),
                    "birthDate": L("date_of_birth", v.birth(p, "iso")),
                    "partNo": L(LOOKALIKE, v.part_number()),
                },
                indent=None,
            )
            f.t("\n")
        elif shape < 0.58:
            f.t(f"{stamp} ERROR [{svc}] cannot connect to mysql://crm_app:").e(
                "secret", v.password(in_url=True)
            )
            f.t(f"@db-{r.choice(('master', 'replica'))}.internal:3306/crm (timeout 30s)\n")
        elif shape < 0.63:
            f.t(f"{stamp} DEBUG [{svc}] outbound call Authorization: token ").e(
                "secret", v.token()
            ).t("\n")
        elif shape < 0.72:
            f.t(f"{stamp} INFO  [ota-gateway] vin=LSV{v.digits(14)} fw_from=").e(
                LOOKALIKE, v.version()
            )
            f.t(" fw_to=").e(LOOKALIKE, v.version()).t(" status=OK\n")
        elif shape < 0.78:
            lat, lng = v.coordinates()
            f.t(f"{stamp} INFO  [{svc}] vehicle_report gps=").e("coordinates", f"{lat},{lng}")
            f.t(f" speed={r.randint(0, 120)}\n")
        elif shape < 0.84:
            f.t(f"{stamp} INFO  [{svc}] order created order_no=").e(LOOKALIKE, v.order_number())
            f.t(f" amount={r.randint(10, 9000)}.{r.randint(0, 99):02d} part=").e(
                LOOKALIKE, v.part_number()
            )
            f.t("\n")
        elif shape < 0.9:
            f.t(f"{stamp} ERROR [{svc}] java.lang.IllegalStateException: retry budget exhausted\n")
            f.t(
                f"\tat com.lingyun.{svc.replace('-', '')}.Worker.run(W.java:{r.randint(20, 400)})\n"
            )
            f.t("\tat java.base/java.lang.Thread.run(Thread.java:833)\n")
        else:
            f.t(f"{stamp} INFO  [{svc}] heartbeat ok latency_ms={r.randint(1, 300)} build=")
            f.e(LOOKALIKE, v.version()).t("\n")
