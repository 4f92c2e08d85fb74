"""SQL models: each `sql/*.sql` is one SELECT; its dependencies are read from the SQL itself."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import sqlglot
from sqlglot import exp

_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


class ModelError(ValueError):
    """A model file that cannot be used, with the file named in the message."""


@dataclass(frozen=True)
class SqlModel:
    name: str
    path: Path
    sql: str
    reads: frozenset[str]  # table and model names the SELECT reads (CTEs excluded)
    description: str


def tables_read(sql: str | exp.Expression) -> set[str]:
    """Names of the tables a query (SQL text or a parsed tree) reads, minus the CTEs it defines itself."""
    tree = sqlglot.parse_one(sql, read="duckdb") if isinstance(sql, str) else sql
    ctes = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    return {t.name.lower() for t in tree.find_all(exp.Table) if t.name and t.name.lower() not in ctes}


def header_comment(sql: str) -> str:
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:].strip())
    return " ".join(lines).strip()


def load_model(path: Path) -> SqlModel:
    name = path.stem
    if not _NAME.match(name):
        raise ModelError(f"{path.name}: model file names must be lower_snake_case SQL identifiers")
    sql = path.read_text(encoding="utf-8").strip().rstrip(";").strip()
    try:
        statements = sqlglot.parse(sql, read="duckdb")
    except sqlglot.errors.ParseError as exc:
        raise ModelError(f"{path.name}: cannot parse the SQL: {str(exc).splitlines()[0]}") from exc
    if len(statements) != 1 or not isinstance(statements[0], exp.Query):
        raise ModelError(f"{path.name}: a model must be exactly one SELECT statement")
    reads = frozenset(tables_read(statements[0]) - {name})
    return SqlModel(name, path, sql, reads, header_comment(sql) or f"SQL model {path.name}")


def discover_models(sql_dir: Path) -> list[SqlModel]:
    if not sql_dir.is_dir():
        return []
    return [load_model(p) for p in sorted(sql_dir.glob("*.sql"))]
