# Golden oracle for io.cairn.proxy.auth: runs Swift 2.30.1's own tempauth and acl.py over the cases
# on stdin (JSON) and prints one JSON document with the results, in case order.
import json
import sys

from swift.common.middleware import tempauth as ta
from swift.common.middleware.acl import (
    clean_acl, format_acl, parse_acl, referrer_allowed)
from swift.common.swob import Request
from swift.common.utils import quote


class FakeMemcache(object):
    def __init__(self):
        self.store = {}

    def get(self, key):
        return self.store.get(key)

    def set(self, key, value, time=0, raise_on_error=False):
        self.store[key] = value


def fake_account_info(env, app, swift_source=None):
    return env['cairn.account_info']


ta.get_account_info = fake_account_info


def wsgi(text):
    # Header values reach Swift as WSGI strings: the latin-1 view of the UTF-8 bytes.
    return text.encode('utf8').decode('latin1')

data = json.load(sys.stdin)
auths = [ta.TempAuth(None, dict(conf)) for conf in data['configs']]
out = {}

groups = []
for item in data['groups']:
    auth = auths[item['config']]
    account, user = item['account_user'].split(':', 1)
    account_id = auth.users[item['account_user']]['url'].rsplit('/', 1)[-1]
    groups.append(auth._get_user_groups(account, item['account_user'], account_id))
out['groups'] = groups

decisions = []
for case in data['authorize']:
    auth = auths[case['config']]
    path = '/v1/' + quote(case['account'])
    if case['container'] is not None:
        path += '/' + quote(case['container'])
        if case['object'] is not None:
            path += '/' + quote(case['object'])
    headers = {}
    if case['referer'] is not None:
        headers['Referer'] = wsgi(case['referer'])
    if case['request_acl'] is not None:
        headers['X-Account-Access-Control'] = wsgi(case['request_acl'])
    req = Request.blank(path, environ={'REQUEST_METHOD': case['method']},
                        headers=headers)
    if case['remote_user'] is not None:
        req.remote_user = case['remote_user']
    if case['acl'] is not None:
        req.acl = case['acl']
    sysmeta = {}
    if case['stored_acl'] is not None:
        sysmeta['core-access-control'] = case['stored_acl']
    req.environ['cairn.account_info'] = {'sysmeta': sysmeta}
    resp = auth.authorize(req)
    status = 0 if resp is None else resp.status_int
    body = None
    if status == 400:
        body = resp.body.decode('utf-8')
    decisions.append({'status': status,
                      'owner': bool(req.environ.get('swift_owner')),
                      'body': body})
out['authorize'] = decisions

tokens = []
for case in data['tokens']:
    auth = auths[case['config']]
    req = Request.blank(case['path'], environ={
        'REQUEST_METHOD': case['method'], 'swift.cache': FakeMemcache()},
        headers=dict(case['headers']))
    resp = req.get_response(auth)
    tokens.append({
        'status': resp.status_int,
        'www_authenticate': resp.headers.get('Www-Authenticate'),
        'storage_url': resp.headers.get('X-Storage-Url'),
        'expires': resp.headers.get('X-Auth-Token-Expires'),
        'token_prefix': (resp.headers.get('X-Auth-Token') or '')[:len(
            auth.reseller_prefix) + 2]})
out['tokens'] = tokens

cleaned = []
for name, value in data['clean']:
    try:
        cleaned.append({'value': clean_acl(name, value), 'error': None})
    except ValueError as err:
        cleaned.append({'value': None, 'error': str(err)})
out['clean'] = cleaned

validated = []
for value in data['account_acl']:
    req = Request.blank('/v1/AUTH_test', headers={
        'X-Account-Access-Control': wsgi(value)})
    validated.append(auths[0].extract_acl_and_report_errors(req))
out['account_acl'] = validated

formatted = []
for value in data['format']:
    acl_dict = parse_acl(version=2, data=value)
    formatted.append(format_acl(version=2, acl_dict=acl_dict)
                     if acl_dict else None)
out['format'] = formatted

out['referrer'] = [referrer_allowed(r, parse_acl(acl)[0])
                   for r, acl in data['referrer']]
out['parse'] = [list(parse_acl(acl)) for acl in data['parse']]

json.dump(out, sys.stdout)
