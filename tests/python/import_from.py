# import: `from mod_util import ...` and `import ... as`: names bound in the importer, module state shared
from mod_util import double, Greeter, VERSION
from mod_util import _private as hidden
import mod_util as mu
print(double(5), Greeter("from").greet(), VERSION, hidden())
print(mu.calls, mu.double is double)
mu.VERSION = "changed"
print(VERSION, mu.VERSION)
import mod_util
print(mod_util is mu, mod_util.VERSION)
