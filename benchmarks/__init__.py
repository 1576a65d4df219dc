"""The scale benchmark: a generated corpus, its plain-Material floor, and the measurements.

- `benchmarks.corpus` copies the project and adds N generated briefs, actors and indicators;
- `benchmarks.floor` writes the same pages as a plain Material site, every page static Markdown;
- `benchmarks.run` (what `script/bench` calls) builds both in alternating runs and prints the figures.

Nothing here asserts: it measures and prints. `tests/test_bench.py` only checks that it still runs.
"""
