# Argument binding errors of Python functions (_PyEval_EvalCode / initialize_locals): keyword errors come before too many positional arguments, whose message counts the keyword-only arguments given; every missing keyword-only argument is named.
def attempt(label, f):
    try:
        f()
    except TypeError as e:
        print(label, e)
def kwo(*, a): pass
def kwo2(x, *, a, b): pass
def pos(a): pass
def posd(a, b=1): pass
def two(a, b): pass
attempt("kwo extra positional", lambda: kwo(1, a=2))
attempt("kwo missing", lambda: kwo())
attempt("kwo2 missing both", lambda: kwo2(1))
attempt("kwo2 extra with one kw", lambda: kwo2(1, 2, a=1))
attempt("kwo2 extra with two kw", lambda: kwo2(1, 2, 3, a=1, b=2))
attempt("pos extra and bad kw", lambda: pos(1, 2, zz=3))
attempt("posd extra", lambda: posd(1, 2, 3))
attempt("two missing", lambda: two())
attempt("multiple values", lambda: two(1, a=2))
attempt("zero takes", lambda: (lambda: 0)(1))
