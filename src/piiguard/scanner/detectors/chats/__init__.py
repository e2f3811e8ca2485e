"""Where people talk, as chat apps export and copy their messages: the speakers of WhatsApp's
and Telegram's exports, a chat's title, a name someone says is theirs."""
