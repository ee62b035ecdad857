"""Runs the Python recipes of docs/tables.md, exactly as written there, on a study folder
partitioned by lr (.ci/lr-partitions.yaml), and checks what that page says about the readers: how
each types the partition column, and every column's type in the files.

Usage: python .ci/data-tools.py OUT_DIR   (needs polars, duckdb, pandas and pyarrow installed)
"""
import re
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds

DOC = Path(__file__).resolve().parent.parent / "docs" / "tables.md"
EXPECTED_LR = [1.0e-4, 1.0e-4, 0.01, 0.01, 0.1, 0.1]  # 3 rates x 2 replicates, in numeric order


def recipes(text):
    """The ```python blocks of the page, by the reader named in their first comment line."""
    found = {}
    for block in re.findall(r"```python\n(.*?)```", text, re.S):
        reader = re.match(r"# (\w+):", block).group(1)
        found[reader] = block
    return found


def lr_column(trials):
    if isinstance(trials, list):  # DuckDB's fetchall: lr is the first column
        return [row[0] for row in trials]
    if isinstance(trials, pa.Table):
        return trials.column("lr").to_pylist()
    if isinstance(trials, pd.DataFrame):
        return trials["lr"].tolist()
    return trials["lr"].to_list()  # polars


def check_recipes(out, text):
    found = recipes(text)
    assert sorted(found) == ["DuckDB", "pandas", "polars", "pyarrow"], sorted(found)
    for reader, code in found.items():
        scope = {"out": str(out)}
        exec(code, scope)
        got = lr_column(scope["trials"])
        assert got == EXPECTED_LR, f"{reader}: lr read as {got}, expected {EXPECTED_LR}"
        assert all(type(v) is float for v in got), f"{reader}: lr is not a float: {got}"
        print(f"{reader}: {len(got)} trials, lr in numeric order")


def check_inferred_types(out):
    """The page's table of what each reader makes of the lr folders when not told."""
    glob = f"{out}/trials/*/*.parquet"
    duck = duckdb.sql(f"SELECT typeof(lr), lr FROM read_parquet('{glob}', hive_partitioning = true) ORDER BY lr").fetchall()
    assert {t for t, _ in duck} == {"VARCHAR"} and duck[-1][1] == "1.0E-4", duck
    arrow = ds.dataset(f"{out}/trials", format="parquet", partitioning="hive").schema.field("lr").type
    assert arrow == pa.string(), arrow
    frame = pd.read_parquet(f"{out}/trials")
    assert isinstance(frame["lr"].dtype, pd.CategoricalDtype), frame["lr"].dtype
    assert frame.sort_values("lr")["lr"].tolist()[-1] == "1.0E-4", frame.sort_values("lr")["lr"].tolist()
    # polars reads the finished folder itself (no .crc or other side file in it) and infers Float64
    polars = pl.read_parquet(f"{out}/trials")
    assert polars.schema["lr"] == pl.Float64 and polars.height == len(EXPECTED_LR), polars.schema
    print("untyped: DuckDB VARCHAR, pyarrow string, pandas category, polars Float64, as the page says")


def documented_columns(text, table):
    """(column, type) rows of the page's table for `table`, e.g. ('gradient_norm', 'list<float>')."""
    section = text.split(f"## `{table}`", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+?) \|", section, re.M)
    return [(name, kind.replace("&lt;", "<").replace("&gt;", ">").split(",")[0].strip()) for name, kind in rows]


ARROW = {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64(), "float": pa.float32(), "double": pa.float64()}


def arrow_type(kind):
    inner = re.fullmatch(r"list<(\w+)>", kind)
    return pa.list_(ARROW[inner.group(1)]) if inner else ARROW[kind]


def check_column_types(out, text):
    assert "| float (32-bit" in text and "FLOAT / float32" in text, "the type table's float row"
    for table in ("trials", "traces"):
        schema = ds.dataset(f"{out}/{table}", format="parquet", partitioning="hive").schema
        documented = documented_columns(text, table)
        assert len(documented) > 10, documented
        for name, kind in documented:
            if name == "lr":  # the partition column: its type is the reader's (see above)
                continue
            actual = schema.field(name).type
            if pa.types.is_list(actual):
                actual = pa.list_(actual.value_type)  # the element's name and nullability aside
            assert actual == arrow_type(kind), f"{table}.{name}: the page says {kind}, the files hold {actual}"
        print(f"{table}: {len(documented)} columns of the types the page gives")


def main():
    out = Path(sys.argv[1])
    text = DOC.read_text(encoding="utf-8")
    check_recipes(out, text)
    check_inferred_types(out)
    check_column_types(out, text)


if __name__ == "__main__":
    main()
