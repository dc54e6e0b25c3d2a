a += b -= c *= d /= e //= f %= g **= h >>= i <<= j &= k |= l ^= m @= n
a == b != c <= d >= e < f > g
a -> b ... a.b ; a : b , c
~a + -b * c / d // e % f ** g << h >> i & j | k ^ l @ m
