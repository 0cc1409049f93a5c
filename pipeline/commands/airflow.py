"""`airflow ARGS…`: the airflow command with the project's environment set."""
from __future__ import annotations

import argparse

NAME = "airflow"
HELP = "run the airflow CLI with the project's environment (e.g. `airflow dags list`)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("args", nargs=argparse.REMAINDER, help="arguments passed to airflow")


def run(args: argparse.Namespace) -> int:
    from pipeline import airflow_cli

    return airflow_cli.run(args.args, check=False).returncode
