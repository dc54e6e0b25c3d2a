# bench: float kernel: spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1), power method.
# Argument: n (default 200). Prints the norm, %.9f.
import sys


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v, n):
    out = [0.0] * n
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        out[i] = s
    return out


def mul_atv(v, n):
    out = [0.0] * n
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * v[j]
        out[i] = s
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else 200
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print("%.9f" % ((vbv / vv) ** 0.5))


main(sys.argv)
