"""Where people talk, as chat apps export and copy their messages: the speakers of WhatsApp's
and Telegram's exports, a chat's title, a name someone says is theirs, a
location it shares."""

from piiguard.scanner.detectors.chats import exports, located, said

RULES = exports.RULES + said.RULES + located.RULES
