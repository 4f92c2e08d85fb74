"""The Dagster code location: `dagster dev -w workspace.yaml` loads `defs` from here."""
from pipeline.defs.build import build_defs
from pipeline.settings import Settings

defs = build_defs(Settings.from_env())
