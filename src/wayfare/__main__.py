"""The ``wayfare`` console script: Django's command line with Wayfare's settings."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wayfare.settings")
    # Commands are spelled with hyphens on the command line (``wayfare analyse-log``), as the
    # issues name them; Django's command modules use underscores.
    if len(argv) > 1 and "-" in argv[1] and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
