f"plain"
f"a{x}b{y!r}c{z:>10}d"
f"{x:{width}.{precision}f}"
f'{{literal}} {a["key"]} {b!s:^{w}}'
rf"raw\n{x}\d"
f"""multi
{line}"""
f"{x=}" f"{ y = !a}"
f"{'nested' + f'{inner}'}"
