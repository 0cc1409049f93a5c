"""`python -m pipeline bench`: throughput, scaling and memory of the pipeline beside its references, in one run.

One module per section (text, html, load, airflow, memory, scaling); `corpus` makes the inputs, `run` ties the
sections together, writes `.data/bench/results.json` and prints the table.
"""
