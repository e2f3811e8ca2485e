"""The words of web/console/backups/ in Simplified Chinese and English (merged over the
console's own by kit.console_page). The pages' own keys start with `b_`."""

from __future__ import annotations

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "b_title": ("备份", "Backups"),
    "b_intro": (
        "数据库与密钥库分别备份，经加密后写入数据地图中已批准的备份系统，并定期恢复到临时数据库中"
        "测试：校验文件哈希、逐表行数、恢复后的审计链，并通过记录在案的判定解密样本。页面只显示编号、"
        "计数与哈希，不显示任何个人信息。",
        "The data database and the key store are backed up apart, encrypted, to a backup system "
        "the data map approves, and tested regularly by restoring them into a scratch database: "
        "the file's hash, the rows of every table, the restored audit trail, and a sample "
        "decrypted through recorded decisions. These pages show ids, counts and hashes — never "
        "personal data.",
    ),
    "b_state_ok": ("最近一次恢复测试通过（{at}）。", "The newest restore test passed ({at})."),
    "b_state_failed": (
        "最近一次恢复测试失败（{at}）：请查看失败的检查项并处理。",
        "The newest restore test FAILED ({at}): see the failed checks below.",
    ),
    "b_state_overdue": (
        "{days} 天内没有成功的恢复测试（最近一次：{at}）。",
        "No restore test within {days} days (the newest: {at}).",
    ),
    "b_state_no_backup": ("尚无备份。", "No backup yet."),
    "b_never": ("从未", "never"),
    "b_filter_kind": ("类型", "Kind"),
    "b_kind_data": ("数据库", "data database"),
    "b_kind_keystore": ("密钥库", "key store"),
    "b_status_ok": ("完好", "ok"),
    "b_status_failed": ("失败", "failed"),
    "b_status_pruned": ("已按保留期删除", "pruned (past retention)"),
    "b_table": ("备份（最新在前）", "Backups, newest first"),
    "b_col_backup": ("备份", "Backup"),
    "b_col_kind": ("类型", "Kind"),
    "b_col_status": ("状态", "Status"),
    "b_col_taken": ("时间", "Taken"),
    "b_col_size": ("大小", "Size"),
    "b_col_target": ("目标", "Target"),
    "b_col_test": ("最近恢复测试", "Newest restore test"),
    "b_col_expires": ("保留至", "Kept until"),
    "b_none": ("没有符合条件的备份。", "No backup matches."),
    "b_default_folder": ("默认文件夹", "the default folder"),
    "b_passed": ("通过", "passed"),
    "b_failed": ("失败", "FAILED"),
    "b_take_title": ("立即备份", "Take a backup now"),
    "b_take_kind": ("备份什么", "What to back up"),
    "b_take_target": ("目标", "Target"),
    "b_take_target_hint": (
        "数据地图中类型为 backup 且已批准的系统；密钥库备份应写入与数据库备份不同的存储。",
        "An approved data-map system of kind backup; put the key store's backups on other "
        "storage than the data's.",
    ),
    "b_take": ("开始备份", "Take the backup"),
    "b_test_title": ("恢复测试", "Restore test"),
    "b_test_hint": (
        "将此备份恢复到临时数据库中逐项检查，记录结果后删除临时数据库。",
        "Restores this backup into a scratch database, checks it, records the evidence and "
        "drops the scratch database.",
    ),
    "b_run_test": ("运行恢复测试", "Run a restore test"),
    "b_backup_n": ("备份 {id}", "Backup {id}"),
    "b_manifest": ("清单", "Manifest"),
    "b_f_kind": ("类型", "Kind"),
    "b_f_taken": ("时间", "Taken"),
    "b_f_by": ("执行者", "By"),
    "b_f_file": ("文件", "File"),
    "b_f_dialect": ("数据库", "Database"),
    "b_f_size": ("大小（字节）", "Size (bytes)"),
    "b_f_sha": ("SHA-256", "SHA-256"),
    "b_f_kek": ("密钥加密密钥版本", "Key-encryption key version"),
    "b_f_revision": ("数据库结构版本", "Schema revision"),
    "b_f_head": ("审计链头", "Audit head"),
    "b_f_checkpoint": ("最近签名检查点", "Newest signed checkpoint"),
    "b_f_expires": ("保留至", "Kept until"),
    "b_f_error": ("错误", "Error"),
    "b_rows": ("逐表行数", "Rows per table"),
    "b_col_table": ("表", "Table"),
    "b_col_rows": ("行数", "Rows"),
    "b_tests": ("恢复测试记录", "Restore tests"),
    "b_no_tests": ("尚未测试。", "Never tested."),
    "b_test_n": (
        "测试 {id}：{verdict}，用时 {ms} 毫秒，{at}，执行者 {by}",
        "Test {id}: {verdict}, {ms} ms, {at}, by {by}",
    ),
    "b_check_file": ("文件哈希", "file hash"),
    "b_check_decrypt": ("解密", "decryption"),
    "b_check_restore": ("恢复", "restore"),
    "b_check_row_counts": ("行数", "rows per table"),
    "b_check_audit": ("审计链", "audit trail"),
    "b_check_sample": ("样本解密", "sample decrypted"),
    "b_settings": ("备份设置", "Backup settings"),
    "b_settings_intro": (
        "以下为当前生效的设置（环境变量 PIIGUARD_BACKUP_…，见 docs/operations.md）。"
        "密钥库备份的保留天数必须少于删除请求的处理期限，否则系统拒绝启动。",
        "The settings in force (environment variables PIIGUARD_BACKUP_…, docs/operations.md). "
        "Key-store backups must be kept fewer days than the erasure deadline; piiguard refuses "
        "to start otherwise.",
    ),
    "b_s_folder": ("默认文件夹", "Default folder"),
    "b_s_target": ("默认目标系统", "Default target system"),
    "b_s_every": ("数据库备份间隔（小时）", "Data backup every (hours)"),
    "b_s_keep": ("数据库备份保留（天）", "Data backups kept (days)"),
    "b_s_ks_every": ("密钥库备份间隔（小时）", "Key-store backup every (hours)"),
    "b_s_ks_keep": ("密钥库备份保留（天）", "Key-store backups kept (days)"),
    "b_s_erasure": ("删除期限（天）", "Erasure deadline (days)"),
    "b_s_test": ("恢复测试间隔（天）", "Restore test every (days)"),
    "b_s_sample": ("样本人数", "People in the sample"),
    "b_s_targets": ("可用的备份系统", "Backup systems the data map approves"),
    "b_s_no_targets": ("数据地图中没有已批准的备份系统。", "No approved system of kind backup."),
    "b_to_settings": ("备份设置", "Backup settings"),
    "b_to_list": ("返回备份列表", "Back to the backups"),
    "done_created": ("备份已完成。", "The backup was taken."),
    "done_tested_ok": ("恢复测试通过。", "The restore test passed."),
    "done_tested_failed": (
        "恢复测试失败，结果已记录。",
        "The restore test FAILED; the result is recorded.",
    ),
    "attn_backups_copy_failed": (
        "最近一次备份失败，此后没有成功的备份",
        "The newest backup attempt failed; none succeeded since",
    ),
    "attn_backups_failed": (
        "最近一次备份恢复测试失败",
        "The newest backup restore test failed",
    ),
    "attn_backups_overdue": (
        "备份恢复测试已逾期",
        "A backup restore test is overdue",
    ),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
