"""The words of web/console/custody/ in Simplified Chinese and English (merged over the
console's own by kit.console_page). The pages' own keys start with `k_`."""

from __future__ import annotations

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    # -- the overview -------------------------------------------------------------------
    "k_title": ("纸质记录与移动介质", "Paper records and removable media"),
    "k_intro": (
        "打印件和移动介质上的个人信息同样受保护：必须来自数据地图中经批准的指定系统，"
        "有保管人，锁存于文件柜或保险柜；不再需要时粉碎、擦除或销毁，并由第二人见证。"
        "打印件须在打印后 {h} 小时内锁存或粉碎；移动介质每 {d} 天盘点一次。",
        "Personal data on paper and removable media is protected too: it comes only from an "
        "approved designated system in the data map, has a custodian and is kept locked in "
        "a cabinet or safe; when no longer needed it is shredded, wiped or destroyed with a "
        "second person as witness. A printout is locked away or shredded within {h} hours "
        "of printing; every removable medium is counted every {d} days.",
    ),
    "k_paper": ("纸质记录", "Paper records"),
    "k_media": ("移动介质", "Removable media"),
    "k_inventories": ("介质盘点", "Media inventories"),
    "k_overdue_n": ("逾期未锁存的打印件：{n}", "Printouts not locked away in time: {n}"),
    "k_missing_n": (
        "丢失且未登记事件的含个人信息介质：{n}",
        "Missing media holding personal data with no incident yet: {n}",
    ),
    "k_witness_n": ("待您见证确认的销毁：{n}", "Destructions waiting for your confirmation: {n}"),
    "k_inventory_due": ("下次盘点应于 {at} 前完成", "Next inventory due by {at}"),
    "k_inventory_overdue": ("介质盘点已逾期", "The media inventory is overdue"),
    "k_inventory_never": ("尚未进行过介质盘点", "No media inventory yet"),
    "k_inventory_open": ("有一次盘点正在进行", "An inventory is under way"),
    # -- front page ---------------------------------------------------------------------
    "attn_paper_overdue": (
        "逾期未锁存或粉碎的打印件：{n}",
        "Printouts not locked away or shredded in time: {n}",
    ),
    "attn_media_missing": (
        "丢失的含个人信息移动介质（未登记事件）：{n}",
        "Missing removable media holding personal data, no incident yet: {n}",
    ),
    "attn_custody_witness": (
        "待您见证确认的粉碎、擦除或销毁：{n}",
        "Shreddings, wipes or destructions waiting for you as witness: {n}",
    ),
    "attn_media_inventory": ("移动介质盘点已到期：{n}", "Removable media inventory due: {n}"),
    # -- columns and fields ---------------------------------------------------------------
    "k_col_record": ("记录", "Record"),
    "k_col_label": ("文件", "Document"),
    "k_col_categories": ("数据类别", "Categories"),
    "k_col_people": ("涉及人数", "People"),
    "k_col_system": ("来源系统", "System"),
    "k_col_printed": ("打印", "Printed"),
    "k_col_custodian": ("保管人", "Custodian"),
    "k_col_where": ("存放位置", "Where"),
    "k_col_status": ("状态", "Status"),
    "k_col_due": ("锁存期限", "Lock by"),
    "k_col_identifier": ("编号", "Identifier"),
    "k_col_kind": ("类型", "Kind"),
    "k_col_encrypted": ("加密", "Encrypted"),
    "k_col_holder": ("持有人", "Holder"),
    "k_col_started": ("开始", "Started"),
    "k_col_closed": ("结束", "Closed"),
    "k_col_outcome": ("结果", "Outcome"),
    "k_col_seen": ("所见位置", "Seen at"),
    "k_col_when": ("时间", "When"),
    "k_col_what": ("事项", "What"),
    "k_col_by": ("操作人", "By"),
    "k_f_label": (
        "文件说明（编号或名称，勿写人名）",
        "Document (a reference or run name; no names)",
    ),
    "k_f_categories": (
        "数据类别（每行一个，如 user.contact.email）",
        "Categories (one a line, e.g. user.contact.email)",
    ),
    "k_f_people": ("涉及人数", "How many people"),
    "k_f_system": ("来源系统（数据地图中的系统）", "System (in the data map)"),
    "k_f_custodian": ("保管人（员工邮箱或编号）", "Custodian (staff e-mail or id)"),
    "k_f_printed_by": ("打印人（留空则为本人）", "Printed by (blank: yourself)"),
    "k_f_location": ("地点（房间、场所）", "Location (room, site)"),
    "k_f_cabinet": ("文件柜或保险柜", "Cabinet or safe"),
    "k_f_shredded_on": ("粉碎日期（YYYY-MM-DD）", "Shredded on (YYYY-MM-DD)"),
    "k_f_done_on": ("日期（YYYY-MM-DD）", "Date (YYYY-MM-DD)"),
    "k_f_method": ("方式", "Method"),
    "k_f_witness": (
        "见证人（另一名员工的邮箱或编号）",
        "Witness (another member of staff: e-mail or id)",
    ),
    "k_f_identifier": ("介质编号（资产标签或序列号）", "Identifier (asset tag or serial number)"),
    "k_f_kind": ("介质类型", "Kind"),
    "k_f_encrypted": ("已加密", "Encrypted"),
    "k_f_encryption": ("加密方式（如 LUKS2 AES-256）", "How it is encrypted (e.g. LUKS2 AES-256)"),
    "k_f_media_categories": (
        "内容的数据类别（每行一个；无个人信息则留空）",
        "Contents' categories (one a line; blank: no personal data)",
    ),
    "k_f_media_system": (
        "内容来源系统（无个人信息则留空）",
        "System the contents come from (blank: none)",
    ),
    "k_f_media_location": ("锁存位置", "Where it is locked away"),
    "k_f_holder": ("领用人（留空则为本人）", "Holder (blank: yourself)"),
    "k_f_how": ("处置", "What was done"),
    "k_f_found_location": ("找到后锁存位置", "Where it is locked away now"),
    "k_f_incident": ("事件编号", "Incident reference"),
    "k_f_seen_at": ("所见位置或持有人", "Seen where, or with whom"),
    # -- statuses, kinds, methods ---------------------------------------------------------
    "k_status_in_use": ("使用中（未锁存）", "in use (not locked away)"),
    "k_status_locked": ("已锁存", "locked"),
    "k_status_archived": ("已归档", "archived"),
    "k_status_shredded": ("已粉碎", "shredded"),
    "k_status_stored": ("已锁存", "locked away"),
    "k_status_checked_out": ("已领出", "checked out"),
    "k_status_missing": ("丢失", "missing"),
    "k_status_wiped": ("已擦除", "wiped"),
    "k_status_destroyed": ("已销毁", "destroyed"),
    "k_kind_usb_drive": ("U 盘", "USB drive"),
    "k_kind_external_disk": ("移动硬盘", "external disk"),
    "k_kind_sd_card": ("存储卡", "SD card"),
    "k_kind_optical_disc": ("光盘", "optical disc"),
    "k_kind_tape": ("磁带", "tape"),
    "k_kind_other": ("其他", "other"),
    "k_how_wipe": ("擦除", "wiped"),
    "k_how_destroy": ("销毁", "destroyed"),
    "k_outcome_pending": ("待核对", "not yet counted"),
    "k_outcome_confirmed": ("已见到", "seen"),
    "k_outcome_missing": ("丢失", "missing"),
    "k_move_register": ("登记", "registered"),
    "k_move_check_out": ("领出", "checked out"),
    "k_move_check_in": ("归还", "checked in"),
    "k_move_missing": ("报告丢失", "reported missing"),
    "k_move_found": ("找到", "found"),
    "k_move_wipe": ("擦除", "wiped"),
    "k_move_destroy": ("销毁", "destroyed"),
    "k_move_witnessed": ("见证确认", "witness confirmed"),
    "k_move_confirmed": ("盘点见到", "seen at an inventory"),
    "k_yes": ("是", "yes"),
    "k_no": ("否", "no"),
    "k_overdue": ("已逾期", "overdue"),
    "k_pending_witness": ("待见证人确认：{w}", "waiting for the witness: {w}"),
    "k_witnessed": ("{w} 已于 {at} 见证确认", "witnessed by {w} at {at}"),
    # -- paper pages ----------------------------------------------------------------------
    "k_paper_intro": (
        "每份含个人信息的打印件：内容类别与人数、来源系统与打印人、保管人与文件柜。"
        "打印后 {h} 小时内未锁存或粉碎的会被标记并通报隐私官。",
        "Every printout holding personal data: its categories and how many people, the "
        "system and who printed it, its custodian and cabinet. One still in use {h} hours "
        "after printing is flagged and escalated to the privacy officers.",
    ),
    "k_paper_table": ("纸质记录登记簿", "The register of paper records"),
    "k_no_paper": ("没有符合条件的纸质记录。", "No paper record matches."),
    "k_only_overdue": ("只看逾期的", "Only overdue ones"),
    "k_new_paper": ("登记打印件", "Register a printout"),
    "k_paper_n": ("打印件 {id}", "Printout {id}"),
    "k_lock_title": ("锁存或归档", "Lock away or archive"),
    "k_lock_hint": (
        "放入其文件柜（或另填新的位置、文件柜、保管人）。",
        "Into its cabinet (or name a new location, cabinet or custodian).",
    ),
    "k_lock_button": ("已锁存", "Locked away"),
    "k_archive_button": ("已归档", "Archived"),
    "k_take_out_title": ("取出使用", "Take out"),
    "k_take_out_button": ("取出（重新计时）", "Take out (the clock restarts)"),
    "k_shred_title": ("粉碎", "Shred"),
    "k_shred_hint": (
        "记录粉碎的日期、方式和见证人。见证人须是另一名员工，并须用自己的账户确认。",
        "Record the day, the method and the witness — another member of staff, who then "
        "confirms it with their own account.",
    ),
    "k_shred_button": ("记录粉碎", "Record the shredding"),
    "k_witness_title": ("见证确认", "Confirm as witness"),
    "k_witness_hint": (
        "您被指定为见证人：确认您亲眼见到了此次销毁。",
        "You are named as the witness: confirm that you saw it done.",
    ),
    "k_witness_button": ("我确认亲眼见证", "I confirm I witnessed it"),
    # -- media pages ----------------------------------------------------------------------
    "k_media_intro": (
        "每个移动介质：编号、类型、加密方式、内容的数据类别与来源系统、保管人和锁存位置，"
        "以及领出与归还记录。含敏感个人信息的介质必须加密。",
        "Every removable medium: identifier, kind, encryption, its contents' categories and "
        "system, custodian and where it is locked away, with its check-outs and check-ins. "
        "A medium holding sensitive categories must be encrypted.",
    ),
    "k_media_table": ("移动介质登记簿", "The register of removable media"),
    "k_no_media": ("没有符合条件的移动介质。", "No removable medium matches."),
    "k_new_medium": ("登记移动介质", "Register a removable medium"),
    "k_history": ("记录", "History"),
    "k_check_out_title": ("领出", "Check out"),
    "k_check_out_button": ("领出", "Check out"),
    "k_check_in_title": ("归还锁存", "Check in"),
    "k_check_in_button": ("已归还锁存", "Checked in"),
    "k_dispose_title": ("擦除或销毁", "Wipe or destroy"),
    "k_dispose_hint": (
        "记录日期、方式（擦除：overwrite、crypto_erase、secure_erase、degauss；销毁：shred、"
        "disintegrate、incinerate、drill、contractor）和见证人（另一名员工，须亲自确认）。",
        "Record the day, the method (wipe: overwrite, crypto_erase, secure_erase, degauss; "
        "destroy: shred, disintegrate, incinerate, drill, contractor) and the witness — "
        "another member of staff, who confirms it themselves.",
    ),
    "k_dispose_button": ("记录", "Record it"),
    "k_missing_title": ("报告丢失", "Report missing"),
    "k_missing_hint": (
        "含个人信息的介质丢失会开立安全事件（或在首页告警，直至隐私官登记事件编号）。",
        "A missing medium holding personal data opens an incident (or stays an alarm on "
        "the front page until a privacy officer records the incident's reference).",
    ),
    "k_missing_button": ("报告丢失", "Report it missing"),
    "k_found_title": ("已找到", "Found"),
    "k_found_button": ("记录找到", "Record it found"),
    "k_incident_title": ("登记事件", "Record the incident"),
    "k_incident_button": ("登记", "Record"),
    "k_incident_is": ("事件：{ref}", "Incident: {ref}"),
    "k_missing_alarm": (
        "此介质存有个人信息且已丢失，尚未登记安全事件。",
        "This medium holds personal data and is missing; no incident is recorded yet.",
    ),
    # -- inventories ----------------------------------------------------------------------
    "k_inv_intro": (
        "盘点时逐一核对每个介质：见到（在何处或由谁持有）或丢失。全部核对完才能结束盘点。",
        "An inventory accounts for every medium: seen (where, or with whom) or missing. It "
        "closes only when every medium is settled.",
    ),
    "k_inv_table": ("盘点记录", "Inventories"),
    "k_no_inv": ("尚无盘点。", "No inventory yet."),
    "k_start_inv": ("开始盘点", "Start an inventory"),
    "k_inv_n": ("盘点 {id}", "Inventory {id}"),
    "k_inv_status_open": ("进行中", "under way"),
    "k_inv_status_closed": ("已结束", "closed"),
    "k_pending_n": ("待核对：{n}", "Not yet counted: {n}"),
    "k_seen_button": ("见到", "Seen"),
    "k_lost_button": ("丢失", "Missing"),
    "k_close_inv": ("结束盘点", "Close the inventory"),
    # -- done messages --------------------------------------------------------------------
    "done_registered": ("已登记。", "Registered."),
    "done_locked": ("已记录锁存。", "Recorded as locked away."),
    "done_archived": ("已记录归档。", "Recorded as archived."),
    "done_taken_out": ("已取出，重新计时。", "Taken out; the clock restarts."),
    "done_shredded": ("已记录，等待见证人确认。", "Recorded; waiting for the witness."),
    "done_witnessed": ("已确认见证。", "Confirmed as witness."),
    "done_checked_out": ("已领出。", "Checked out."),
    "done_checked_in": ("已归还。", "Checked in."),
    "done_disposed": ("已记录，等待见证人确认。", "Recorded; waiting for the witness."),
    "done_missing": ("已报告丢失。", "Reported missing."),
    "done_found": ("已记录找到。", "Recorded as found."),
    "done_incident": ("已登记事件。", "Incident recorded."),
    "done_started": ("盘点已开始。", "Inventory started."),
    "done_settled": ("已记录。", "Recorded."),
    "done_closed": ("盘点已结束。", "Inventory closed."),
    "bad_number": ("「{f}」应为整数。", "{f}: a whole number."),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
