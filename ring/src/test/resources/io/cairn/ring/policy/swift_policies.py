# Parses swift.conf texts with Debian's Swift 2.30.1 (parse_storage_policies). stdin: texts separated
# by a line "----". stdout, per text: "ok <default index> <index>:<names|...>:<D|->:<type> ..." or "error".
import sys
from configparser import ConfigParser

from swift.common.storage_policy import parse_storage_policies

for text in sys.stdin.read().split('\n----\n'):
    conf = ConfigParser()
    conf.read_string(text)
    try:
        policies = parse_storage_policies(conf)
    except Exception:
        print('error')
        continue
    parts = ['ok', str(int(policies.default))]
    for p in sorted(policies, key=int):
        parts.append('%d:%s:%s:%s' % (int(p), '|'.join(p.alias_list), 'D' if p.is_deprecated else '-',
                                      p.policy_type))
    print(' '.join(parts))
