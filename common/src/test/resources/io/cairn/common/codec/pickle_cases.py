# For each stdin line "name<TAB>base64(python expression)<TAB>base64(Java's pickle)": evaluates the expression,
# prints "name<TAB>base64(pickle.dumps(value, protocol=2))<TAB>OK" when pickle.loads(Java's bytes) is the same
# value (same types, same dict order, NaN equal to NaN, -0.0 distinct from 0.0, arrays of one typecode), else
# "...<TAB>MISMATCH <repr>". Expressions may use F (below) and the array module.
import array, base64, math, pickle, sys


def F(s):
    """A fresh str object equal to s: equal literals in one expression are one object to the compiler."""
    return ''.join(list(s))


def same(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, array.array):
        return a.typecode == b.typecode and a == b
    if isinstance(a, dict):
        return len(a) == len(b) and all(same(ka, kb) and same(va, vb)
                                        for (ka, va), (kb, vb) in zip(a.items(), b.items()))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return a == b


for line in sys.stdin.read().splitlines():
    name, expr, java = line.split('\t')
    value = eval(base64.b64decode(expr).decode('utf-8'), {'F': F, 'array': array})
    ours = pickle.dumps(value, protocol=2)
    loaded = pickle.loads(base64.b64decode(java))
    verdict = 'OK' if same(loaded, value) else 'MISMATCH ' + repr(loaded)[:200]
    sys.stdout.write(name + '\t' + base64.b64encode(ours).decode('ascii') + '\t' + verdict + '\n')
