print("broken body runs")
1 / 0
