# single-quoted t-string whose {expression=} text holds its own quote.
d = {}
t'{d["k"]} {d['k']=}'
