a = 'single' "double" '''tri
ple''' """tri "q" ple"""
b = r'raw\n' R"\d" b'bytes\x00' rb'\w' Br"x" u'unicode'
c = '\n\t\\\'\"\a\b\f\v\r\0\101\x41\u00e9\U0001F600 \q'
d = 'line\
continued'
e = b'\xff\777'
f = "é ü"
