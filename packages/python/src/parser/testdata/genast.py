import ast, json, sys
NOPOS = {'Module','arguments','comprehension','withitem'}
def conv(n):
    if isinstance(n, list): return [conv(x) for x in n]
    if n is None: return None
    if isinstance(n, ast.AST):
        name = type(n).__name__
        if isinstance(n, (ast.operator, ast.unaryop, ast.cmpop, ast.boolop, ast.expr_context)): return name
        d = {'type': name}
        for f in n._fields:
            if f in ('type_comment', 'type_ignores'): continue
            v = getattr(n, f, None)
            if name == 'ExceptHandler' and f == 'type': d['exc_type'] = conv(v); continue
            if name == 'Constant' and f == 'value': d['value'] = const(v); continue
            if name == 'Constant' and f == 'kind': d['kind'] = v; continue
            if f == 'is_async' or f == 'simple' or f == 'level' or f == 'conversion': d[f] = v; continue
            d[f] = conv(v) if isinstance(v, (list, ast.AST)) or v is None else v
        if name == 'FormattedValue' and 'format_spec' not in d: d['format_spec'] = None
        if name not in NOPOS and hasattr(n, 'lineno'):
            d.update(lineno=n.lineno, col_offset=n.col_offset, end_lineno=n.end_lineno, end_col_offset=n.end_col_offset)
        return d
    return n
def const(v):
    if v is None: return {'kind': 'None'}
    if v is Ellipsis: return {'kind': 'Ellipsis'}
    if isinstance(v, bool): return {'kind': 'bool', 'value': v}
    if isinstance(v, int): return {'kind': 'int', 'value': str(v)}
    if isinstance(v, float): return {'kind': 'float', 'value': v if v == v and abs(v) != float('inf') else repr(v)}
    if isinstance(v, str): return {'kind': 'str', 'value': v}
    if isinstance(v, bytes): return {'kind': 'bytes', 'value': list(v)}
    raise ValueError(v)
srcs = json.load(open(sys.argv[1]))
out = []
for s in srcs:
    out.append({'src': s, 'ast': conv(ast.parse(s))})
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
