"""`stack up|down|status|logs`: the local Airflow stack (api-server, scheduler, dag-processor, triggerer)."""
from __future__ import annotations

import argparse

NAME = "stack"
HELP = "start, stop or inspect the local Airflow stack (make up / make down / make logs)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["up", "down", "status", "logs"])


def run(args: argparse.Namespace) -> int:
    from pipeline import stack

    if args.action == "up":
        s = stack.up()
        print(f"Airflow UI: {s.base_url()}/")
        print(f"login: {stack.ADMIN_USER} / {stack.admin_password()}")
        print(f"logs: {s.log_dir}  (make logs)   stop: make down")
    elif args.action == "down":
        stopped = stack.down()
        print("stopped: " + (", ".join(stopped) if stopped else "nothing was running"))
    elif args.action == "status":
        s = stack.current()
        pids = stack.running_pids(s)
        for component in stack.COMPONENTS:
            print(f"{component:<14} {'running pid ' + str(pids[component]) if component in pids else 'stopped'}")
        if pids:
            print(f"health: {'ok' if stack.healthy(stack.health(s)) else 'not healthy'} at {s.base_url()}")
    elif args.action == "logs":
        s = stack.current()
        for component in stack.COMPONENTS:
            print(f"{component:<14} {s.log_file(component)}")
        print(f"{'task logs':<14} {s.home / 'logs'}")
    return 0
