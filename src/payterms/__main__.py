"""Run the ``payterms`` command: ``python -m payterms demo``."""

from payterms.cli import main

raise SystemExit(main())
