# Swift 2.30.1's keystoneauth over a table of cases (stdin JSON), one answer per case (stdout JSON):
# [status, swift_owner] where status 0 = authorized (keystoneauth returned None).
import json
import sys

from swift.common.middleware.keystoneauth import KeystoneAuth
from swift.common.swob import Request


def app(env, start_response):
    # any backend request (an account HEAD for uncached info) finds nothing
    start_response('404 Not Found', [('Content-Length', '0')])
    return [b'']


def main():
    data = json.load(sys.stdin)
    auths = [KeystoneAuth(app, dict(conf)) for conf in data['configs']]
    answers = []
    for case in data['cases']:
        auth = auths[case['config']]
        path = '/v1/' + case['account']
        if case['container'] is not None:
            path += '/' + case['container']
            if case['object'] is not None:
                path += '/' + case['object']
        req = Request.blank(path, environ={'REQUEST_METHOD': case['method']})
        if case['referer'] is not None:
            req.headers['Referer'] = case['referer']
        if case['acl'] is not None:
            req.acl = case['acl']
        sysmeta = case['account_sysmeta']
        infocache = {}
        if sysmeta is not None:
            infocache['account/' + case['account']] = {
                'status': 200, 'container_count': 0, 'total_object_count': 0, 'bytes': 0,
                'storage_policies': {}, 'meta': {}, 'sysmeta': dict(sysmeta)}
        req.environ['swift.infocache'] = infocache
        ident = case['identity']
        if ident is None:
            resp = auth.authorize_anonymous(req)
        else:
            env_identity = {
                'user': (ident['user_id'], ident['user_name']),
                'tenant': (ident['project_id'], ident['project_name']),
                'roles': ident['roles'],
                'service_roles': ident['service_roles'],
                'user_domain': (ident['user_domain_id'], None),
                'project_domain': (ident['project_domain_id'], None),
                'auth_version': 3,
            }
            req.environ['REMOTE_USER'] = env_identity['tenant']
            resp = auth.authorize(env_identity, req)
        status = 0 if resp is None else resp.status_int
        answers.append([status, bool(req.environ.get('swift_owner'))])
    json.dump(answers, sys.stdout)


main()
